import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { loader as commentsFeed } from "~/routes/feeds.comments[.]xml";
import { loader as episodeCommentsFeed } from "~/routes/feeds.episodes.$slug.comments[.]xml";
import { loader as episodesFeed } from "~/routes/feeds.episodes[.]xml";
import { prisma } from "~/utils/db.server";
import { testContext } from "../factories";
import { ARTICLE_FILE, PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

async function fetchFeed(loader: typeof episodesFeed, path: string, params: Record<string, string> = {}) {
  const response = await loader({ request: new Request(`http://footnote.test${path}`), params, context: testContext });
  expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
  return parseFeed(await response.text());
}

async function importSeeds() {
  const program = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  await importDocument({ fileName: ARTICLE_FILE, bytes: seedBytes(ARTICLE_FILE) });
  return program.episode;
}

describe("feeds", () => {
  it("lists new episodes newest first in a valid Atom feed", async () => {
    await importSeeds();
    const feed = await fetchFeed(episodesFeed, "/feeds/episodes.xml");
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("Footnote — new episodes");
    expect(feed.items.map((item) => item.title)).toEqual([
      "Why ISIS attacked Russia — and why Moscow blames Kyiv",
      expect.stringMatching(/^FTR #863/),
    ]);
    expect(feed.items[1]!.url).toMatch(/^http:\/\/footnote\.test\/episodes\/ftr-863-/);
  });

  it("lists the newest comments site-wide, each linking to its permalink", async () => {
    await importSeeds();
    const feed = await fetchFeed(commentsFeed, "/feeds/comments.xml");
    expect(feed.items).toHaveLength(9);
    expect(feed.items[0]!.title).toMatch(/^Pterrafractyl on “FTR #863.*” \(#9\)$/);
    expect(feed.items[0]!.url).toMatch(/#comment-9$/);
    expect(feed.items[0]!.published?.toISOString()).toBe("2024-12-10T06:10:00.000Z");
  });

  it("lists one episode's comments and leaves out hidden and deleted ones", async () => {
    const episode = await importSeeds();
    await prisma.comment.updateMany({ where: { ordinal: { in: [8, 9] } }, data: { status: "hidden" } });
    const feed = await fetchFeed(episodeCommentsFeed, `/feeds/episodes/${episode.slug}/comments.xml`, { slug: episode.slug });
    expect(feed.items.map((item) => item.url?.split("#")[1])).toEqual(
      ["comment-7", "comment-6", "comment-5", "comment-4", "comment-3", "comment-2", "comment-1"],
    );
  });

  it("carries markup in comment text as text, never as markup a reader would run", async () => {
    const episode = await importSeeds();
    const first = await prisma.comment.findFirstOrThrow({ where: { ordinal: 1 }, select: { id: true } });
    await prisma.comment.update({ where: { id: first.id }, data: { body: "<script>alert(1)</script> & more", postedAt: new Date("2030-01-01") } });
    const response = await episodeCommentsFeed({ request: new Request(`http://footnote.test/x`), params: { slug: episode.slug }, context: testContext });
    const xml = await response.text();
    expect(xml).not.toContain("<script>");
    const feed = parseFeed(xml);
    // The summary is escaped HTML, which a reader displays as the literal text.
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(feed.items[0]!.description).toBe("<script>alert(1)</script> & more");
  });

  it("carries markup in a title as text: entry titles are HTML too (an episode's title, an imported author's name)", async () => {
    const episode = await importSeeds();
    const markup = "<script>alert(1)</script> & <b>more</b>";
    await prisma.episode.update({ where: { slug: episode.slug }, data: { title: markup, createdAt: new Date("2030-01-01") } });
    const first = await prisma.comment.findFirstOrThrow({ where: { ordinal: 1 }, select: { importedAuthorId: true } });
    await prisma.importedAuthor.update({ where: { id: first.importedAuthorId! }, data: { name: "<img src=x onerror=alert(1)>" } });
    for (const [loader, path, params] of [
      [episodesFeed, "/feeds/episodes.xml", {}],
      [commentsFeed, "/feeds/comments.xml", {}],
      [episodeCommentsFeed, `/feeds/episodes/${episode.slug}/comments.xml`, { slug: episode.slug }],
    ] as const) {
      const response = await loader({ request: new Request(`http://footnote.test${path}`), params, context: testContext });
      const xml = await response.text();
      expect(xml, path).not.toMatch(/<script>|<img |<b>/);
      // A reader decodes the title's HTML and shows the markup as the literal text it was.
      const titles = parseFeed(xml).items.map((item) => item.title ?? "");
      expect(titles.some((title) => title.includes(markup) || title.includes("<img src=x onerror=alert(1)>")), path).toBe(true);
    }
  });

  it("answers an unknown episode's feed with 404", async () => {
    const error = await episodeCommentsFeed({ request: new Request("http://footnote.test/x"), params: { slug: "nope" }, context: testContext }).catch((e: Response) => e);
    expect((error as Response).status).toBe(404);
  });
});

describe("the claims feed of an episode", () => {
  it("says an episode without claims was last updated when it was imported, never in 1970", async () => {
    const { loader: claimsFeed } = await import("~/routes/feeds.episodes.$slug.claims[.]xml");
    const episode = await importSeeds();
    const { createdAt } = await prisma.episode.findUniqueOrThrow({ where: { id: episode.id }, select: { createdAt: true } });
    const feed = await fetchFeed(claimsFeed, `/feeds/episodes/${episode.slug}/claims.xml`, { slug: episode.slug });
    expect(feed.items).toEqual([]);
    expect(feed.updated?.toISOString()).toBe(createdAt.toISOString());
  });

  it("lists each change of state of the episode's claims, newest first", async () => {
    const { loader: claimsFeed } = await import("~/routes/feeds.episodes.$slug.claims[.]xml");
    const { flagClaim, resolveClaim } = await import("~/models/claims/index.server");
    const { signedIn } = await import("../factories");
    const episode = await importSeeds();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const comment = await prisma.comment.findFirstOrThrow({ where: { ordinal: 3 }, select: { id: true } });
    const { claimId } = await flagClaim({
      user: { ...member.user, suspendedAt: null },
      target: { type: "comment", id: comment.id },
      exact: "Interestingly, the US is insisting that ISIS‑K was solely responsible",
      reason: "no_source",
    });
    await resolveClaim({ moderator: { ...moderator.user, suspendedAt: null }, claimId, version: 1, action: "dismiss", reason: "An attribution, reported as such." });
    // A claim on a comment is in the feed only once its grace period is over, as on the page (issue 10, item 5).
    const early = await fetchFeed(claimsFeed, `/feeds/episodes/${episode.slug}/claims.xml`, { slug: episode.slug });
    expect(early.items).toEqual([]);
    await prisma.claim.update({ where: { id: claimId }, data: { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
    const feed = await fetchFeed(claimsFeed, `/feeds/episodes/${episode.slug}/claims.xml`, { slug: episode.slug });
    expect(feed.items.map((item) => item.title)).toEqual([`Claim #${claimId}: Open → Dismissed`, `Claim #${claimId}: Open`]);
    expect(feed.items[0]!.description).toContain("An attribution, reported as such.");
  });
});
