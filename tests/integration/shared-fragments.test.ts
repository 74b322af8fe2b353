// Issue 15, signed-in pages (ADR 0041): the article and the discussion of a signed-in page are shared
// fragments, rendered once and their HTML reused for every reader with the same view of them. What must
// hold: a page made with kept fragments is byte for byte the page rendered from scratch for that reader,
// and no reader ever gets a fragment made for a reader who sees something else (their own comment, a
// watch, a moderator's view of a hidden comment).
import { beforeEach, describe, expect, it } from "vitest";
import { createComment } from "~/models/comment.server";
import { importDocument } from "~/models/import/index.server";
import { setWatchLevel } from "~/models/watch.server";
import { prisma } from "~/utils/db.server";
import { sharedFragments } from "~/utils/page-cache.server";
import { signedIn } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";
import { testApp, type TestApp } from "../http";

/** Comment 4 of FTR #863, which a moderator hides below. */
const HIDDEN_TEXT = "Was it an ISIS attack?";

/** The page as a reader gets it; the CSP nonce is the one part of a document that is new on every request. */
async function page(app: TestApp, slug: string, cookie: string) {
  const response = await app.get(`/episodes/${slug}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.text()).replace(/nonce="[^"]*"/g, 'nonce="…"');
}

/** The page rendered from scratch: no fragment kept. */
async function freshPage(app: TestApp, slug: string, cookie: string) {
  sharedFragments.clear();
  return page(app, slug, cookie);
}

describe("the shared fragments of a signed-in episode page", () => {
  let app: TestApp;
  let slug: string;
  beforeEach(async () => {
    app = await testApp();
    sharedFragments.clear();
    ({ slug } = (await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) })).episode);
  });

  it("make the same page as a render from scratch, and one member's render serves another with the same view", async () => {
    const first = await signedIn("member");
    const second = await signedIn("member");
    const fresh = await freshPage(app, slug, second.cookie);
    expect(sharedFragments.size).toBe(2); // the article and the discussion were kept
    sharedFragments.clear();
    await page(app, slug, first.cookie);
    expect(sharedFragments.size).toBe(2);
    // The second member's page is made of the first member's fragments, and it is their page exactly.
    expect(await page(app, slug, second.cookie)).toBe(fresh);
    expect(sharedFragments.size).toBe(2);
    expect(fresh).toContain('data-fragment="discussion"');
    expect(fresh).toContain('data-fragment="article"');
  });

  it("are never another reader's: an author's own comment, a watched thread and a moderator's view each make their own", async () => {
    const { episode } = { episode: await prisma.episode.findUniqueOrThrow({ where: { slug }, select: { id: true } }) };
    const plain = await signedIn("member");
    const author = await signedIn("member");
    const watcher = await signedIn("member");
    const moderator = await signedIn("moderator");
    await createComment({ episodeId: episode.id, parentId: null, author: author.user, body: "My own words, which only I may edit." });
    const thread = await prisma.comment.findFirstOrThrow({ where: { episodeId: episode.id, parentId: null }, orderBy: { ordinal: "asc" }, select: { id: true } });
    await setWatchLevel({ user: watcher.user, target: { type: "thread", id: thread.id }, level: "watching" });
    await prisma.comment.update({ where: { episodeId_anchor: { episodeId: episode.id, anchor: "4" } }, data: { status: "hidden" } });

    const readers = { plain, author, watcher, moderator };
    const fresh = new Map<string, string>();
    for (const [name, reader] of Object.entries(readers)) fresh.set(name, await freshPage(app, slug, reader.cookie));
    // Each reader's page differs from the plain member's where their view does.
    expect(fresh.get("author")).toContain("Edit");
    expect(fresh.get("author")).not.toBe(fresh.get("plain"));
    expect(fresh.get("watcher")).not.toBe(fresh.get("plain"));
    expect(fresh.get("moderator")).toContain(HIDDEN_TEXT);
    expect(fresh.get("plain")).not.toContain(HIDDEN_TEXT);

    // With every reader's fragments kept, in one order and then the other, each still gets exactly their own page.
    sharedFragments.clear();
    for (const name of Object.keys(readers)) expect(await page(app, slug, readers[name as keyof typeof readers].cookie)).toBe(fresh.get(name));
    for (const name of Object.keys(readers).reverse()) expect(await page(app, slug, readers[name as keyof typeof readers].cookie)).toBe(fresh.get(name));
  });

  it("are kept only for a page's own address: an open form or an unknown parameter is rendered for its reader alone", async () => {
    const reader = await signedIn("member");
    for (const search of ["?reply=3", "?flag=3", "?utm_source=feed"]) {
      const response = await app.get(`/episodes/${slug}${search}`, { cookie: reader.cookie });
      expect(response.status, search).toBe(200);
      expect(sharedFragments.size, search).toBe(0);
    }
    await page(app, slug, reader.cookie);
    expect(sharedFragments.size).toBe(2);
  });

  it("follow the page's content: a new comment is on the next page of a member whose fragments were kept", async () => {
    const reader = await signedIn("member");
    const writer = await signedIn("member");
    const { id: episodeId } = await prisma.episode.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await page(app, slug, reader.cookie);
    await createComment({ episodeId, parentId: null, author: writer.user, body: "A comment written after the fragments were kept." });
    const after = await page(app, slug, reader.cookie);
    expect(after).toContain("A comment written after the fragments were kept.");
    expect(after).toBe(await freshPage(app, slug, reader.cookie));
  });
});
