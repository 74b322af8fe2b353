import { describe, expect, it } from "vitest";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as archiveLoader } from "~/routes/_index";
import { loader as episodesApi } from "~/routes/api.episodes";
import { importDocument } from "~/models/import/index.server";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";
import { createUser } from "~/models/users/index.server";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";

describe("the database", () => {
  it("writes and reads through Prisma, with relations", async () => {
    const user = await createUser({ username: "Ada", password: "correct horse battery staple" });
    const episode = await prisma.episode.create({
      data: { kind: "program", number: 1, slug: "ftr-1", title: "FTR #1 A test program" },
    });
    await prisma.comment.create({
      data: { episodeId: episode.id, ordinal: 1, authorId: user.id, body: "First!", postedAt: new Date() },
    });
    const stored = await prisma.user.findUniqueOrThrow({
      where: { usernameKey: "ada" },
      select: { username: true, role: true, passwordHash: true, comments: { select: { body: true } } },
    });
    expect(stored).toMatchObject({ username: "Ada", role: "member", comments: [{ body: "First!" }] });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "wrong")).toBe(false);
  });

  it("starts every test with empty tables", async () => {
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.episode.count()).toBe(0);
  });

  it("refuses a second user with the same name in another case", async () => {
    await createUser({ username: "Grace", password: "a long enough password" });
    await expect(createUser({ username: "grace", password: "another password" })).rejects.toThrow();
  });
});

describe("GET /healthz", () => {
  it("answers ok with the database up", async () => {
    const response = await healthLoader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: "up" });
  });
});

describe("GET / (the archive)", () => {
  const load = (query = "") =>
    archiveLoader({ request: new Request(`http://localhost/${query}`), params: {}, context: { clientIp: "127.0.0.1" } });

  it("shows each imported episode's publication date and the first sentences of its intro, in the page and its JSON twin", async () => {
    await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const data = await load();
    const [program] = data.episodes;
    const stored = await prisma.episode.findFirstOrThrow({ select: { publishedOn: true, intro: true } });
    // The capture has no publication date: the page is dated by its discussion's first comment.
    expect(stored.publishedOn).toBeNull();
    expect(program!.firstCommentAt?.toISOString()).toBe("2024-03-23T00:57:00.000Z");
    expect(program!.teaser).toBeTruthy();
    expect(program!.teaser!.length).toBeLessThanOrEqual(240);
    expect(stored.intro.join(" ").replace(/\s+/g, " ")).toContain(program!.teaser!.replace(/…$/, ""));
    const json = (await (await episodesApi({ request: new Request("http://localhost/api/episodes"), params: {}, context: { clientIp: "127.0.0.1" } })).json()) as {
      episodes: { publishedOn: string | null; firstCommentAt: string | null; teaser: string | null }[];
    };
    expect(json.episodes[0]).toMatchObject({ publishedOn: null, firstCommentAt: "2024-03-23T00:57:00.000Z", teaser: program!.teaser });
  });

  it("lists episodes newest first with their comment counts", async () => {
    await prisma.episode.create({ data: { kind: "article", slug: "older", title: "Older", createdAt: new Date("2024-01-01") } });
    const newer = await prisma.episode.create({ data: { kind: "program", number: 2, slug: "newer", title: "Newer" } });
    await prisma.comment.create({ data: { episodeId: newer.id, ordinal: 1, body: "Hi", postedAt: new Date() } });
    const data = await load();
    expect(data.episodes.map((e) => [e.slug, e.commentCount])).toEqual([
      ["newer", 1],
      ["older", 0],
    ]);
  });

  it("answers a bad page number with a 400 and a readable message", async () => {
    const error = await load("?page=abc").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(400);
    expect(await (error as Response).text()).toMatch(/whole number/);
  });
});
