import { beforeEach, describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { loader as sourcesApi } from "~/routes/api.sources";
import { loader as sourcePage } from "~/routes/sources.$id";
import { loader as sourcesPage } from "~/routes/sources._index";
import { search } from "~/models/search.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../factories";
import { ARTICLE_FILE, PROGRAM_FILE, seedBytes } from "../fixtures/seeds";
import { commentFlag, decide, flag, propose, seeded } from "./claims/helpers";

const context = { clientIp: "127.0.0.1" };
const PROGRAM_SLUG = "ftr-863-9-11-the-muslim-brotherhood-and-the-earth-island-boogie-part-2";

function request(path: string) {
  return new Request(`http://localhost${path}`);
}

async function api<T = any>(path: string) {
  const response = await sourcesApi({ request: request(path), params: {}, context });
  return { status: response.status, body: (await response.json()) as T };
}

async function sourceById(id: string) {
  return sourcePage({ request: request(`/sources/${id}`), params: { id }, context });
}

/** The Response a loader throws for a page it refuses. */
async function refusal(promise: Promise<unknown>) {
  const thrown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Response);
  const response = thrown as Response;
  return { status: response.status, text: await response.text() };
}

async function sourceId(title: string) {
  return (await prisma.source.findFirstOrThrow({ where: { title: { startsWith: title } }, select: { id: true } })).id;
}

beforeEach(async () => {
  await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  await importDocument({ fileName: ARTICLE_FILE, bytes: seedBytes(ARTICLE_FILE) });
});

describe("the sources library", () => {
  it("lists every source grouped by outlet, books first under Books, with citation counts", async () => {
    const data = await sourcesPage({ request: request("/sources"), params: {}, context });
    expect(data.total).toBe(await prisma.source.count());
    const names = data.groups.map((group) => group.name);
    expect(names[0]).toBe("Books");
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["CNN", "Reuters", "The Guardian"]));
    const group = (name: string) => data.groups.find((entry) => entry.name === name)!;
    expect(group("Books").sources.map((source) => source.title)).toEqual([
      "Dollars for Terror: The United States and Islam",
      "The Hitler Legacy",
    ]);
    expect(group("Books").sources[0]).toMatchObject({ authors: ["Richard Labeviere"], citationCount: 5 });
    expect(group("CNN").sources).toHaveLength(2);
    expect(group("Reuters").sources.every((source) => source.outlet === "Reuters")).toBe(true);
    // Web pages without an outlet come last, under "Web".
    expect(names.at(-1)).toBe("Web");
    expect(group("Web").sources.every((source) => source.kind === "web")).toBe(true);
  });

  it("filters by part of a title, an author or an outlet", async () => {
    const reuters = await sourcesPage({ request: request("/sources?q=Reut"), params: {}, context });
    expect(reuters.groups.map((group) => group.name)).toEqual(["Reuters"]);
    const labeviere = await sourcesPage({ request: request("/sources?q=labeviere"), params: {}, context });
    expect(labeviere.groups).toEqual([{ name: "Books", sources: [expect.objectContaining({ title: "Dollars for Terror: The United States and Islam" })] }]);
    const title = await sourcesPage({ request: request("/sources?q=Hitler%20Legacy"), params: {}, context });
    expect(title.total).toBe(1);
    // LIKE's wildcards are taken literally.
    for (const q of ["%", "_", "100%", "&|:*"]) {
      const data = await sourcesPage({ request: request(`/sources?q=${encodeURIComponent(q)}`), params: {}, context });
      expect(data.total, q).toBe(0);
    }
  });

  it("does not count or list a citation in a hidden comment", async () => {
    const cnn = await sourceId("ISIS claims responsibility");
    await prisma.comment.updateMany({ where: { ordinal: 1 }, data: { status: "hidden" } });
    const data = await sourcesPage({ request: request("/sources?q=CNN"), params: {}, context });
    const listed = data.groups.flatMap((group) => group.sources).find((source) => source.id === cnn);
    expect(listed?.citationCount).toBe(0);
    const page = await sourceById(String(cnn));
    expect(page.citationCount).toBe(0);
    expect(page.citedIn).toEqual([]);
  });
});

describe("the library holds vetted sources only", () => {
  const REPORT = { url: "https://example.org/2024/unvetted-report", title: "An unvetted report on the Crocus attack", outlet: "Example Gazette", date: "2024-04-02" };
  const inList = async (q: string) => (await api(`/api/sources?q=${encodeURIComponent(q)}`)).body.sources.map((source: { title: string }) => source.title);

  it("keeps a member's proposed source out of the list, search and the JSON until a moderator accepts it, also after a dismissal", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const { body: first } = await flag(commentFlag(seed), member.cookie);
    expect((await propose(first.claimId, { ...REPORT, quote: "All four gunmen were detained." }, member.cookie)).status).toBe(303);
    const proposed = await prisma.source.findFirstOrThrow({ where: { url: REPORT.url }, select: { id: true } });

    expect(await inList("unvetted")).toEqual([]);
    expect((await search({ q: "unvetted report", kind: "sources" })).total).toBe(0);
    expect(await sourceById(String(proposed.id))).toMatchObject({ inLibrary: false, supports: [] });

    // Dismissing the claim declines the proposal: still not in the library.
    await decide(moderator.cookie, first.claimId, "dismiss", "Not a factual claim");
    expect(await inList("unvetted")).toEqual([]);

    // Accepted for another claim, it enters the library, and its page shows the accepted passage.
    const { body: second } = await flag(commentFlag(seed), moderator.cookie);
    expect((await propose(second.claimId, { sourceId: proposed.id, quote: "The four were detained near Bryansk." }, member.cookie)).status).toBe(303);
    const proposal = await prisma.sourceProposal.findFirstOrThrow({ where: { claimId: second.claimId }, select: { id: true } });
    await decide(moderator.cookie, second.claimId, "accept-source", "The report names the place of the arrest", { proposalId: proposal.id });
    expect(await inList("unvetted")).toEqual([REPORT.title]);
    expect((await search({ q: "unvetted report", kind: "sources" })).total).toBe(1);
    expect(await sourceById(String(proposed.id))).toMatchObject({
      inLibrary: true,
      supports: [{ id: proposal.id, quote: "The four were detained near Bryansk.", claimId: second.claimId }],
    });
  });
});

