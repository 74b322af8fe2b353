import { beforeEach, describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { loader as profileLoader } from "~/routes/users.$username";
import { prisma } from "~/utils/db.server";
import { createNamedUser, createTestComment, outcomeOf, testContext } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

function profile(username: string, search = "") {
  const request = new Request(`http://localhost/users/${encodeURIComponent(username)}${search}`);
  return outcomeOf(() => profileLoader({ request, params: { username }, context: testContext }));
}

let episode: { id: number; slug: string; title: string };

beforeEach(async () => {
  episode = (await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) })).episode;
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("GET /users/:username", () => {
  it("shows the name, role and joined date, and only visible comments, newest first, linking to each", async () => {
    const ada = await createNamedUser("Ada", { role: "moderator" });
    const older = await createTestComment({ episodeId: episode.id, authorId: ada.id, body: "First thoughts.", postedAt: minutesAgo(30) });
    const newer = await createTestComment({ episodeId: episode.id, authorId: ada.id, body: "Second thoughts.", postedAt: minutesAgo(10) });
    await createTestComment({ episodeId: episode.id, authorId: ada.id, body: "Hidden by a moderator.", status: "hidden", postedAt: minutesAgo(5) });
    await createTestComment({ episodeId: episode.id, authorId: ada.id, body: "Deleted by Ada.", status: "deleted", postedAt: minutesAgo(1) });
    const grace = await createNamedUser("Grace");
    await createTestComment({ episodeId: episode.id, authorId: grace.id, body: "Someone else's." });

    const result = await profile("ada");
    expect(result.status).toBe(200);
    expect(result.body.profile).toEqual({ username: "Ada", role: "moderator", createdAt: expect.any(Date), suspendedAt: null });
    expect(result.body.comments).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(result.body.comments.comments).toEqual([
      {
        id: expect.any(Number),
        ordinal: newer.ordinal,
        anchor: newer.anchor,
        postedAt: expect.any(Date),
        excerpt: "Second thoughts.",
        excerptHtml: "<p>Second thoughts.</p>\n",
        episode: { slug: episode.slug, title: episode.title, timeZone: "America/Los_Angeles" },
      },
      expect.objectContaining({ ordinal: older.ordinal, anchor: older.anchor, excerpt: "First thoughts.", episode: expect.objectContaining({ slug: episode.slug }) }),
    ]);
    expect(JSON.stringify(result.body)).not.toMatch(/Hidden by a moderator|Deleted by Ada|passwordHash|email/);
  });

  it("renders a comment's Markdown on the profile, sanitized, instead of showing the raw markup", async () => {
    const ada = await createNamedUser("Ada");
    await createTestComment({ episodeId: episode.id, authorId: ada.id, body: "This is **important**, see [the report](https://example.org/r).\n\n<script>alert(1)</script>" });
    const [comment] = (await profile("Ada")).body.comments.comments;
    expect(comment.excerptHtml).toBe(
      '<p>This is <strong>important</strong>, see <a href="https://example.org/r" rel="nofollow ugc noopener">the report</a>.</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
    expect(comment.excerptHtml).not.toContain("**");
  });

  it("cuts a long comment to a 200-character excerpt on one line", async () => {
    const ada = await createNamedUser("Ada");
    await createTestComment({ episodeId: episode.id, authorId: ada.id, body: `${"word ".repeat(30)}\n\n${"more ".repeat(60)}` });
    const [comment] = (await profile("Ada")).body.comments.comments;
    expect(comment.excerpt).toHaveLength(200);
    expect(comment.excerpt).not.toContain("\n");
    expect(comment.excerpt.endsWith("…")).toBe(true);
  });

  it("shows 20 comments a page", async () => {
    const ada = await createNamedUser("Ada");
    for (let index = 1; index <= 23; index += 1) {
      await createTestComment({ episodeId: episode.id, authorId: ada.id, body: `Comment ${index}`, postedAt: minutesAgo(100 - index) });
    }
    const first = await profile("Ada");
    expect(first.body.comments).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(first.body.comments.comments).toHaveLength(20);
    expect(first.body.comments.comments[0].excerpt).toBe("Comment 23");
    const second = await profile("Ada", "?page=2");
    expect(second.body.comments.comments.map((comment: { excerpt: string }) => comment.excerpt)).toEqual(["Comment 3", "Comment 2", "Comment 1"]);
    expect((await profile("Ada", "?page=zero")).status).toBe(400);
  });

  it("says when the account is suspended", async () => {
    const troll = await createNamedUser("Troll");
    const suspendedAt = new Date("2026-02-03T04:05:06Z");
    await prisma.user.update({ where: { id: troll.id }, data: { suspendedAt, suspendedReason: "private reason" } });
    const result = await profile("Troll");
    expect(result.body.profile.suspendedAt).toEqual(suspendedAt);
    // The reason is for admins; the public page says only that the account is suspended.
    expect(JSON.stringify(result.body)).not.toContain("private reason");
  });

  it("lists the comments of an imported author linked to the account", async () => {
    const ptero = await createNamedUser("ptero");
    await prisma.importedAuthor.update({ where: { name: "Pterrafractyl" }, data: { linkedUserId: ptero.id } });
    const result = await profile("ptero");
    expect(result.body.comments.total).toBe(8);
  });

  it("answers an unknown name with 404", async () => {
    const result = await profile("nobody");
    expect(result).toMatchObject({ status: 404, body: "No member is called “nobody”. Imported authors have no profile." });
  });

  it("answers an imported author's name with 404, saying imported authors have no profile", async () => {
    const result = await profile("dave emory");
    expect(result.status).toBe(404);
    expect(result.body).toBe("“Dave Emory” is the name of an author of imported comments, not a member. Imported authors have no profile.");
  });
});
