// The visibility matrix of docs/authorization.md, driven over HTTP: one episode holds every content
// state; every surface is asked as every reader; each cell of the table is one assertion. Then the
// regressions of issue 10 (what each reader sees), each over HTTP and named after its item.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { flagClaim, hideComment, resolveClaim } from "~/models/claims/index.server";
import { createComment, deleteOwnComment, editComment } from "~/models/comment.server";
import { discardSuggestion } from "~/models/suggestion.server";
import { prisma } from "~/utils/db.server";
import { toldOfEpisodeChange } from "~/utils/episode-versions.server";
import { createNamedUser, createTestUser, sessionCookieFor, signedIn } from "../factories";
import { testApp, type TestApp } from "../http";

const READERS = ["Anonymous", "Member", "Author", "Flagger", "Moderator", "Admin"] as const;
type ReaderName = (typeof READERS)[number];

const HOURS_AGO = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);

/** The table between the visibility-matrix markers: [content, surface, reader → shown]. */
function documentedMatrix() {
  const text = fs.readFileSync(new URL("../../docs/authorization.md", import.meta.url), "utf8");
  const block = /<!-- visibility-matrix:start -->\n([\s\S]*?)<!-- visibility-matrix:end -->/.exec(text)?.[1];
  if (!block) throw new Error("docs/authorization.md has no visibility matrix");
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim());
  const [header, , ...rows] = block.trim().split("\n");
  const columns = cells(header!);
  return rows.map((line) => {
    const row = cells(line);
    const shown = Object.fromEntries(
      READERS.map((reader) => {
        const value = row[columns.indexOf(reader)];
        if (value !== "✓" && value !== "—") throw new Error(`“${row[0]}” on “${row[1]}”, ${reader}: expected ✓ or —, found “${value}”`);
        return [reader, value === "✓"];
      }),
    ) as Record<ReaderName, boolean>;
    return { content: row[0]!, surface: row[1]!, shown };
  });
}

type Scene = Awaited<ReturnType<typeof buildScene>>;

async function buildScene() {
  const author = await createNamedUser("matrixauthor");
  const flagger = await createTestUser();
  const acting = await createNamedUser("Modnameacting", { role: "moderator" });
  const actor = { id: acting.id, role: acting.role, suspendedAt: null };
  const suspended = await createTestUser();
  const episode = await prisma.episode.create({ data: { kind: "post", slug: "matrix", title: "The matrix episode" }, select: { id: true, slug: true } });
  const post = (body: string, by = author) => createComment({ episodeId: episode.id, parentId: null, author: by, body });

  const visible = await post("Velvetvisible words and a Gracetoken claim to check, Matrixword.");
  const past = await post("Another Pasttoken claim, flagged long ago, Matrixword.");
  const dismissedOn = await post("A Dismisstoken claim a moderator dismissed, Matrixword.");
  const edited = await post("Earlierversion of this comment, Matrixword.");
  await editComment({ commentId: edited.id, editor: author, body: "Currentversion of this comment, Matrixword." });
  const deleted = await post("Deletedtext the author took back, Matrixword.");
  await deleteOwnComment({ commentId: deleted.id, actor: author });
  const hidden = await post("Hiddentext with a Removedtoken claim, Matrixword.");
  const bySuspended = await post("Suspendedtext by an account suspended since, Matrixword.", suspended);
  await prisma.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(), suspendedReason: "test" } });

  const flag = (commentId: number, exact: string) => flagClaim({ user: { ...flagger, suspendedAt: null }, target: { type: "comment", id: commentId }, exact, reason: "no_source" });
  const grace = await flag(visible.id, "Gracetoken");
  const pastClaim = await flag(past.id, "Pasttoken");
  const dismissed = await flag(dismissedOn.id, "Dismisstoken");
  const removed = await flag(hidden.id, "Removedtoken");
  await prisma.claim.updateMany({ where: { id: { in: [pastClaim.claimId, dismissed.claimId, removed.claimId] } }, data: { createdAt: HOURS_AGO(3) } });
  await resolveClaim({ moderator: actor, claimId: dismissed.claimId, version: 1, action: "dismiss", reason: "Not a claim." });
  await hideComment({ moderator: actor, commentId: hidden.id, reason: "Off topic." });

  const suggestion = await prisma.claimSuggestion.create({
    data: { episodeId: episode.id, commentId: visible.id, start: 0, end: 13, exact: "Velvetvisible", prefix: "", suffix: "", score: 1, signals: [], targetRevision: 1 },
  });
  await discardSuggestion({ moderator: actor, id: suggestion.id, reason: "Discardreason given by the moderator." });

  const cookies: Record<ReaderName, string | undefined> = {
    Anonymous: undefined,
    Member: (await signedIn("member")).cookie,
    Author: await sessionCookieFor(author.id),
    Flagger: await sessionCookieFor(flagger.id),
    Moderator: (await signedIn("moderator")).cookie,
    Admin: (await signedIn("admin")).cookie,
  };
  return {
    episode,
    cookies,
    comments: { visible, edited, deleted, hidden, bySuspended },
    claims: { grace: grace.claimId, past: pastClaim.claimId, dismissed: dismissed.claimId, removed: removed.claimId },
  };
}

