// The sources library: every structured source with the places that cite it. A citation in a comment
// counts and is listed only while the comment is visible, like everything else a reader is shown.
import { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { COMMENT_AUTHOR_SELECT, commentAuthorName } from "~/models/presenters/comment";
import { LIBRARY_SOURCE, librarySourceSql, VISIBLE_CITATION } from "~/models/presenters/source";
import { commentPermalink } from "~/utils/comment-anchor";

export const SOURCES_PER_PAGE = 50;

/** The fields of a source that a citation card or a source record shows. */
export const SOURCE_SELECT = {
  id: true,
  kind: true,
  title: true,
  authors: true,
  outlet: true,
  originalOutlet: true,
  publisher: true,
  date: true,
  dateText: true,
  year: true,
  isbn: true,
  url: true,
} as const;

/** The heading a source is listed under: books together, web pages under their site, articles under their outlet. */
const GROUP_SQL = Prisma.sql`CASE
  WHEN s.kind = 'book' THEN 'Books'
  WHEN s.kind = 'web' THEN coalesce(nullif(s.outlet, ''), substring(s.url FROM '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\\.)?([^/:?#]+)'), 'Web')
  ELSE coalesce(nullif(s.outlet, ''), 'Other articles')
END`;

/** LIKE pattern for "contains `text`", with LIKE's own wildcards taken literally. */
function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * One page of sources grouped by outlet, each with its citation count. `q` matches title, authors,
 * outlet, original outlet and publisher, as words (full-text) or as any part of them ("Reut" finds Reuters).
 */
export async function listSources({ q = "", page = 1 }: { q?: string; page?: number } = {}) {
  const query = q.trim();
  const pattern = containsPattern(query);
  const where =
    query === ""
      ? librarySourceSql("s")
      : Prisma.sql`${librarySourceSql("s")} AND (s."searchVector" @@ websearch_to_tsquery('footnote', "footnote_search_text"(${query}::text))
          OR s.title ILIKE ${pattern} OR s.outlet ILIKE ${pattern} OR s."originalOutlet" ILIKE ${pattern}
          OR s.publisher ILIKE ${pattern} OR "footnote_immutable_array_to_string"(s.authors, ' ') ILIKE ${pattern})`;

  const [[counted], rows] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Source" s WHERE ${where}`,
    prisma.$queryRaw<{ id: number; group: string; citationCount: number }[]>`
      SELECT s.id, ${GROUP_SQL} AS "group",
        count(c.id) FILTER (WHERE c."sectionId" IS NOT NULL OR cm.status = 'visible')::int AS "citationCount"
      FROM "Source" s
      LEFT JOIN "Citation" c ON c."sourceId" = s.id
      LEFT JOIN "Comment" cm ON cm.id = c."commentId"
      WHERE ${where}
      GROUP BY s.id
      ORDER BY CASE WHEN s.kind = 'book' THEN 0 WHEN ${GROUP_SQL} = 'Web' THEN 2 ELSE 1 END,
        lower(${GROUP_SQL}), lower(s.title), s.id
      LIMIT ${SOURCES_PER_PAGE} OFFSET ${(page - 1) * SOURCES_PER_PAGE}`,
  ]);
  const total = counted?.total ?? 0;

  const records = await prisma.source.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: SOURCE_SELECT });
  const byId = new Map(records.map((record) => [record.id, record]));
  const groups: { name: string; sources: (SourceRecord & { citationCount: number })[] }[] = [];
  for (const row of rows) {
    const record = byId.get(row.id);
    if (!record) continue;
    const last = groups.at(-1);
    const group = last?.name === row.group ? last : { name: row.group, sources: [] };
    if (group !== last) groups.push(group);
    group.sources.push({ ...record, citationCount: row.citationCount });
  }
  return { query, page, pageCount: Math.max(1, Math.ceil(total / SOURCES_PER_PAGE)), total, groups };
}

export type SourceRecord = Prisma.SourceGetPayload<{ select: typeof SOURCE_SELECT }>;

type CitedEpisode = { id: number; slug: string; title: string };
type PlaceCommon = {
  id: number;
  pages: string | null;
  raw: string;
  backReference: boolean;
  /** The quoted passage the citation closes, as printed on the page. */
  passage: string | null;
  episode: CitedEpisode;
  order: number;
  url: string;
};
export type SectionPlace = PlaceCommon & { type: "section"; label: string };
export type CommentPlace = PlaceCommon & { type: "comment"; ordinal: number; anchor: string; authorName: string };