describe("a source's page", () => {
  it("shows the passage each citation quotes, as printed before it", async () => {
    const data = await sourceById(String(await sourceId("Dollars for Terror")));
    const sections = data.citedIn[0]!.sections;
    expect(sections.every((section) => typeof section.passage === "string" && section.passage.length > 40)).toBe(true);
    // Each passage is the quotation printed beside that citation in its section (after section 4's citation
    // line, before the "(Idem.)" of sections 5–8).
    for (const section of sections) {
      const { plainText } = await prisma.section.findFirstOrThrow({ where: { label: section.label, episode: { slug: PROGRAM_SLUG } }, select: { plainText: true } });
      expect(plainText.replace(/\s+/g, " ")).toContain(section.passage!.replace(/\s+/g, " ").slice(0, 80));
    }
  });

  it("shows the Labeviere book's record and sections 4–8 with their pages", async () => {
    const data = await sourceById(String(await sourceId("Dollars for Terror")));
    expect(data.source).toMatchObject({
      kind: "book",
      title: "Dollars for Terror: The United States and Islam",
      authors: ["Richard Labeviere"],
      publisher: "Algora Press",
      year: 2000,
    });
    expect(data.citationCount).toBe(5);
    expect(data.citedIn).toHaveLength(1);
    expect(data.citedIn[0]).toMatchObject({ slug: PROGRAM_SLUG, comments: [] });
    expect(data.citedIn[0]!.sections.map(({ label, pages, url }) => ({ label, pages, url }))).toEqual([
      { label: "4", pages: "p. 10", url: `/episodes/${PROGRAM_SLUG}#section-4` },
      { label: "5", pages: "p. 10", url: `/episodes/${PROGRAM_SLUG}#section-5` },
      { label: "6", pages: "pp. 10–11", url: `/episodes/${PROGRAM_SLUG}#section-6` },
      { label: "7", pages: "p. 11", url: `/episodes/${PROGRAM_SLUG}#section-7` },
      { label: "8", pages: "p. 11", url: `/episodes/${PROGRAM_SLUG}#section-8` },
    ]);
  });

  it("lists the comment that cites the CNN article, with its author and anchor", async () => {
    const data = await sourceById(String(await sourceId("ISIS claims responsibility for attack in busy Moscow-area")));
    expect(data.source).toMatchObject({ kind: "article", outlet: "CNN", date: "2024-03-22" });
    expect(data.citedIn).toEqual([
      expect.objectContaining({
        slug: PROGRAM_SLUG,
        sections: [],
        comments: [expect.objectContaining({ anchor: "1", authorName: "Pterrafractyl", url: `/episodes/${PROGRAM_SLUG}?c=1#comment-1` })],
      }),
    ]);
  });

  it("answers an id that is not a whole number with a readable 400", async () => {
    for (const id of ["abc", "1.5", "0", "-3", "12abc", "99999999999"]) {
      const { status, text } = await refusal(sourceById(id));
      expect(status, id).toBe(400);
      expect(text, id).toMatch(/whole number|at most/);
    }
  });

  it("answers an unknown id with a readable 404", async () => {
    const { status, text } = await refusal(sourceById("999999"));
    expect(status).toBe(404);
    expect(text).toBe("No source has the id 999999.");
  });
});

describe("GET /api/sources", () => {
  it("answers the documented shape, with citation counts", async () => {
    const { status, body } = await api("/api/sources");
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, pageCount: 1, total: await prisma.source.count() });
    expect(body.sources).toHaveLength(body.total);
    for (const source of body.sources) {
      expect(Object.keys(source)).toEqual(
        expect.arrayContaining(["id", "kind", "title", "authors", "outlet", "originalOutlet", "publisher", "date", "dateText", "year", "isbn", "url", "citationCount"]),
      );
    }
    const book = body.sources.find((source: { title: string }) => source.title.startsWith("Dollars for Terror"));
    expect(book).toMatchObject({ kind: "book", citationCount: 5, group: "Books", path: `/sources/${book.id}` });
  });

  it("filters with q and refuses a bad page with a readable 400", async () => {
    const { body } = await api("/api/sources?q=Reuters");
    expect(body.total).toBe(5);
    expect(body.sources.every((source: { outlet: string }) => source.outlet === "Reuters")).toBe(true);
    expect(await api("/api/sources?page=0")).toMatchObject({ status: 400, body: { error: "Pages start at 1." } });
    expect(await api("/api/sources?page=x")).toMatchObject({ status: 400, body: { error: "The page must be a whole number." } });
  });
});
