import { describe, expect, it } from "vitest";
import { importDocument, ImportRefusedError, previewDocument } from "~/models/import/index.server";
import { createComment } from "~/models/comment.server";
import { loader as episodesApi } from "~/routes/api.episodes";
import { loader as episodePage } from "~/routes/episodes.$slug/route";
import { loader as episodeApi } from "~/routes/api.episodes.$slug";
import { prisma } from "~/utils/db.server";
import { ARTICLE_FILE, PROGRAM_FILE, programWithTenthComment, seedBytes, truncatedProgram } from "../fixtures/seeds";

const context = { clientIp: "127.0.0.1" };

async function api<T = any>(loader: typeof episodeApi, path: string, params: Record<string, string> = {}) {
  const response = await loader({ request: new Request(`http://localhost${path}`), params, context });
  return { status: response.status, body: (await response.json()) as T };
}

async function importSeed(file: string) {
  return importDocument({ fileName: file, bytes: seedBytes(file) });
}

/** Where the episode page sends a reader of `search` (a `?c=` permalink). */
async function redirectOf(slug: string, search: string) {
  try {
    await episodePage({ request: new Request(`http://localhost/episodes/${slug}${search}`), params: { slug }, context });
  } catch (error) {
    if (error instanceof Response) return error.headers.get("Location");
    throw error;
  }
  throw new Error(`expected /episodes/${slug}${search} to redirect`);
}

async function programJson() {
  const { body } = await api(episodeApi, "/api/episodes/x", { slug: (await prisma.episode.findFirstOrThrow({ where: { number: 863 } })).slug });
  return body;
}

