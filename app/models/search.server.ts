// Full-text search over episodes, sections, visible comments and sources: PostgreSQL's own
// (generated tsvector columns + GIN, migration 20261122000000_full_text_search), ranked with
// ts_rank_cd and excerpted with ts_headline. User input only ever reaches SQL as a parameter.
import { Prisma } from "@prisma/client";
import type { HighlightPart, SearchKind, SearchResultType } from "~/schemas/search";
import { prisma } from "~/utils/db.server";
import { commentAuthorNameSql, listedCommentSql } from "~/models/presenters/comment";

export const SEARCH_RESULTS_PER_PAGE = 20;

// ts_headline marks matches with these private-use characters. Any already in a text are deleted
// before it is excerpted, so a marker in the output can only be one ts_headline put there.
const MARK_START = "\ue000";
const MARK_END = "\ue001";
// ts_headline's parser drops anything shaped like an HTML tag ("<b>"): angle brackets travel as
// two more private-use characters and are restored after splitting.
const LESS_THAN = "\ue002";
const GREATER_THAN = "\ue003";
const TRANSLATE_FROM = `<>${MARK_START}${MARK_END}${LESS_THAN}${GREATER_THAN}`;
const TRANSLATE_TO = `${LESS_THAN}${GREATER_THAN}`;