// A word every comment has: the answer echoes the query, so the query names no content state.
const SEARCH = "Matrixword";

/** Where each surface is read, for a row's content (history and claim pages are per comment and claim). */
function pathOf(scene: Scene, surface: string, content: string) {
  const slug = scene.episode.slug;
  const commentOf: Record<string, { id: number }> = {
    "visible comment": scene.comments.visible,
    "edited comment, earlier version": scene.comments.edited,
    "comment deleted by its author": scene.comments.deleted,
    "comment hidden by a moderator": scene.comments.hidden,
    "comment of a suspended account": scene.comments.bySuspended,
  };
  const claimOf: Record<string, number> = {
    "claim in its grace period": scene.claims.grace,
    "claim past its grace period": scene.claims.past,
    "claim dismissed": scene.claims.dismissed,
    "claim removed (its comment hidden)": scene.claims.removed,
    "moderator names": scene.claims.dismissed,
  };
  const paths: Record<string, () => string> = {
    "episode page": () => `/episodes/${slug}`,
    "episode page .data": () => `/episodes/${slug}.data`,
    "/api/episodes/:slug": () => `/api/episodes/${slug}`,
    "episode comments feed": () => `/feeds/episodes/${slug}/comments.xml`,
    "site comments feed": () => `/feeds/comments.xml`,
    "/search": () => `/search?${new URLSearchParams({ q: SEARCH, kind: "comments" })}`,
    "/api/search": () => `/api/search?${new URLSearchParams({ q: SEARCH, kind: "comments" })}`,
    "author's profile": () => `/users/matrixauthor`,
    "comment history": () => `/comments/${commentOf[content]!.id}/history`,
    "/claims": () => `/claims`,
    "/claims/:id": () => `/claims/${claimOf[content]}`,
    "/api/claims": () => `/api/claims`,
    "/api/claims/:id": () => `/api/claims/${claimOf[content]}`,
    "episode claims feed": () => `/feeds/episodes/${slug}/claims.xml`,
    "moderation log": () => `/moderation/log`,
  };
  const path = paths[surface];
  if (!path) throw new Error(`the matrix names a surface the test does not know: “${surface}”`);
  return path();
}

/** What shows that a row's content is in an answer. Claims on the page are their marks in the comment's HTML. */
function markerOf(scene: Scene, content: string, surface: string) {
  const claimOnPage = (id: number) => `data-claim-id="${id}"`;
  const markers: Record<string, string> = {
    "visible comment": "Velvetvisible",
    "edited comment, earlier version": "Earlierversion",
    "comment deleted by its author": "Deletedtext",
    "comment hidden by a moderator": "Hiddentext",
    "comment of a suspended account": "Suspendedtext",
    "claim in its grace period": surface === "episode page" ? claimOnPage(scene.claims.grace) : "Gracetoken",
    "claim past its grace period": surface === "episode page" ? claimOnPage(scene.claims.past) : "Pasttoken",
    "claim dismissed": surface === "episode page" ? claimOnPage(scene.claims.dismissed) : "Dismisstoken",
    "claim removed (its comment hidden)": surface === "episode page" ? claimOnPage(scene.claims.removed) : "Removedtoken",
    "suggestion discarded (its reason)": "Discardreason",
    "moderator names": "Modnameacting",
  };
  const marker = markers[content];
  if (!marker) throw new Error(`the matrix names a content state the test does not know: “${content}”`);
  return marker;
}