/** A source with every place a reader can see it cited, sections first in page order, then comments; null when unknown. */
export async function getSourceWithCitations(id: number) {
  const source = await prisma.source.findUnique({
    where: { id },
    select: {
      ...SOURCE_SELECT,
      citations: {
        where: VISIBLE_CITATION,
        orderBy: { id: "asc" },
        select: {
          id: true,
          pages: true,
          raw: true,
          backReference: true,
          blockIndex: true,
          section: {
            select: { label: true, position: true, blocks: true, episode: { select: { id: true, slug: true, title: true } } },
          },
          comment: {
            select: {
              ordinal: true,
              anchor: true,
              postedAt: true,
              blocks: true,
              ...COMMENT_AUTHOR_SELECT,
              episode: { select: { id: true, slug: true, title: true } },
            },
          },
        },
      },
      // The passages moderators accepted as support for a claim (the claim is public once it has a decision).
      proposals: {
        where: { status: "accepted" },
        orderBy: { id: "asc" },
        select: { id: true, quote: true, claimId: true },
      },
    },
  });
  if (!source) return null;

  const inLibrary = (await prisma.source.count({ where: { id, ...LIBRARY_SOURCE } })) > 0;
  const { citations, proposals, ...record } = source;
  const places = citations.flatMap((citation): (SectionPlace | CommentPlace)[] => {
    const blocks = citation.section?.blocks ?? citation.comment?.blocks ?? null;
    const common = {
      id: citation.id,
      pages: citation.pages,
      raw: citation.raw,
      backReference: citation.backReference,
      passage: quotedPassage(blocks, citation.blockIndex),
    };
    if (citation.section) {
      const { label, position, episode } = citation.section;
      return [{ ...common, type: "section", episode, label, order: position, url: `/episodes/${episode.slug}#section-${label}` }];
    }
    if (citation.comment) {
      const { ordinal, anchor, postedAt, episode } = citation.comment;
      const authorName = commentAuthorName(citation.comment);
      // Comments in the order they were posted: the two numberings (10, L3) do not interleave by number.
      return [{ ...common, type: "comment", episode, ordinal, anchor, authorName, order: postedAt.getTime(), url: commentPermalink(episode.slug, anchor) }];
    }
    return [];
  });

  // Grouped by episode (in the order each was first cited), sections before comments, each in page order.
  const episodes: (CitedEpisode & { sections: SectionPlace[]; comments: CommentPlace[] })[] = [];
  for (const place of places) {
    let entry = episodes.find((episode) => episode.id === place.episode.id);
    if (!entry) episodes.push((entry = { ...place.episode, sections: [], comments: [] }));
    if (place.type === "section") entry.sections.push(place);
    else entry.comments.push(place);
  }
  for (const entry of episodes) {
    entry.sections.sort((a, b) => a.order - b.order || a.id - b.id);
    entry.comments.sort((a, b) => a.order - b.order || a.id - b.id);
  }
  // Only the passage and the claim's number: the claim's own text is the claim page's to show (it may be on a hidden comment).
  const supports = proposals.map((proposal) => ({ id: proposal.id, quote: proposal.quote, claimId: proposal.claimId }));
  return { ...record, inLibrary, citationCount: places.length, citedIn: episodes, supports };
}

/**
 * The quotation a citation belongs to, as printed on the page: the quote blocks right before it (a citation
 * that closes a quotation, such as "(Idem.)"), else the quote blocks right after it (a citation that
 * introduces one). Null when it stands beside no quotation.
 */
export function quotedPassage(blocks: unknown, blockIndex: number): string | null {
  if (!Array.isArray(blocks)) return null;
  const quoteText = (index: number) => {
    const block = blocks[index] as { type?: unknown; text?: unknown } | undefined;
    return block?.type === "quote" && typeof block.text === "string" ? block.text : null;
  };
  const before: string[] = [];
  for (let index = blockIndex - 1; quoteText(index) !== null; index -= 1) before.unshift(quoteText(index)!);
  if (before.length > 0) return before.join("\n\n");
  const after: string[] = [];
  for (let index = blockIndex + 1; quoteText(index) !== null; index += 1) after.push(quoteText(index)!);
  return after.length > 0 ? after.join("\n\n") : null;
}
