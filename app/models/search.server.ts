// Full-text search over episodes, sections, visible comments and sources: PostgreSQL's own
// (generated tsvector columns + GIN, migrations 20261122000000_full_text_search and
// 20261201090000_search_folding), ranked with ts_rank_cd and excerpted with ts_headline.
// Text and queries pass the same folding (the `footnote` text-search configuration and
// `footnote_search_text`): typographic hyphens and apostrophes, accents and case do not matter.
// A query that finds nothing is corrected against the archive's vocabulary (pg_trgm) when a
// close word exists. User input only ever reaches SQL as a parameter.
import { Prisma } from "@prisma/client";
import type { HighlightPart, SearchKind, SearchResultType } from "~/schemas/search";
import { prisma } from "~/utils/db.server";
import { commentAuthorNameSql, listedCommentSql } from "~/models/presenters/comment";
import { librarySourceSql } from "~/models/presenters/source";
import { commentLabel, commentPermalink } from "~/utils/comment-anchor";

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
/** A comment by the person the query names ranks with a strong text match. */
const AUTHOR_NAME_RANK = 1;

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
  /** The query whose results these are: the corrected one when `correctedFrom` is set. */
  query: string;
  /** What the reader typed, when it found nothing and a close spelling did ("xinjang" → "xinjiang"). */
  correctedFrom: string | null;
  /** Only comments by this author (a member's username or an imported author's name), when set. */
  author: string | null;
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
 * of `SEARCH_RESULTS_PER_PAGE`. A query that finds nothing is tried once more with its misspelt
 * words corrected (`correctedFrom` says so). An empty query without an author asks the database nothing.
 */
export async function search(options: { q: string; kind?: SearchKind; page?: number; author?: string | null }): Promise<SearchOutcome> {
  const first = await searchOnce(options);
  if (first.counts.all > 0 || first.query === "") return first;
  const corrected = await correctedQuery(first.query);
  if (corrected === null) return first;
  const second = await searchOnce({ ...options, q: corrected });
  return second.counts.all > 0 ? { ...second, correctedFrom: first.query } : first;
}

async function searchOnce({ q, kind = "all", page = 1, author = null }: { q: string; kind?: SearchKind; page?: number; author?: string | null }): Promise<SearchOutcome> {
  const query = q.trim();
  const programNumber = author ? null : programNumberIn(query);
  const empty = { query, correctedFrom: null, author, kind, page, pageCount: 1, total: 0, counts: { ...NO_COUNTS }, programNumber, results: [] };
  if (query === "" && !author) return empty;

  const hits = author ? authorHitsSql(query, author) : hitsSql(query, programNumber);
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
    ...empty,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_RESULTS_PER_PAGE)),
    total,
    counts,
    results,
  };
}

/** What the page and its JSON twin both say of a search, besides their own shape of each result. */
export function searchSummary(outcome: SearchOutcome, truncated: boolean) {
  const { query, correctedFrom, author, kind, page, pageCount, total, counts } = outcome;
  return { query, correctedFrom, author, truncated, kind, page, pageCount, total, counts };
}

