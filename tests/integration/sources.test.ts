import { beforeEach, describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { loader as sourcesApi } from "~/routes/api.sources";
import { loader as sourcePage } from "~/routes/sources.$id";
import { loader as sourcesPage } from "~/routes/sources._index";
import { prisma } from "~/utils/db.server";
import { ARTICLE_FILE, PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

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

describe("a source's page", () => {
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
        comments: [expect.objectContaining({ ordinal: 1, authorName: "Pterrafractyl", url: `/episodes/${PROGRAM_SLUG}#comment-1` })],
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
