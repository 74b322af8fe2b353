import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { CommentData } from "~/components/episode/types";
import { importDocument } from "~/models/import/index.server";
import { loader } from "~/routes/episodes.$slug/route";
import { buildCommentTree, type CommentNode } from "~/utils/comment-tree";
import { prisma } from "~/utils/db.server";
import { ARTICLE_FILE, PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

const context = { clientIp: "127.0.0.1" };

async function load(slug: string, search = "") {
  const result = await loader({ request: new Request(`http://localhost/episodes/${slug}${search}`), params: { slug }, context });
  return result.data;
}

async function page(slug: string, search = "") {
  const data = await load(slug, search);
  if (data.part !== "page") throw new Error("expected the full page");
  return data;
}

/** The Response the loader throws (an error page or a redirect). */
async function thrown(slug: string, search = "") {
  try {
    await load(slug, search);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error(`expected /episodes/${slug}${search} to answer with an error or a redirect`);
}

async function importProgram() {
  const result = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  return result.episode;
}

/** The island `key` of a page's data, as the browser parses it (the data of a request that is not a document brings its islands). */
function island(data: { islands?: Record<string, string> }, key: string) {
  const html = data.islands?.[key];
  if (html === undefined) throw new Error(`the page's data does not bring its island ${key}`);
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

/** The words drawn from `data-ui-text` in an island (citation cards, claim labels), in order. */
const uiTexts = (root: ReturnType<typeof island>) => [...root.querySelectorAll("[data-ui-text]")].map((element) => element.getAttribute("data-ui-text"));

const ordinals = (nodes: CommentNode<CommentData>[]) => nodes.map((node) => node.comment.ordinal);

describe("the episode page of the program", () => {
  it("shows the header, the introduction, the highlights and the 21 sections in order", async () => {
    const { slug } = await importProgram();
    const { episode, description, canonical } = await page(slug);
    expect(episode).toMatchObject({
      kind: "program",
      number: 863,
      title: "FTR #863 9/11, The Muslim Brotherhood and the Earth Island Boogie, Part 2",
      author: "Dave Emory",
      publication: "Spitfire List",
      recordingNote: "This program was recorded in one, 60-minute segment.",
      commentCount: 9,
    });
    expect(episode.intro[0]).toMatch(/^This program underscores key aspects/);
    expect(episode.highlights).toHaveLength(3);
    expect(episode.sections.map((section) => section.label)).toEqual(
      ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15a", "15b", "16", "17", "18", "19a", "19b"],
    );
    expect(description).toMatch(/^This program underscores key aspects/);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(canonical).toBe(`http://localhost/episodes/${slug}`);
  });

  it("gives each citation its source as a card, with the date in words, and back-references as the same source", async () => {
    const { slug } = await importProgram();
    const data = await page(slug);
    const section = (label: string) => island(data, data.episode.sections.find((s) => s.label === label)!.body);
    expect(uiTexts(section("2"))).toEqual(["Source: ", "Article", "“Chechen Jihadists Join Ukraine’s Fighters”", "Anna Nemtsova · The Daily Beast · September 4, 2015"]);
    expect(uiTexts(section("4"))).toEqual(["Source: ", "Book", "Dollars for Terror: The United States and Islam", "Richard Labeviere · Algora Press · Copyright 2000 · ISBN 1822941066 · p. 10"]);
    const book = section("4").querySelector("cite a")!.getAttribute("href");
    expect(book).toMatch(/^\/sources\/\d+$/);
    // "(Idem.)": the same source as above, with its pages.
    expect(uiTexts(section("6"))).toEqual(["↑", "Same source as above", "· pp. 10–11"]);
    expect(section("6").querySelector("a[data-ui-text='Same source as above']")!.getAttribute("href")).toBe(book);
    // Section 5 opens with its quoted passage, then "(Idem.)".
    expect([...section("5").children].map((element) => element.tagName)).toEqual(["BLOCKQUOTE", "P"]);
  });

  it("threads the discussion as on the original page: 2 under 1, 3 under 2, the rest top-level", async () => {
    const { slug } = await importProgram();
    const { discussion } = await page(slug);
    expect(discussion).toMatchObject({ page: 1, pageCount: 1, threadCount: 7, sort: "oldest" });
    const tree = buildCommentTree(discussion.comments, { sort: discussion.sort });
    expect(ordinals(tree)).toEqual([1, 4, 5, 6, 7, 8, 9]);
    expect(ordinals(tree[0]!.replies)).toEqual([2]);
    expect(ordinals(tree[0]!.replies[0]!.replies)).toEqual([3]);
    expect(tree[0]!.replyCount).toBe(2);
  });

  it("shows each comment's author, the imported badge and the time as the original page printed it", async () => {
    const { slug } = await importProgram();
    const data = await page(slug);
    const { discussion } = data;
    const first = discussion.comments.find((comment) => comment.ordinal === 1)!;
    expect(first).toMatchObject({
      authorName: "Pterrafractyl",
      imported: true,
      status: "visible",
      notice: null,
      printed: { text: "March 22, 2024, 5:57 pm", timeZone: "America/Los_Angeles" },
    });
    expect(first.postedAt.toISOString()).toBe("2024-03-23T00:57:00.000Z");
    const last = discussion.comments.find((comment) => comment.ordinal === 9)!;
    expect(last.printed).toEqual({ text: "December 9, 2024, 10:10 pm", timeZone: "America/Los_Angeles" });
    // Comment 2 cites two web pages by their address.
    const second = discussion.comments.find((comment) => comment.ordinal === 2)!;
    const cardAddresses = [...island(data, second.body).querySelectorAll("a[rel~=nofollow][data-ui-text]")].map((link) => link.getAttribute("href"));
    expect(cardAddresses).toEqual([
      "https://consortiumnews.com/2024/03/18/scott-ritter-the-cia-the-russian-fascists-who-fight-russia/",
      "https://spitfirelist.com/news/the-secret-treaty-of-fort-hunt/",
    ]);
  });

  it("orders the threads newest first on ?sort=newest, replies still under their parents", async () => {
    const { slug } = await importProgram();
    const { discussion } = await page(slug, "?sort=newest");
    expect(discussion.sort).toBe("newest");
    const tree = buildCommentTree(discussion.comments, { sort: discussion.sort });
    expect(ordinals(tree)).toEqual([9, 8, 7, 6, 5, 4, 1]);
    expect(ordinals(tree[6]!.replies)).toEqual([2]);
  });

  it("links program references to the programs in the archive and leaves the others to the search", async () => {
    const { slug } = await importProgram();
    // The program refers to FTR #348, #549, #830, #842 … none of which is in the archive yet.
    expect((await page(slug)).discussion.programSlugs).toEqual({});
    const other = await importDocument({ fileName: "ftr-842.txt", bytes: Buffer.from(program842) });
    const data = await page(slug);
    expect(data.discussion.programSlugs).toEqual({ 842: other.episode.slug });
    const section16 = island(data, data.episode.sections.find((section) => section.label === "16")!.body);
    expect(section16.querySelector(`a[href="/episodes/${other.episode.slug}"]`)?.textContent).toMatch(/842/);
  });

  it("keeps a deleted or hidden comment's place in the thread and shows a placeholder instead of its text", async () => {
    const { slug } = await importProgram();
    await prisma.comment.update({ where: { episodeId_anchor: { episodeId: (await episodeId(slug)), anchor: "2" } }, data: { status: "deleted" } });
    await prisma.comment.update({ where: { episodeId_anchor: { episodeId: (await episodeId(slug)), anchor: "4" } }, data: { status: "hidden" } });
    const data = await page(slug);
    const { discussion } = data;
    const comment = (ordinal: number) => discussion.comments.find((c) => c.ordinal === ordinal)!;
    // No island: an anonymous reader's page carries nothing of their text.
    expect(comment(2)).toMatchObject({ status: "deleted", notice: "[deleted by the author]", body: "" });
    expect(comment(4)).toMatchObject({ status: "hidden", notice: "[hidden by a moderator]", body: "" });
    expect(JSON.stringify(data)).not.toContain("Excellent work");
    const tree = buildCommentTree(discussion.comments);
    expect(ordinals(tree[0]!.replies[0]!.replies)).toEqual([3]);
  });
});

describe("the episode page of an article", () => {
  it("shows the outlet, the byline, the body without a section number, and an empty discussion", async () => {
    const { episode: imported } = await importDocument({ fileName: ARTICLE_FILE, bytes: seedBytes(ARTICLE_FILE) });
    const { episode, discussion } = await page(imported.slug);
    expect(episode).toMatchObject({ kind: "article", publication: "Taipei Times", author: "Omar Ashour", commentCount: 0 });
    expect(episode.sections.map((section) => section.label)).toEqual(["body"]);
    expect(discussion).toMatchObject({ threadCount: 0, pageCount: 1, comments: [] });
  });
});

describe("answers to bad addresses", () => {
  it("answers an unknown slug with 404 and a readable message", async () => {
    const response = await thrown("no-such-episode");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("No episode has the address “/episodes/no-such-episode”.");
  });

  it("answers a sort it does not know with 400 and says which sorts exist", async () => {
    const { slug } = await importProgram();
    const response = await thrown(slug, "?sort=best");
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Comments can be sorted by “oldest” or “newest”.");
  });

  it("answers a comment page that is not a number, or past the last page, without a server error", async () => {
    const { slug } = await importProgram();
    const notANumber = await thrown(slug, "?cpage=two");
    expect(notANumber.status).toBe(400);
    expect(await notANumber.text()).toBe("The comment page must be a whole number.");
    const zero = await thrown(slug, "?cpage=0");
    expect([zero.status, await zero.text()]).toEqual([400, "The comment page starts at 1."]);
    const past = await thrown(slug, "?cpage=2");
    expect(past.status).toBe(404);
    expect(await past.text()).toMatch(/has one page; there is no page 2/);
  });
});

describe("a long discussion", () => {
  it("sends 50 threads a page, each with all its replies, and the rest on later pages", async () => {
    const { slug } = await importProgram();
    const id = await episodeId(slug);
    await addThreads(id, 113); // 7 imported threads + 113 = 120
    const first = await page(slug);
    expect(first.discussion).toMatchObject({ page: 1, pageCount: 3, threadCount: 120, threadsPerPage: 50 });
    const firstTree = buildCommentTree(first.discussion.comments);
    expect(firstTree).toHaveLength(50);
    // The imported thread 1 comes whole: its replies 2 and 3 are on the same page.
    expect(first.discussion.comments).toHaveLength(52);

    const third = await page(slug, "?cpage=3");
    expect(buildCommentTree(third.discussion.comments)).toHaveLength(20);
    expect(third.canonical).toBe(`http://localhost/episodes/${slug}?cpage=3`);

    const newest = await page(slug, "?sort=newest");
    expect(ordinals(buildCommentTree(newest.discussion.comments, { sort: "newest" })).slice(0, 2)).toEqual([1113, 1112]);
  });

  it("loads the next page of threads alone for “Load more comments”", async () => {
    const { slug } = await importProgram();
    await addThreads(await episodeId(slug), 60);
    const data = await load(slug, "?cpage=2&part=comments");
    expect(data.part).toBe("comments");
    expect(Object.keys(data)).not.toContain("description");
    expect(data.discussion).toMatchObject({ page: 2, pageCount: 2, threadCount: 67 });
    expect(buildCommentTree(data.discussion.comments)).toHaveLength(17);
  });

  it("sends a reader of ?c=N to the page that holds comment N, at #comment-N", async () => {
    const { slug } = await importProgram();
    const id = await episodeId(slug);
    await addThreads(id, 113);
    // A reply deep on page 3: its thread's page is the one to show. Comments posted here are L-numbered (ADR 0034).
    const root = await prisma.comment.findFirstOrThrow({ where: { episodeId: id, ordinal: 1110 }, select: { id: true, postedAt: true } });
    await prisma.comment.create({
      data: { episodeId: id, ordinal: 2000, parentId: root.id, rootId: root.id, body: "A late reply.", postedAt: new Date(root.postedAt.getTime() + 60_000) },
    });
    const toReply = await thrown(slug, "?c=L2000");
    expect(toReply.status).toBe(302);
    expect(toReply.headers.get("Location")).toBe(`/episodes/${slug}?cpage=3#comment-L2000`);
    const third = await page(slug, "?cpage=3");
    expect(third.discussion.comments.map((comment) => comment.anchor)).toContain("L2000");
    // A link from before local comments took their L: no imported comment has that number, so it is the local one.
    const oldLink = await thrown(slug, "?c=2000");
    expect(oldLink.headers.get("Location")).toBe(`/episodes/${slug}?cpage=3#comment-L2000`);

    const onFirst = await thrown(slug, "?c=3");
    expect(onFirst.headers.get("Location")).toBe(`/episodes/${slug}#comment-3`);
    const newest = await thrown(slug, "?c=3&sort=newest");
    expect(newest.headers.get("Location")).toBe(`/episodes/${slug}?cpage=3&sort=newest#comment-3`);

    const missing = await thrown(slug, "?c=999");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/has no comment #999/);
    const nonsense = await thrown(slug, "?c=L3x");
    expect(nonsense.status).toBe(400);
    expect(await nonsense.text()).toMatch(/L3 for one posted here/);
  });

  it("renders a comment written here (no imported blocks) from its Markdown", async () => {
    const { slug } = await importProgram();
    await addThreads(await episodeId(slug), 1);
    const data = await page(slug);
    const written = data.discussion.comments.find((comment) => comment.ordinal === 1001)!;
    expect(written).toMatchObject({ authorName: "unknown", imported: false });
    expect(island(data, written.body).innerHTML).toBe('<div class="comment-markdown"><p>Synthetic thread 1001.</p>\n</div>');
    // Shown by the one time component (relative in the reader's zone), not in the episode's zone.
    expect(written.printed).toBeNull();
  });
});

describe("long comments", () => {
  it("folds a long comment written here: its start on the page, the rest under “Show more”, its text whole", async () => {
    const { slug } = await importProgram();
    const paragraphs = Array.from({ length: 10 }, (_, n) => `Paragraph ${n + 1}: ${"an argument that goes on ".repeat(12).trim()}.`);
    await prisma.comment.create({ data: { episodeId: await episodeId(slug), ordinal: 1001, body: paragraphs.join("\n\n"), postedAt: new Date(Date.UTC(2025, 0, 1)) } });
    const data = await page(slug);
    const body = (ordinal: number) => island(data, data.discussion.comments.find((comment) => comment.ordinal === ordinal)!.body);
    const long = body(1001);
    const start = long.querySelector(":scope > .comment-markdown")!.textContent;
    expect(start).toContain("Paragraph 1:");
    expect(start).not.toContain("Paragraph 10:");
    const more = long.querySelector("details[data-comment-more]")!;
    expect(more.querySelector(".comment-markdown")!.textContent).toContain("Paragraph 10:");
    expect(more.querySelector("summary")!.getAttribute("aria-label")).toMatch(/^Show more \([\d,]+ more words\)$/);
    // An imported comment keeps its blocks (folded as they are rendered), never Markdown.
    expect(body(4).querySelector(".comment-markdown")).toBeNull();
    expect(body(4).textContent).toContain("Was it an ISIS attack?");
  });
});

async function episodeId(slug: string) {
  return (await prisma.episode.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** `count` top-level comments, numbered from 1001, a minute apart, all after the imported ones. */
async function addThreads(episodeId: number, count: number) {
  const start = Date.UTC(2025, 0, 1);
  await prisma.comment.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      episodeId,
      ordinal: 1001 + index,
      body: `Synthetic thread ${1001 + index}.`,
      postedAt: new Date(start + index * 60_000),
    })),
  });
}

const program842 = `Spitfire List Web site and blog of anti-fascist researcher and radio personality Dave Emory.

For The Record

FTR #842 The Earth Island Boogie, Part 1

This program was recorded in one, 60-minute segment.

Introduction: A short program for the cross-reference test.

1. We review the Levenda book.

The Hitler Legacy by Peter Levenda; IBIS Press [HC]; Copyright 2014 by Peter Levenda; ISBN 978–0‑89254–210‑9; p. 12.

“A quoted passage from the book.”
`;