/** Every match as (type, id, rank). Hidden and deleted comments are never matches. */
function hitsSql(query: string, programNumber: number | null) {
  const tsquery = tsQuery(query);
  const author = commentAuthorNameSql("c");
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
    SELECT 'comment'::text, c.id,
      (ts_rank_cd(c."searchVector", ${tsquery}, 1)
        + CASE WHEN ${foldedName(author.name)} = ${foldedName(Prisma.sql`${query}::text`)} THEN ${AUTHOR_NAME_RANK} ELSE 0 END)::float8
    FROM "Comment" c
    ${author.joins}
    WHERE ${listedCommentSql("c")}
      AND (c."searchVector" @@ ${tsquery} OR ${foldedName(author.name)} = ${foldedName(Prisma.sql`${query}::text`)})
    UNION ALL
    SELECT 'source'::text, so.id, ts_rank_cd(so."searchVector", ${tsquery}, 1)::float8
    FROM "Source" so
    WHERE so."searchVector" @@ ${tsquery} AND ${librarySourceSql("so")}`;
}

/** The query as the index reads text: folded the same way (see the migration search_folding). */
function tsQuery(query: string) {
  return Prisma.sql`websearch_to_tsquery('footnote', "footnote_search_text"(${query}::text))`;
}

/** A name compared as readers type it: case, accents and surrounding "@" do not matter. */
function foldedName(name: Prisma.Sql) {
  return Prisma.sql`lower(unaccent(ltrim(${name}, '@')))`;
}

/**
 * Comments by one author (name as shown on the comment, folded), matching `query` when there is one;
 * without a query, newest first.
 */
function authorHitsSql(query: string, authorName: string) {
  const tsquery = tsQuery(query);
  const author = commentAuthorNameSql("c");
  const rank =
    query === ""
      ? Prisma.sql`(extract(epoch FROM c."createdAt") / 1e10)::float8`
      : Prisma.sql`ts_rank_cd(c."searchVector", ${tsquery}, 1)::float8`;
  return Prisma.sql`
    SELECT 'comment'::text AS type, c.id, ${rank} AS rank
    FROM "Comment" c
    ${author.joins}
    WHERE ${listedCommentSql("c")}
      AND ${foldedName(author.name)} = ${foldedName(Prisma.sql`${authorName}::text`)}
      AND (${query} = '' OR c."searchVector" @@ ${tsquery})`;
}

/** The marker-safe text ts_headline excerpts: see the marker characters above. */
function headline(text: Prisma.Sql, query: string, options: string) {
  return Prisma.sql`ts_headline('footnote', translate("footnote_search_text"(left(${text}, ${INDEXED_CHARACTERS})), ${TRANSLATE_FROM}, ${TRANSLATE_TO}),
    ${tsQuery(query)}, ${options})`;
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
  const rows = await prisma.$queryRaw<{ id: number; anchor: string; slug: string; episodeTitle: string; authorName: string; snippet: string }[]>`
    SELECT c.id, c.anchor, e.slug, e.title AS "episodeTitle",
      ${author.name} AS "authorName",
      ${headline(Prisma.sql`c.body`, query, SNIPPET_OPTIONS)} AS snippet
    FROM "Comment" c
    JOIN "Episode" e ON e.id = c."episodeId"
    ${author.joins}
    WHERE c.id = ANY(${ids}::int[]) AND ${listedCommentSql("c")}`;
  return rows.map((row) => {
    const title = `Comment ${commentLabel(row.anchor)} by ${row.authorName}`;
    return {
      id: row.id,
      title,
      titleParts: [{ text: title, highlight: false }],
      context: row.episodeTitle,
      url: commentPermalink(row.slug, row.anchor),
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

// ---------------------------------------------------------------------------------------------------
// "Did you mean": a query that finds nothing is corrected word by word against the archive's vocabulary,
// the table "SearchTerm" (words of 3–40 letters in what any reader may find). pg_trgm's
// similarity picks the closest word; the more texts use it, the likelier it is meant.

/** Below this trigram similarity a word is not offered as a correction ("xinjang"/"xinjiang" is 0.5). */
const MIN_SIMILARITY = 0.4;
/** A query of more words than this is not corrected (a pasted paragraph is not a typo). */
const MAX_CORRECTED_WORDS = 6;

/** The query with each unknown word replaced by its closest known word, or null when nothing changes. */
export async function correctedQuery(query: string): Promise<string | null> {
  const words = query.match(/\p{L}+/gu) ?? [];
  if (words.length === 0 || words.length > MAX_CORRECTED_WORDS) return null;
  await refreshSearchTermsIfStale();
  const rows = await prisma.$queryRaw<{ typed: string; known: string | null }[]>`
    SELECT typed.word AS typed,
      (SELECT t.word FROM "SearchTerm" t
        WHERE t.word = lower(unaccent(typed.word))
           OR (length(typed.word) >= 3 AND t.word % lower(unaccent(typed.word))
               AND similarity(t.word, lower(unaccent(typed.word))) >= ${MIN_SIMILARITY})
        ORDER BY t.word = lower(unaccent(typed.word)) DESC, similarity(t.word, lower(unaccent(typed.word))) DESC, t.ndoc DESC, t.word
        LIMIT 1) AS known
    FROM unnest(${words}::text[]) AS typed(word)`;
  const replacement = new Map(rows.map((row) => [row.typed, row.known]));
  let changed = false;
  const corrected = query.replace(/\p{L}+/gu, (word) => {
    const known = replacement.get(word);
    if (!known || known === word.toLowerCase()) return word;
    changed = true;
    return known;
  });
  return changed ? corrected : null;
}

// The vocabulary is refreshed when what it is made of changed: every episode's content version (bumped by
// triggers on any change to its text or comments, ADR 0006). One refresh at a time per process.
let vocabularyKey: string | null = null;
let refreshing: Promise<void> | null = null;

async function vocabularySourceKey() {
  const [row] = await prisma.$queryRaw<{ key: string }[]>`
    SELECT concat_ws(':',
      (SELECT coalesce(sum("contentVersion"), 0) || '/' || count(*) FROM "Episode")) AS key`;
  return row!.key;
}

async function refreshSearchTermsIfStale() {
  if (refreshing) return refreshing;
  const key = await vocabularySourceKey();
  if (key === vocabularyKey) return;
  return refreshSearchTerms(key);
}

/** Rebuilds the vocabulary now, in one transaction (searches meanwhile use the previous one). */
export async function refreshSearchTerms(key?: string) {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    const current = key ?? (await vocabularySourceKey());
    await prisma.$transaction([
      // One refresh at a time across processes too: two overlapping ones would insert the same words twice.
      prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('footnote_search_terms'))`,
      prisma.$executeRaw`DELETE FROM "SearchTerm"`,
      prisma.$executeRaw`
        INSERT INTO "SearchTerm" (word, ndoc)
        SELECT word, ndoc FROM ts_stat(${VOCABULARY_SQL}) WHERE word ~ '^[a-z]{3,40}$'`,
    ]);
    vocabularyKey = current;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * The texts the vocabulary is made of: what any reader may find (visible comments only). Sources are left
 * out: the library's are cited in those texts already, and a proposed, unvetted title must not be offered.
 */
const VOCABULARY_SQL = `
  SELECT to_tsvector('footnote_words', "footnote_search_text"(coalesce(title, '') || ' ' || coalesce(summary, ''))) FROM "Episode"
  UNION ALL SELECT to_tsvector('footnote_words', "footnote_search_text"(left("plainText", 200000))) FROM "Section"
  UNION ALL SELECT to_tsvector('footnote_words', "footnote_search_text"(left(body, 200000))) FROM "Comment" WHERE status = 'visible'`;