const SNIPPET_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=3, FragmentDelimiter=" … "`;
const WHOLE_TEXT_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
/** Same bound as the indexed text (see the migration): words past it are not found, so not excerpted either. */
const INDEXED_CHARACTERS = 200_000;

/** An episode outranks a section, comment or source that matches as well: it is what readers look for first. */
const EPISODE_BOOST = 2;
/** A program found by its number ("FTR #863", "#863") comes before everything else. */
const PROGRAM_NUMBER_RANK = 100;

const KIND_TYPE: Record<Exclude<SearchKind, "all">, SearchResultType> = {
  episodes: "episode",
  sections: "section",
  comments: "comment",
  sources: "source",
};

export type SearchCounts = Record<SearchKind, number>;

export type SearchResult = {
  type: SearchResultType;
  id: number;
  /** Plain title, and the same with the query's words highlighted where they occur in it. */
  title: string;
  titleParts: HighlightPart[];
  /** Where the hit sits, e.g. the episode a section belongs to. */
  context: string | null;
  url: string;
  snippet: HighlightPart[];
  rank: number;
};

export type SearchOutcome = {
  query: string;
  kind: SearchKind;
  page: number;
  pageCount: number;
  /** Results of the selected kind. */
  total: number;
  counts: SearchCounts;
  /** The program number the query names, when it names one ("FTR #863" → 863). */
  programNumber: number | null;
  results: SearchResult[];
};

const NO_COUNTS: SearchCounts = { all: 0, episodes: 0, sections: 0, comments: 0, sources: 0 };

/** "FTR #863", "FTR 863", "ftr#863" or "#863" → 863; anything else → null. */
export function programNumberIn(query: string): number | null {
  const match = /^(?:ftr\s*#?|#)\s*(\d{1,9})$/i.exec(query.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Searches everything a reader may see (comments only while visible), best match first, one page
 * of `SEARCH_RESULTS_PER_PAGE`. An empty query asks the database nothing.
 */
export async function search({ q, kind = "all", page = 1 }: { q: string; kind?: SearchKind; page?: number }): Promise<SearchOutcome> {
  const query = q.trim();
  const programNumber = programNumberIn(query);
  if (query === "") return { query, kind, page, pageCount: 1, total: 0, counts: { ...NO_COUNTS }, programNumber, results: [] };

  const hits = hitsSql(query, programNumber);
  const type = kind === "all" ? null : KIND_TYPE[kind];
  const [countRows, pageRows] = await Promise.all([
    prisma.$queryRaw<{ type: SearchResultType; count: number }[]>`
      WITH hits AS (${hits}) SELECT type, count(*)::int AS count FROM hits GROUP BY type`,
    prisma.$queryRaw<{ type: SearchResultType; id: number; rank: number }[]>`
      WITH hits AS (${hits})
      SELECT type, id, rank FROM hits
      WHERE ${type}::text IS NULL OR type = ${type}::text
      ORDER BY rank DESC, type, id
      LIMIT ${SEARCH_RESULTS_PER_PAGE} OFFSET ${(page - 1) * SEARCH_RESULTS_PER_PAGE}`,
  ]);

  const counts = { ...NO_COUNTS };
  for (const row of countRows) counts[`${row.type}s` as Exclude<SearchKind, "all">] = row.count;
  counts.all = counts.episodes + counts.sections + counts.comments + counts.sources;
  const total = counts[kind];

  const details = await describeHits(query, pageRows);
  const results = pageRows.flatMap((row) => {
    const detail = details.get(`${row.type}:${row.id}`);
    return detail ? [{ ...detail, type: row.type, id: row.id, rank: row.rank }] : [];
  });
  return {
    query,
    kind,
    page,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_RESULTS_PER_PAGE)),
    total,
    counts,
    programNumber,
    results,
  };
}

/** Every match as (type, id, rank). Hidden and deleted comments are never matches. */
function hitsSql(query: string, programNumber: number | null) {
  const tsquery = Prisma.sql`websearch_to_tsquery('english', ${query})`;
  return Prisma.sql`
    SELECT 'episode'::text AS type, e.id,
      (ts_rank_cd(e."searchVector", ${tsquery}, 1) * ${EPISODE_BOOST}
        + CASE WHEN e.number = ${programNumber}::int THEN ${PROGRAM_NUMBER_RANK} ELSE 0 END)::float8 AS rank
    FROM "Episode" e
    WHERE e."searchVector" @@ ${tsquery} OR e.number = ${programNumber}::int
    UNION ALL
    SELECT 'section'::text, s.id, ts_rank_cd(s."searchVector", ${tsquery}, 1)::float8
    FROM "Section" s
    WHERE s."searchVector" @@ ${tsquery}
    UNION ALL
    SELECT 'comment'::text, c.id, ts_rank_cd(c."searchVector", ${tsquery}, 1)::float8
    FROM "Comment" c
    WHERE ${listedCommentSql("c")} AND c."searchVector" @@ ${tsquery}
    UNION ALL
    SELECT 'source'::text, so.id, ts_rank_cd(so."searchVector", ${tsquery}, 1)::float8
    FROM "Source" so
    WHERE so."searchVector" @@ ${tsquery}`;
}

/** The marker-safe text ts_headline excerpts: see the marker characters above. */
function headline(text: Prisma.Sql, query: string, options: string) {
  return Prisma.sql`ts_headline('english', translate(left(${text}, ${INDEXED_CHARACTERS}), ${TRANSLATE_FROM}, ${TRANSLATE_TO}),
    websearch_to_tsquery('english', ${query}), ${options})`;
}

type Detail = Omit<SearchResult, "type" | "id" | "rank">;

/** Titles, addresses and highlighted excerpts for one page of hits: one query per type present. */
async function describeHits(query: string, rows: { type: SearchResultType; id: number }[]) {
  const ids = (type: SearchResultType) => rows.filter((row) => row.type === type).map((row) => row.id);
  const [episodes, sections, comments, sources] = await Promise.all([
    describeEpisodes(query, ids("episode")),
    describeSections(query, ids("section")),
    describeComments(query, ids("comment")),
    describeSources(query, ids("source")),
  ]);
  const details = new Map<string, Detail>();
  for (const [type, list] of [["episode", episodes], ["section", sections], ["comment", comments], ["source", sources]] as const) {
    for (const { id, ...detail } of list) details.set(`${type}:${id}`, detail);
  }
  return details;
}

async function describeEpisodes(query: string, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<
    { id: number; slug: string; kind: string; number: number | null; publication: string | null; title: string; titleHeadline: string; snippet: string }[]
  >`
    SELECT e.id, e.slug, e.kind::text AS kind, e.number, e.publication, e.title,
      ${headline(Prisma.sql`e.title`, query, WHOLE_TEXT_OPTIONS)} AS "titleHeadline",
      ${headline(
        Prisma.sql`concat_ws(E'\n', e.summary, "footnote_immutable_array_to_string"(e.highlights, E'\n'), "footnote_immutable_array_to_string"(e.intro, E'\n'))`,
        query,
        SNIPPET_OPTIONS,
      )} AS snippet
    FROM "Episode" e WHERE e.id = ANY(${ids}::int[])`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    titleParts: highlightParts(row.titleHeadline),
    context: row.kind === "program" && row.number !== null ? `FTR #${row.number}` : row.publication,
    url: `/episodes/${row.slug}`,
    snippet: highlightParts(row.snippet),
  }));
}