describe("importing the seed documents", () => {
  it("lists both seeds in /api/episodes", async () => {
    await importSeed(PROGRAM_FILE);
    await importSeed(ARTICLE_FILE);
    const { status, body } = await api(episodesApi, "/api/episodes");
    expect(status).toBe(200);
    expect(body.episodes).toHaveLength(2);
    expect(body.episodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "program", number: 863, commentCount: 9, title: expect.stringContaining("Earth Island Boogie") }),
        expect.objectContaining({ kind: "article", number: null, commentCount: 0, title: "Why ISIS attacked Russia — and why Moscow blames Kyiv" }),
      ]),
    );
    for (const episode of body.episodes) expect(Object.keys(episode)).toEqual(expect.arrayContaining(["slug", "kind", "number", "title", "commentCount"]));
  });

  it("keeps the program's 21 sections in order and its 9 comments with authors, times and threads", async () => {
    const result = await importSeed(PROGRAM_FILE);
    expect(result.outcome).toBe("created");
    const program = await programJson();
    expect(program.sections.map((s: { label: string }) => s.label)).toEqual(
      ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15a", "15b", "16", "17", "18", "19a", "19b"],
    );
    expect(program.declaredCommentCount).toBe(9);
    const comments = program.comments as { id: number; ordinal: number; parentId: number | null; authorName: string; postedAt: string }[];
    expect(comments.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(comments.map((c) => c.authorName)).toEqual([
      "Pterrafractyl", "Dave Emory", "Pterrafractyl", "Pterrafractyl", "Pterrafractyl",
      "Pterrafractyl", "Pterrafractyl", "Pterrafractyl", "Pterrafractyl",
    ]);
    expect(comments[0]!.postedAt).toBe("2024-03-22T17:57:00-07:00");
    expect(comments[1]!.postedAt).toBe("2024-03-22T18:35:00-07:00");
    expect(comments[8]!.postedAt).toBe("2024-12-09T22:10:00-08:00");
    const id = (ordinal: number) => comments.find((c) => c.ordinal === ordinal)!.id;
    expect(comments.find((c) => c.ordinal === 2)!.parentId).toBe(id(1));
    expect(comments.find((c) => c.ordinal === 3)!.parentId).toBe(id(2));
    expect(comments.filter((c) => c.parentId === null).map((c) => c.ordinal)).toEqual([1, 4, 5, 6, 7, 8, 9]);
    expect(result.counts).toMatchObject({ sections: 21, comments: 9, threads: 7 });
  });

  it("resolves (Idem.) and (Ibid.; pp. 10–11.) in sections 5–7 to the Labeviere book: Idem with the pages it repeats, Ibid with its own", async () => {
    await importSeed(PROGRAM_FILE);
    const program = await programJson();
    const section = (label: string) => program.sections.find((s: { label: string }) => s.label === label);
    const book = { kind: "book", title: expect.stringContaining("Dollars for Terror"), authors: ["Richard Labeviere"], publisher: "Algora Press" };
    expect(section("4").sources).toEqual([expect.objectContaining({ ...book, pages: "p. 10" })]);
    expect(section("5").sources).toEqual([expect.objectContaining({ ...book, pages: "p. 10" })]);
    expect(section("6").sources).toEqual([expect.objectContaining({ ...book, pages: "pp. 10–11" })]);
    expect(section("7").sources).toEqual([expect.objectContaining({ ...book, pages: "p. 11" })]);
    // One book, cited in every section that refers to it.
    const books = await prisma.source.findMany({ where: { title: { contains: "Dollars for Terror" } }, select: { _count: { select: { citations: true } } } });
    expect(books).toEqual([{ _count: { citations: 5 } }]); // sections 4–8
  });

  it("turns every citation line, in sections and comments, into a structured source", async () => {
    await importSeed(PROGRAM_FILE);
    const program = await programJson();
    const citationBlocks = [
      ...program.sections.flatMap((s: { blocks: { type: string }[] }) => s.blocks),
    ].filter((b: { type: string }) => b.type === "citation");
    expect(citationBlocks.length).toBeGreaterThanOrEqual(20);
    for (const block of citationBlocks) expect(block.source).toEqual(expect.objectContaining({ title: expect.any(String), kind: expect.any(String) }));
    const commentSources = program.comments.flatMap((c: { sources: unknown[] }) => c.sources);
    expect(commentSources.length).toBeGreaterThan(20);
    const cnn = commentSources.find((s: { title: string }) => s.title.startsWith("ISIS claims responsibility for attack in busy Moscow-area concert venue"));
    expect(cnn).toMatchObject({ kind: "article", outlet: "CNN", date: "2024-03-22", authors: ["Mariya Knight", "Anna Chernova", "Darya Tarasova"] });
  });

  it("imports the article with its headline, outlet, author and body and none of the footer or OCR debris", async () => {
    const result = await importSeed(ARTICLE_FILE);
    const { body } = await api(episodeApi, "/", { slug: result.episode.slug });
    expect(body).toMatchObject({ kind: "article", title: "Why ISIS attacked Russia — and why Moscow blames Kyiv", publication: "Taipei Times", author: "Omar Ashour" });
    const text = JSON.stringify([body.title, body.summary, body.intro, body.sections]);
    expect(body.sections[0].paragraphs[0]).toMatch(/^The terrorist attack on the Crocus City Hall/);
    for (const debris of ["ILLUSTRATION", "??", "Newspapers in English", "Newspapers from Taiwan"]) expect(text).not.toContain(debris);
  });

  it("puts the imported article in the source library, so that claims can cite it", async () => {
    await importSeed(ARTICLE_FILE);
    await importSeed(ARTICLE_FILE);
    const sources = await prisma.source.findMany({ where: { outlet: "Taipei Times" }, select: { kind: true, title: true, authors: true } });
    expect(sources).toEqual([{ kind: "article", title: "Why ISIS attacked Russia — and why Moscow blames Kyiv", authors: ["Omar Ashour"] }]);
  });
});

