import { beforeEach, describe, expect, it, vi } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { highlightParts, search, snippetText } from "~/models/search.server";
import { loader as searchApi } from "~/routes/api.search";
import { loader as searchPage } from "~/routes/search";
import { prisma } from "~/utils/db.server";
import { ARTICLE_FILE, PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

const context = { clientIp: "127.0.0.1" };
const PROGRAM_SLUG = "ftr-863-9-11-the-muslim-brotherhood-and-the-earth-island-boogie-part-2";
const ARTICLE_SLUG = "taipei-times-why-isis-attacked-russia-and-why-moscow-blames-kyiv";

async function api<T = any>(path: string) {
  const response = await searchApi({ request: new Request(`http://localhost${path}`), params: {}, context });
  return { status: response.status, body: (await response.json()) as T };
}

async function page(path: string) {
  return searchPage({ request: new Request(`http://localhost${path}`), params: {}, context });
}

/** The loader's answer when it refuses: the thrown Response. */
async function refusal(path: string) {
  const thrown = await page(path).then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Response);
  return thrown as Response;
}

const highlighted = (parts: { text: string; highlight: boolean }[]) => parts.filter((part) => part.highlight).map((part) => part.text);

beforeEach(async () => {
  await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  await importDocument({ fileName: ARTICLE_FILE, bytes: seedBytes(ARTICLE_FILE) });
});