describe("the visibility matrix (docs/authorization.md), over HTTP", () => {
  const matrix = documentedMatrix();

  it(`holds in every one of its ${matrix.length * READERS.length} cells`, async () => {
    const app: TestApp = await testApp();
    const scene = await buildScene();
    const answers = new Map<string, string>();
    const read = async (path: string, reader: ReaderName) => {
      const key = `${reader} ${path}`;
      if (!answers.has(key)) {
        const response = await app.get(path, { cookie: scene.cookies[reader] });
        expect(response.status, `${reader} GET ${path}`).toBeLessThan(500);
        answers.set(key, await response.text());
      }
      return answers.get(key)!;
    };
    const differences: string[] = [];
    for (const { content, surface, shown } of matrix) {
      const path = pathOf(scene, surface, content);
      const marker = markerOf(scene, content, surface);
      for (const reader of READERS) {
        const body = await read(path, reader);
        if (body.includes(marker) !== shown[reader]) {
          differences.push(`${content} × ${surface} × ${reader}: expected ${shown[reader] ? "shown" : "not shown"} (GET ${path})`);
        }
      }
    }
    expect(differences).toEqual([]);
    // About a hundred requests, one per surface and reader: a limit, not a timed assertion.
  }, 600_000);
});

describe("issue 10: what each reader sees, one rule for every surface (over HTTP)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp();
  });

  async function episodeWithRemovedComments() {
    const author = await createTestUser();
    const episode = await prisma.episode.create({ data: { kind: "post", slug: "removed", title: "Removed comments" }, select: { id: true, slug: true } });
    const post = (body: string) => createComment({ episodeId: episode.id, parentId: null, author, body });
    await post("First visible comment.");
    await post("Second visible comment.");
    const deleted = await post("Secretly deleted words.");
    await deleteOwnComment({ commentId: deleted.id, actor: author });
    const hidden = await post("Abusive hidden words.");
    const moderator = await createTestUser({ role: "moderator" });
    await hideComment({ moderator: { ...moderator, suspendedAt: null }, commentId: hidden.id, reason: "Abuse." });
    return { episode, author, hidden, deleted };
  }

  it("item 1: GET /api/episodes/:slug never prints the text of a hidden or deleted comment", async () => {
    const { episode } = await episodeWithRemovedComments();
    const response = await app.get(`/api/episodes/${episode.slug}`);
    const text = await response.text();
    expect(text).not.toContain("Secretly deleted words");
    expect(text).not.toContain("Abusive hidden words");
    const json = JSON.parse(text) as { comments: { status: string; notice: string | null; paragraphs: string[] }[] };
    // Removed comments keep their place (replies point to them), with their notice and no text.
    expect(json.comments.filter((comment) => comment.status !== "visible")).toEqual([
      expect.objectContaining({ status: "deleted", notice: "[deleted by the author]", paragraphs: [] }),
      expect.objectContaining({ status: "hidden", notice: "[hidden by a moderator]", paragraphs: [] }),
    ]);
  });

  it("item 3: the heading, the JSON twin and the archive count only the comments readers can see", async () => {
    const { episode } = await episodeWithRemovedComments();
    const page = await (await app.get(`/episodes/${episode.slug}`)).text();
    expect(page).toContain("2 comments");
    expect(page).not.toContain("4 comments");
    expect((await (await app.get(`/api/episodes/${episode.slug}`)).json()).commentCount).toBe(2);
    const archive = await (await app.get(`/api/episodes`)).json();
    expect(archive.episodes[0].commentCount).toBe(2);
  });

  it("item 4: the anonymous page and its .data twin carry no version header, headers stay small, and suggestions change the page", async () => {
    const episode = await prisma.episode.create({ data: { kind: "post", slug: "versioned", title: "Versioned page" }, select: { id: true, slug: true } });
    // 20,000 imported authors: the version no longer grows with them.
    await prisma.importedAuthor.createMany({ data: Array.from({ length: 20_000 }, (_, index) => ({ name: `Imported author ${index}` })) });
    for (const path of [`/episodes/${episode.slug}`, `/episodes/${episode.slug}.data`]) {
      const response = await app.get(path, { headers: { "Accept-Encoding": "gzip" } });
      expect(response.status).toBe(200);
      const names = [...response.headers.keys()];
      expect(names.filter((name) => /version/i.test(name))).toEqual([]);
      const size = [...response.headers].reduce((total, [name, value]) => total + name.length + value.length + 4, 0);
      expect(size).toBeLessThan(1024);
      await response.arrayBuffer();
    }
    // A suggestion waiting for review is counted on the page; discarding it changes the cached page.
    const moderator = await createTestUser({ role: "moderator" });
    // These writes come from the test's own connection: the server learns of each from PostgreSQL's
    // notification a moment after the commit, so the test waits until it was told, as any reader would.
    const section = await prisma.section.create({ data: { episodeId: episode.id, position: 1, label: "body", blocks: [{ type: "paragraph", text: "Some text." }], plainText: "Some text." } });
    let told = toldOfEpisodeChange(episode.slug);
    const suggestion = await prisma.claimSuggestion.create({
      data: { episodeId: episode.id, sectionId: section.id, start: 0, end: 4, exact: "Some", prefix: "", suffix: "", score: 1, signals: [], targetRevision: 1 },
    });
    await told;
    expect(await (await app.get(`/episodes/${episode.slug}`)).text()).toContain("suggested for review");
    told = toldOfEpisodeChange(episode.slug);
    await discardSuggestion({ moderator: { ...moderator, suspendedAt: null }, id: suggestion.id, reason: "Not check-worthy." });
    await told;
    expect(await (await app.get(`/episodes/${episode.slug}`)).text()).not.toContain("suggested for review");
    // 20,000 rows and a few pages on a shared machine: a limit, not a timed assertion.
  }, 300_000);

  it("item 5: a claim in its grace period is not listed on /claims, /api/claims or the claims feed, and is once the period ends", async () => {
    const author = await createTestUser();
    const flagger = await createTestUser();
    const episode = await prisma.episode.create({ data: { kind: "post", slug: "grace", title: "Grace" }, select: { id: true, slug: true } });
    const comment = await createComment({ episodeId: episode.id, parentId: null, author, body: "Quokkas invented the telephone." });
    const { claimId } = await flagClaim({ user: { ...flagger, suspendedAt: null }, target: { type: "comment", id: comment.id }, exact: "Quokkas invented the telephone", reason: "no_source" });
    const surfaces = ["/claims", "/api/claims", `/api/claims/${claimId}`, `/claims/${claimId}`, `/feeds/episodes/${episode.slug}/claims.xml`];
    for (const path of surfaces) expect(await (await app.get(path)).text(), path).not.toContain("Quokkas invented");
    await prisma.claim.update({ where: { id: claimId }, data: { createdAt: HOURS_AGO(2) } });
    for (const path of surfaces) expect(await (await app.get(path)).text(), path).toContain("Quokkas invented");
  });

  it("item 6: the public moderation log never shows suggestion discards or their reasons", async () => {
    const moderator = await createTestUser({ role: "moderator" });
    const episode = await prisma.episode.create({ data: { kind: "post", slug: "log", title: "Log" }, select: { id: true } });
    const section = await prisma.section.create({ data: { episodeId: episode.id, position: 1, label: "body", blocks: [], plainText: "Text." } });
    const suggestion = await prisma.claimSuggestion.create({
      data: { episodeId: episode.id, sectionId: section.id, start: 0, end: 4, exact: "Text", prefix: "", suffix: "", score: 1, signals: [], targetRevision: 1 },
    });
    await discardSuggestion({ moderator: { ...moderator, suspendedAt: null }, id: suggestion.id, reason: "Wombatreason for discarding." });
    expect(await (await app.get("/moderation/log")).text()).not.toContain("Wombatreason");
    expect(await (await app.get("/moderation/log", { cookie: (await signedIn("member")).cookie })).text()).not.toContain("Wombatreason");
    expect(await (await app.get("/moderation/log", { cookie: (await signedIn("moderator")).cookie })).text()).toContain("Wombatreason");
  });

  it("item 8: staff visibility comes from the permission table, so a suspended moderator reads as anonymous", async () => {
    const { episode, hidden } = await episodeWithRemovedComments();
    const suspendedModerator = await signedIn("moderator", { suspended: true });
    const page = await (await app.get(`/episodes/${episode.slug}`, { cookie: suspendedModerator.cookie })).text();
    expect(page).toContain("[hidden by a moderator]");
    expect(page).not.toContain("Abusive hidden words");
    expect((await app.get(`/comments/${hidden.id}/history`, { cookie: suspendedModerator.cookie })).status).toBe(404);
    // The same account, not suspended, reads them: the permission, not the role name, decides.
    await prisma.user.update({ where: { id: suspendedModerator.user.id }, data: { suspendedAt: null } });
    expect(await (await app.get(`/episodes/${episode.slug}`, { cookie: suspendedModerator.cookie })).text()).toContain("Abusive hidden words");
    expect((await app.get(`/comments/${hidden.id}/history`, { cookie: suspendedModerator.cookie })).status).toBe(200);
  });
});