describe("re-importing", () => {
  it("changes nothing when the same file is imported again, and says so", async () => {
    await importSeed(PROGRAM_FILE);
    const before = await snapshot();
    const again = await importSeed(PROGRAM_FILE);
    expect(again.outcome).toBe("unchanged");
    expect(await snapshot()).toEqual(before);
    const history = await prisma.import.findMany({ orderBy: { id: "asc" }, select: { outcome: true, message: true } });
    expect(history).toEqual([
      { outcome: "created", message: "Imported as a new episode." },
      { outcome: "unchanged", message: "Already imported: nothing changed." },
    ]);
  });

  it("adds exactly the one new comment of an updated capture, threaded under its parent", async () => {
    await importSeed(PROGRAM_FILE);
    const before = await snapshot();
    const result = await importDocument({ fileName: "ftr-863-later.txt", bytes: programWithTenthComment() });
    expect(result.outcome).toBe("updated");
    expect(result.changes).toMatchObject({ commentsAdded: 1, commentsUpdated: 0, sectionsAdded: 0, sectionsUpdated: 0 });
    const after = await snapshot();
    expect(after.comments).toBe(before.comments + 1);
    expect(after.sections).toBe(before.sections);
    expect(after.episodes).toBe(1);
    const tenth = await prisma.comment.findFirstOrThrow({
      where: { ordinal: 10 },
      select: { parent: { select: { ordinal: true } }, importedAuthor: { select: { name: true } } },
    });
    expect(tenth).toEqual({ parent: { ordinal: 2 }, importedAuthor: { name: "Newcomer" } });
  });

  it("gives the original's 10th comment #comment-10 when a later import adds it after members posted here, and the members keep theirs", async () => {
    const { episode } = await importSeed(PROGRAM_FILE);
    const member = await prisma.user.create({ data: { username: "m", usernameKey: "m", passwordHash: "x" }, select: { id: true } });
    const first = await createComment({ episodeId: episode.id, parentId: null, author: member, body: "Posted here first." });
    const second = await createComment({ episodeId: episode.id, parentId: first.id, author: member, body: "And a reply here." });
    expect([first.anchor, second.anchor]).toEqual(["L1", "L2"]);

    const result = await importDocument({ fileName: "ftr-863-later.txt", bytes: programWithTenthComment() });
    expect(result.changes.commentsAdded).toBe(1);
    expect(result.warnings.filter((warning) => /taken/.test(warning.message))).toEqual([]);
    const tenth = await prisma.comment.findFirstOrThrow({ where: { originalOrdinal: 10 }, select: { anchor: true, importedAuthor: { select: { name: true } } } });
    expect(tenth).toEqual({ anchor: "10", importedAuthor: { name: "Newcomer" } });
    const members = await prisma.comment.findMany({ where: { authorId: member.id }, orderBy: { id: "asc" }, select: { anchor: true, body: true } });
    expect(members).toEqual([
      { anchor: "L1", body: "Posted here first." },
      { anchor: "L2", body: "And a reply here." },
    ]);

    // The permalinks: ?c=10 is the original's 10th, ?c=L1 the member's; the page and its JSON twin agree.
    const slug = (await prisma.episode.findUniqueOrThrow({ where: { id: episode.id }, select: { slug: true } })).slug;
    expect(await redirectOf(slug, "?c=10")).toBe(`/episodes/${slug}#comment-10`);
    expect(await redirectOf(slug, "?c=L1")).toBe(`/episodes/${slug}#comment-L1`);
    const json = await programJson();
    expect(json.comments.find((comment: { anchor: string }) => comment.anchor === "10")).toMatchObject({ ordinal: 10, authorName: "Newcomer", imported: true });
    expect(json.comments.find((comment: { anchor: string }) => comment.anchor === "L1")).toMatchObject({ ordinal: 1, authorName: "m", imported: false });

    // A member's next comment takes the next local number, never the page's next one; a re-import changes nothing.
    expect((await createComment({ episodeId: episode.id, parentId: null, author: member, body: "Third." })).anchor).toBe("L3");
    expect((await importDocument({ fileName: "ftr-863-later.txt", bytes: programWithTenthComment() })).outcome).toBe("unchanged");
    expect(await prisma.comment.count()).toBe(13);
    expect((await prisma.comment.findFirstOrThrow({ where: { originalOrdinal: 10 }, select: { anchor: true } })).anchor).toBe("10");
  });

  it("updates only the section whose paragraph changed in a later capture, raising its revision", async () => {
    await importSeed(PROGRAM_FILE);
    const edited = seedBytes(PROGRAM_FILE).toString("utf8").replace("Eighty persons were murdered", "Eighty-six persons were murdered");
    const result = await importDocument({ fileName: "ftr-863-edited.txt", bytes: Buffer.from(edited) });
    expect(result.outcome).toBe("updated");
    expect(result.changes).toMatchObject({ sectionsUpdated: 1, commentsAdded: 0, commentsUpdated: 0 });
    const sections = await prisma.section.findMany({ where: { revision: { gt: 1 } }, select: { label: true, plainText: true } });
    expect(sections).toEqual([{ label: "17", plainText: expect.stringContaining("Eighty-six persons were murdered") }]);
  });

  it("imports a capture cut off mid-comment with warnings, and never a half-written episode", async () => {
    const result = await importDocument({ fileName: "ftr-863-cut.txt", bytes: truncatedProgram(0.6) });
    expect(result.warnings.length).toBeGreaterThan(0);
    const episode = await prisma.episode.findFirstOrThrow({ select: { _count: { select: { sections: true, comments: true } } } });
    expect(episode._count.sections).toBe(21);
    expect(episode._count.comments).toBe(result.counts.comments);
    // Completing the capture later adds the rest.
    const full = await importSeed(PROGRAM_FILE);
    expect(full.outcome).toBe("updated");
    expect(await prisma.comment.count()).toBe(9);
  });

  it("shares a source cited by two documents instead of duplicating it", async () => {
    await importSeed(PROGRAM_FILE);
    const sources = await prisma.source.count();
    await importDocument({ fileName: "other.txt", bytes: Buffer.from(otherProgramCitingLevenda) });
    expect(await prisma.source.count()).toBe(sources);
    const levenda = await prisma.source.findFirstOrThrow({ where: { title: "The Hitler Legacy" }, select: { _count: { select: { citations: true } } } });
    expect(levenda._count.citations).toBe(4);
  });
});