async function describeSections(query: string, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<{ id: number; label: string; slug: string; episodeTitle: string; snippet: string }[]>`
    SELECT s.id, s.label, e.slug, e.title AS "episodeTitle",
      ${headline(Prisma.sql`s."plainText"`, query, SNIPPET_OPTIONS)} AS snippet
    FROM "Section" s JOIN "Episode" e ON e.id = s."episodeId"
    WHERE s.id = ANY(${ids}::int[])`;
  return rows.map((row) => {
    const title = row.label === "body" ? "Text" : `Section ${row.label}`;
    return {
      id: row.id,
      title,
      titleParts: [{ text: title, highlight: false }],
      context: row.episodeTitle,
      url: `/episodes/${row.slug}#section-${row.label}`,
      snippet: highlightParts(row.snippet),
    };
  });
}

async function describeComments(query: string, ids: number[]) {
  if (ids.length === 0) return [];
  const author = commentAuthorNameSql("c");
  const rows = await prisma.$queryRaw<{ id: number; ordinal: number; slug: string; episodeTitle: string; authorName: string; snippet: string }[]>`
    SELECT c.id, c.ordinal, e.slug, e.title AS "episodeTitle",
      ${author.name} AS "authorName",
      ${headline(Prisma.sql`c.body`, query, SNIPPET_OPTIONS)} AS snippet
    FROM "Comment" c
    JOIN "Episode" e ON e.id = c."episodeId"
    ${author.joins}
    WHERE c.id = ANY(${ids}::int[]) AND ${listedCommentSql("c")}`;
  return rows.map((row) => {
    const title = `Comment #${row.ordinal} by ${row.authorName}`;
    return {
      id: row.id,
      title,
      titleParts: [{ text: title, highlight: false }],
      context: row.episodeTitle,
      url: `/episodes/${row.slug}#comment-${row.ordinal}`,
      snippet: highlightParts(row.snippet),
    };
  });
}

async function describeSources(query: string, ids: number[]) {
  if (ids.length === 0) return [];
  const byline = Prisma.sql`concat_ws(' · ', nullif("footnote_immutable_array_to_string"(so.authors, ', '), ''), so.outlet, so."originalOutlet", so.publisher)`;
  const rows = await prisma.$queryRaw<{ id: number; kind: string; title: string; titleHeadline: string; snippet: string }[]>`
    SELECT so.id, so.kind::text AS kind, so.title,
      ${headline(Prisma.sql`so.title`, query, WHOLE_TEXT_OPTIONS)} AS "titleHeadline",
      ${headline(byline, query, WHOLE_TEXT_OPTIONS)} AS snippet
    FROM "Source" so WHERE so.id = ANY(${ids}::int[])`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    titleParts: highlightParts(row.titleHeadline),
    context: row.kind === "book" ? "Book" : row.kind === "web" ? "Web page" : "Article",
    url: `/sources/${row.id}`,
    snippet: highlightParts(row.snippet),
  }));
}

/** Splits ts_headline's output on its markers into plain and highlighted runs, whitespace collapsed. */
export function highlightParts(headlineText: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const text = headlineText.replaceAll(LESS_THAN, "<").replaceAll(GREATER_THAN, ">").replace(/\s+/g, " ").trim();
  let highlight = false;
  for (const piece of text.split(/([\ue000\ue001])/)) {
    if (piece === MARK_START) highlight = true;
    else if (piece === MARK_END) highlight = false;
    else if (piece !== "") {
      const last = parts.at(-1);
      if (last && last.highlight === highlight) last.text += piece;
      else parts.push({ text: piece, highlight });
    }
  }
  return parts;
}

/** The excerpt as one string for the JSON API: highlights between « and », the text's own guillemets shown as ‹ and ›. */
export function snippetText(parts: HighlightPart[]) {
  return parts
    .map(({ text, highlight }) => {
      const plain = text.replaceAll("«", "‹").replaceAll("»", "›");
      return highlight ? `«${plain}»` : plain;
    })
    .join("");
}