describe("searching the archive", () => {
  it("finds Xinjiang in the program's sections, with the word highlighted and a link to the section's anchor", async () => {
    const outcome = await search({ q: "Xinjiang", kind: "sections" });
    const sectionsWithWord = await prisma.section.count({ where: { plainText: { contains: "Xinjiang" } } });
    expect(outcome.total).toBe(sectionsWithWord);
    expect(outcome.results.length).toBe(sectionsWithWord);
    for (const result of outcome.results) {
      expect(result.type).toBe("section");
      expect(result.url).toMatch(new RegExp(`^/episodes/${PROGRAM_SLUG}#section-\\w+$`));
      expect(highlighted(result.snippet)).toContain("Xinjiang");
    }
    const section4 = outcome.results.find((result) => result.url.endsWith("#section-4"));
    expect(section4).toMatchObject({ title: "Section 4", context: expect.stringContaining("FTR #863") });
    expect(section4!.snippet.map((part) => part.text).join("")).toContain("separatist movement in Xinjiang province");

    // The page gets the same, ready to render as <mark>.
    const data = await page("/search?q=Xinjiang&kind=sections");
    expect(data.results.map((result) => result.url)).toEqual(outcome.results.map((result) => result.url));
    expect(highlighted(data.results[0]!.snippet)).toContain("Xinjiang");
  });

  it("finds a comment by a word that only its comments use, linking to the comment's anchor", async () => {
    const outcome = await search({ q: "Shishani" });
    expect(outcome.counts).toMatchObject({ episodes: 0, sections: 0, sources: 0 });
    expect(outcome.counts.comments).toBeGreaterThan(0);
    expect(outcome.results[0]).toMatchObject({
      type: "comment",
      title: "Comment #6 by Pterrafractyl",
      url: `/episodes/${PROGRAM_SLUG}?c=6#comment-6`,
    });
    expect(highlighted(outcome.results[0]!.snippet)).toContain("Shishani");
  });

  it("never finds a hidden or deleted comment", async () => {
    const before = await search({ q: "Shishani", kind: "comments" });
    await prisma.comment.updateMany({ where: { ordinal: 6 }, data: { status: "hidden" } });
    await prisma.comment.updateMany({ where: { ordinal: 7 }, data: { status: "deleted" } });
    const after = await search({ q: "Shishani", kind: "comments" });
    expect(after.total).toBe(before.total - 2);
    expect(after.results.map((result) => result.url)).not.toEqual(expect.arrayContaining([expect.stringMatching(/#comment-[67]$/)]));
  });

  it("ranks the episode whose title has the word above the sections that also use it", async () => {
    const outcome = await search({ q: "Brotherhood" });
    expect(outcome.counts.sections).toBeGreaterThan(0);
    expect(outcome.results[0]).toMatchObject({ type: "episode", url: `/episodes/${PROGRAM_SLUG}` });
    expect(highlighted(outcome.results[0]!.titleParts)).toEqual(["Brotherhood"]);
    const article = await search({ q: "Moscow Kyiv" });
    expect(article.results[0]).toMatchObject({ type: "episode", url: `/episodes/${ARTICLE_SLUG}` });
  });

  it("counts every kind for the tabs, whichever kind is shown, and shows only the chosen kind", async () => {
    const all = await search({ q: "Xinjiang" });
    expect(all.counts.all).toBe(all.counts.episodes + all.counts.sections + all.counts.comments + all.counts.sources);
    expect(all.counts).toMatchObject({ episodes: 1, sources: 1 });
    expect(all.total).toBe(all.counts.all);
    expect(new Set(all.results.map((result) => result.type))).toEqual(new Set(["episode", "section", "comment", "source"]));
    for (const [kind, type] of [["episodes", "episode"], ["sections", "section"], ["comments", "comment"], ["sources", "source"]] as const) {
      const filtered = await search({ q: "Xinjiang", kind });
      expect(filtered.counts).toEqual(all.counts);
      expect(filtered.total).toBe(all.counts[kind]);
      expect(filtered.results.every((result) => result.type === type)).toBe(true);
    }
    const source = (await search({ q: "Xinjiang", kind: "sources" })).results[0]!;
    expect(source).toMatchObject({ title: "US & Terrorism in Xinjiang", url: expect.stringMatching(/^\/sources\/\d+$/) });
  });

  it("pages through results twenty at a time and says when a page is past the end", async () => {
    const first = await search({ q: "Russia or Ukraine" });
    expect(first.total).toBeGreaterThan(20);
    expect(first.results).toHaveLength(20);
    expect(first.pageCount).toBe(Math.ceil(first.total / 20));
    const second = await search({ q: "Russia or Ukraine", page: 2 });
    expect(second.results.length).toBe(Math.min(20, first.total - 20));
    const seen = new Set(first.results.map((result) => `${result.type}:${result.id}`));
    for (const result of second.results) expect(seen.has(`${result.type}:${result.id}`)).toBe(false);
    const beyond = await search({ q: "Russia or Ukraine", page: 999 });
    expect(beyond).toMatchObject({ results: [], total: first.total });
  });

  it("finds a program by its number for FTR #863, #863 and ftr 863, before anything else", async () => {
    for (const q of ["FTR #863", "#863", "ftr 863", "FTR#863"]) {
      const outcome = await search({ q });
      expect(outcome.programNumber).toBe(863);
      expect(outcome.results[0]).toMatchObject({ type: "episode", url: `/episodes/${PROGRAM_SLUG}` });
    }
    expect((await search({ q: "#999" })).results).toEqual([]);
  });

  it("asks the database nothing for an empty query and answers with no results", async () => {
    const spy = vi.spyOn(prisma, "$queryRaw");
    try {
      for (const q of ["", "   ", "\u0000"]) {
        const data = await page(`/search?q=${encodeURIComponent(q)}`);
        expect(data).toMatchObject({ query: "", total: 0, results: [], counts: { all: 0 } });
      }
      const { status, body } = await api("/api/search?q=");
      expect(status).toBe(200);
      expect(body).toMatchObject({ query: "", total: 0, results: [] });
      const missing = await api("/api/search");
      expect(missing).toMatchObject({ status: 200, body: { query: "", total: 0, results: [] } });
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it("answers punctuation-only and operator-only queries with no results, never an error", async () => {
    for (const q of ["!!!", "&|:*", "'", '"', "-", "()", "<->", "\\", "!(", "or", "the", '""""', "*:*", "%_"]) {
      const { status, body } = await api(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(body.total, q).toBe(0);
      expect(body.results, q).toEqual([]);
      const data = await page(`/search?q=${encodeURIComponent(q)}`);
      expect(data.total, q).toBe(0);
    }
  });

  it("cuts a 1,000-character query to 200 characters and says so", async () => {
    const long = `Xinjiang ${"province ".repeat(120)}`.slice(0, 1000);
    const { status, body } = await api(`/api/search?q=${encodeURIComponent(long)}`);
    expect(status).toBe(200);
    expect(body.truncated).toBe(true);
    expect(Array.from(body.query as string).length).toBeLessThanOrEqual(200);
    expect(long.startsWith(body.query)).toBe(true);
    const data = await page(`/search?q=${encodeURIComponent(long)}`);
    expect(data.truncated).toBe(true);
    expect(data.query).toBe(body.query);
    // Exactly 200 characters is not cut.
    const exact = await api(`/api/search?q=${"x".repeat(200)}`);
    expect(exact.body).toMatchObject({ truncated: false, query: "x".repeat(200) });
  });

  it("refuses an unknown kind or an impossible page with a readable 400", async () => {
    const badKind = await api("/api/search?q=Xinjiang&kind=users");
    expect(badKind).toMatchObject({ status: 400, body: { error: expect.stringContaining("episodes, sections, comments, sources") } });
    expect(await api("/api/search?q=Xinjiang&page=0")).toMatchObject({ status: 400, body: { error: "Pages start at 1." } });
    expect(await api("/api/search?q=Xinjiang&page=1001")).toMatchObject({ status: 400, body: { error: "The page must be at most 1000." } });
    const response = await refusal("/search?q=Xinjiang&page=two");
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("The page must be a whole number.");
  });
});

describe("finding what readers type", () => {
  it("finds ISIS‑K typed with a plain hyphen where the page has a non-breaking one, and the other way round", async () => {
    const typed = await search({ q: "ISIS-K" });
    const asPrinted = await search({ q: "ISIS\u2011K" });
    const textsWithWord =
      (await prisma.section.count({ where: { plainText: { contains: "ISIS\u2011K" } } })) +
      (await prisma.comment.count({ where: { status: "visible", body: { contains: "ISIS\u2011K" } } }));
    expect(textsWithWord).toBeGreaterThan(0);
    expect(typed.counts.sections + typed.counts.comments).toBeGreaterThanOrEqual(textsWithWord);
    expect(typed.counts).toEqual(asPrinted.counts);
    expect(typed.results.map((result) => result.url)).toEqual(asPrinted.results.map((result) => result.url));
    // Both spellings in the archive are found: the page's "ISIS‑K" and the plain "ISIS-Khorasan".
    const texts = typed.results.map((result) => result.snippet.map((part) => part.text).join(""));
    expect(texts.some((text) => text.includes("ISIS-K was"))).toBe(true);
    expect(typed.correctedFrom).toBeNull();
  });

  it("corrects a misspelt word that finds nothing to the archive's closest word, and says so", async () => {
    const exact = await search({ q: "Xinjiang" });
    const outcome = await search({ q: "xinjang" });
    expect(outcome.correctedFrom).toBe("xinjang");
    expect(outcome.query).toBe("xinjiang");
    expect(outcome.counts).toEqual(exact.counts);
    expect(outcome.results.length).toBeGreaterThan(0);

    const data = await page("/search?q=xinjang");
    expect(data).toMatchObject({ correctedFrom: "xinjang", query: "xinjiang" });
    const { body } = await api("/api/search?q=xinjang");
    expect(body).toMatchObject({ correctedFrom: "xinjang", query: "xinjiang", total: exact.counts.all });

    // A word the archive has is never "corrected", and nonsense with no close word stays unanswered.
    expect((await search({ q: "Xinjiang" })).correctedFrom).toBeNull();
    const nonsense = await search({ q: "qqzzxv" });
    expect(nonsense).toMatchObject({ correctedFrom: null, query: "qqzzxv", total: 0 });
  });

  it("leaves a hidden comment's words out of the corrections once the comment is hidden", async () => {
    expect((await search({ q: "Shishanni" })).query).toBe("shishani");
    await prisma.comment.updateMany({ where: { body: { contains: "Shishani" } }, data: { status: "hidden" } });
    const sectionsWithWord = await prisma.section.count({ where: { plainText: { contains: "Shishani" } } });
    const outcome = await search({ q: "Shishanni" });
    if (sectionsWithWord === 0) expect(outcome).toMatchObject({ correctedFrom: null, total: 0 });
    else expect(outcome.counts.comments).toBe(0);
  });

  it("finds a commenter's comments by their name, first, and filters by author", async () => {
    const byAuthor = await prisma.comment.count({ where: { status: "visible", importedAuthor: { name: "Pterrafractyl" } } });
    expect(byAuthor).toBeGreaterThan(1);

    const outcome = await search({ q: "pterrafractyl", kind: "comments" });
    expect(outcome.total).toBeGreaterThanOrEqual(byAuthor);
    const mine = outcome.results.slice(0, byAuthor);
    for (const result of mine) expect(result.title).toMatch(/^Comment #\d+ by Pterrafractyl$/);

    // ?author= keeps only that author's comments, newest first without a query, matching words with one.
    const all = await search({ q: "", author: "@PTERRAFRACTYL" });
    expect(all).toMatchObject({ author: "@PTERRAFRACTYL", total: byAuthor, counts: { comments: byAuthor, sections: 0, episodes: 0, sources: 0 } });
    for (const result of all.results) expect(result.title).toMatch(/ by Pterrafractyl$/);
    const withWord = await search({ q: "Shishani", author: "Pterrafractyl" });
    expect(withWord.total).toBeGreaterThan(0);
    expect(withWord.total).toBeLessThanOrEqual(byAuthor);
    for (const result of withWord.results) expect(result.title).toMatch(/ by Pterrafractyl$/);

    const data = await page("/search?author=Pterrafractyl");
    expect(data).toMatchObject({ author: "Pterrafractyl", total: byAuthor });
    expect((await api("/api/search?author=Pterrafractyl&kind=comments")).body).toMatchObject({ author: "Pterrafractyl", total: byAuthor });
    expect((await refusal(`/search?author=${"x".repeat(61)}`)).status).toBe(400);
  });
});

describe("snippets", () => {
  it("keeps a comment's angle brackets and stray marker characters as text, highlighting only the match", async () => {
    const episode = await prisma.episode.findFirstOrThrow({ where: { number: 863 }, select: { id: true } });
    await prisma.comment.create({
      data: {
        episodeId: episode.id,
        ordinal: 500,
        body: "Zanzibar <script>alert(1)</script> and <b>bold</b> claims \ue000fake\ue001 marker \ue002.",
        postedAt: new Date(),
      },
    });
    const [result] = (await search({ q: "Zanzibar" })).results;
    const text = result!.snippet.map((part) => part.text).join("");
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("<b>bold</b>");
    expect(text).not.toMatch(/[\ue000-\ue003]/);
    expect(highlighted(result!.snippet)).toEqual(["Zanzibar"]);
  });

  it("splits ts_headline output on its markers and writes them as « » for the API", () => {
    const parts = highlightParts("in \ue000Xinjiang\ue001 province,\n\n the \ue000Uighurs\ue001 «quoted» \ue002b\ue003");
    expect(parts).toEqual([
      { text: "in ", highlight: false },
      { text: "Xinjiang", highlight: true },
      { text: " province, the ", highlight: false },
      { text: "Uighurs", highlight: true },
      { text: " «quoted» <b>", highlight: false },
    ]);
    expect(snippetText(parts)).toBe("in «Xinjiang» province, the «Uighurs» ‹quoted› <b>");
  });
});

describe("GET /api/search", () => {
  it("answers the documented shape", async () => {
    const { status, body } = await api("/api/search?q=Xinjiang");
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["query", "kind", "page", "total", "results", "counts", "pageCount", "truncated"]));
    expect(body).toMatchObject({ query: "Xinjiang", kind: "all", page: 1, truncated: false });
    expect(body.total).toBe(body.results.length);
    for (const result of body.results) {
      expect(Object.keys(result).sort()).toEqual(["context", "rank", "snippet", "title", "type", "url"]);
      expect(typeof result.rank).toBe("number");
    }
    const ranks = body.results.map((result: { rank: number }) => result.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const section = body.results.find((result: { type: string }) => result.type === "section");
    expect(section.snippet).toContain("«Xinjiang»");
    expect(section.url).toMatch(/#section-\w+$/);
  });
});