describe("refused files", () => {
  const refuse = async (bytes: Uint8Array, message: RegExp) => {
    await expect(importDocument({ fileName: "bad.txt", bytes })).rejects.toThrow(message);
    await expect(importDocument({ fileName: "bad.txt", bytes })).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await prisma.episode.count()).toBe(0);
    expect(await prisma.source.count()).toBe(0);
  };

  it("refuses an empty file", () => refuse(new Uint8Array(), /is empty/));
  it("refuses a whitespace-only file", () => refuse(Buffer.from(" \n\n \t\n"), /no text/));
  it("refuses a binary file", () => refuse(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]), /binary/));
  it("refuses a file that is not UTF-8", () => refuse(Buffer.from([0x46, 0x54, 0x52, 0x20, 0xe9, 0x74, 0xe9]), /not UTF-8/));
  it("refuses a file over 5 MB", () => refuse(Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), /limit is 5\.0 MB/));

  it("records each refusal in the import history with its reason", async () => {
    await importDocument({ fileName: "empty.txt", bytes: new Uint8Array() }).catch(() => {});
    expect(await prisma.import.findMany({ select: { fileName: true, outcome: true, message: true } })).toEqual([
      { fileName: "empty.txt", outcome: "failed", message: "empty.txt is empty." },
    ]);
  });
});

describe("previewing", () => {
  it("describes what an import would create without writing anything", async () => {
    const preview = await previewDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    expect(preview.document.title).toMatch(/^FTR #863/);
    expect(preview.counts).toMatchObject({ sections: 21, comments: 9, threads: 7 });
    expect(preview.existing).toBeNull();
    expect(await prisma.episode.count()).toBe(0);
  });

  it("says when the same file is already imported", async () => {
    await importSeed(PROGRAM_FILE);
    const preview = await previewDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    expect(preview.existing).toMatchObject({ alreadyImported: true, commentCount: 9 });
  });
});

describe("the JSON API", () => {
  it("answers an unknown episode with 404 and a readable error", async () => {
    const { status, body } = await api(episodeApi, "/api/episodes/nope", { slug: "nope" });
    expect(status).toBe(404);
    expect(body.error).toMatch(/No episode/);
  });

  it("answers a bad page with 400", async () => {
    const { status, body } = await api(episodesApi, "/api/episodes?page=-3");
    expect(status).toBe(400);
    expect(body.error).toMatch(/Pages start at 1/);
  });
});

async function snapshot() {
  const [episodes, sections, comments, sources, citations, authors] = await Promise.all([
    prisma.episode.findMany({ select: { id: true, title: true, updatedAt: true } }),
    prisma.section.findMany({ select: { id: true, revision: true, updatedAt: true } }),
    prisma.comment.findMany({ select: { id: true, revision: true, updatedAt: true } }),
    prisma.source.count(),
    prisma.citation.count(),
    prisma.importedAuthor.count(),
  ]);
  return { episodes: episodes.length, episodeRows: episodes, sections: sections.length, sectionRows: sections, comments: comments.length, commentRows: comments, sources, citations, authors };
}

const otherProgramCitingLevenda = `Spitfire List Web site and blog of anti-fascist researcher and radio personality Dave Emory.

For The Record

FTR #900 A Test Program About Tibet

This program was recorded in one, 60-minute segment.

Introduction: A test program that cites a book the archive already knows.

1. We review the Levenda book.

The Hitler Legacy by Peter Levenda; IBIS Press [HC]; Copyright 2014 by Peter Levenda; ISBN 978–0‑89254–210‑9; p. 12.

“A quoted passage from the book.”
`;
