import { Prisma } from "@prisma/client";
import type { StoredBlock } from "~/import/stored-blocks";
import { SOURCE_SELECT } from "~/models/source.server";
import { claimVisibleTo, graceCutoff } from "~/models/presenters/claim.server";
import { ANONYMOUS, seesHidden, type Reader } from "~/models/presenters/reader";
import { COMMENT_AUTHOR_SELECT, commentAuthorName, isImportedAuthor, LISTED_COMMENT, presentCommentText } from "~/models/presenters/comment";
import { episodeTeaser } from "~/models/presenters/episode";
import { prisma, sqlRows } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const EPISODES_PER_PAGE = 20;

export async function listEpisodes({ page = 1 }: { page?: number } = {}) {
  const [total, episodes] = await Promise.all([
    prisma.episode.count(),
    prisma.episode.findMany({
      orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * EPISODES_PER_PAGE,
      take: EPISODES_PER_PAGE,
      select: {
        id: true,
        slug: true,
        kind: true,
        number: true,
        title: true,
        publication: true,
        publishedOn: true,
        createdAt: true,
        intro: true,
        summary: true,
        highlights: true,
        _count: { select: { comments: { where: LISTED_COMMENT } } },
      },
    }),
  ]);
  const ids = episodes.map((episode) => episode.id);
  const [sourcing, firstComments] = await Promise.all([
    getSourcingSummaries(ids),
    // Most captures carry no publication date: the discussion's first comment dates the page instead.
    prisma.comment.groupBy({ by: ["episodeId"], where: { episodeId: { in: ids } }, _min: { postedAt: true } }),
  ]);
  const firstCommentAt = new Map(firstComments.map((row) => [row.episodeId, row._min.postedAt]));
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / EPISODES_PER_PAGE)),
    episodes: episodes.map(({ _count, intro, summary, highlights, ...episode }) => ({
      ...episode,
      /** The first sentences of its intro, for the archive. */
      teaser: episodeTeaser({ intro, summary, highlights }),
      /** When its discussion began (its first comment, imported or not); null without comments. */
      firstCommentAt: firstCommentAt.get(episode.id) ?? null,
      commentCount: _count.comments,
      sourcing: sourcing.get(episode.id) ?? EMPTY_SOURCING,
    })),
  };
}

export type SourcingSummary = { open: number; sourced: number; unsourced: number; dismissed: number; suggested: number };

const EMPTY_SOURCING: SourcingSummary = { open: 0, sourced: 0, unsourced: 0, dismissed: 0, suggested: 0 };

/**
 * How each episode's claims stand: open (flagged, with or without a proposed source), sourced,
 * unsourced, dismissed, and the likely-unsourced sentences suggested to moderators. It counts the claims
 * an anonymous reader is listed (the claim presenter): not those on comments no longer shown, nor those
 * still in their grace period. `cutoff` is the end of the grace period (graceCutoff).
 */
export async function getSourcingSummaries(episodeIds: number[], cutoff?: Date) {
  const summaries = new Map<number, SourcingSummary>();
  if (episodeIds.length === 0) return summaries;
  const visible = claimVisibleTo(ANONYMOUS, cutoff ?? (await graceCutoff()));
  const [rows, suggestions] = await Promise.all([
    prisma.claim.groupBy({
      by: ["episodeId", "state"],
      where: { episodeId: { in: episodeIds }, ...visible },
      _count: { _all: true },
    }),
    prisma.claimSuggestion.groupBy({
      by: ["episodeId"],
      where: { episodeId: { in: episodeIds }, status: "pending" },
      _count: { _all: true },
    }),
  ]);
  for (const row of suggestions) summaries.set(row.episodeId, { ...EMPTY_SOURCING, suggested: row._count._all });
  for (const row of rows) {
    const summary = summaries.get(row.episodeId) ?? { ...EMPTY_SOURCING };
    const key = row.state === "source_proposed" ? "open" : row.state;
    if (key in summary) summary[key as keyof SourcingSummary] += row._count._all;
    summaries.set(row.episodeId, summary);
  }
  return summaries;
}


const CITATION_SELECT = { blockIndex: true, pages: true, backReference: true, source: { select: SOURCE_SELECT } } as const;

/** What the page and the JSON twin show of an episode above its sections. */
const EPISODE_HEADER_SELECT = {
  id: true,
  slug: true,
  kind: true,
  number: true,
  title: true,
  publication: true,
  author: true,
  recordingNote: true,
  summary: true,
  authorBio: true,
  intro: true,
  highlights: true,
  publishedOn: true,
} as const;

/** Everything the JSON twin of the episode page shows; what a reader may read of it is the episode presenter's (presenters/episode.ts). */
export async function getEpisodeBySlug(slug: string) {
  return prisma.episode.findUnique({
    where: { slug },
    select: {
      ...EPISODE_HEADER_SELECT,
      declaredCommentCount: true,
      timeZone: true,
      createdAt: true,
      updatedAt: true,
      sections: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          label: true,
          blocks: true,
          revision: true,
          citations: { orderBy: { blockIndex: "asc" }, select: CITATION_SELECT },
        },
      },
      comments: {
        orderBy: [{ postedAt: "asc" }, { ordinal: "asc" }, { id: "asc" }],
        select: {
          id: true,
          ordinal: true,
          anchor: true,
          parentId: true,
          rootId: true,
          format: true,
          blocks: true,
          body: true,
          postedAt: true,
          status: true,
          editedAt: true,
          ...COMMENT_AUTHOR_SELECT,
          citations: { orderBy: { blockIndex: "asc" }, select: CITATION_SELECT },
        },
      },
    },
  });
}

export type EpisodeDetail = NonNullable<Awaited<ReturnType<typeof getEpisodeBySlug>>>;
export type CitedSource = EpisodeDetail["sections"][number]["citations"][number]["source"];

/** Program numbers → slugs, for turning "FTR #842" into a link when that program is in the archive. */
export async function getProgramSlugs(numbers: number[]) {
  if (numbers.length === 0) return new Map<number, string>();
  const rows = await prisma.episode.findMany({
    where: { number: { in: numbers } },
    select: { number: true, slug: true },
  });
  return new Map(rows.map((row) => [row.number!, row.slug]));
}

/** The newest episodes for the site feed. */
export function listRecentEpisodes(take = 30) {
  return prisma.episode.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { slug: true, title: true, kind: true, number: true, publication: true, author: true, summary: true, intro: true, createdAt: true, updatedAt: true },
  });
}

/** Just enough of an episode to name and link it. */
export function getEpisodeRef(slug: string) {
  return prisma.episode.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, createdAt: true } });
}

// ---------------------------------------------------------------------------------------------------
// The episode page (/episodes/:slug): only what the page renders, and its discussion a page of threads
// at a time so that a discussion of thousands of comments is never sent at once.

/** Top-level threads per page of the discussion; each comes with all its replies. */
export const THREADS_PER_PAGE = 50;


const PAGE_CITATION_SELECT = { blockIndex: true, pages: true, source: { select: SOURCE_SELECT } } as const;

export type PageSource = Prisma.SourceGetPayload<{ select: typeof SOURCE_SELECT }>;

/** A stored block with its citation's source resolved, as the page renders it. */
export type ResolvedBlock =
  | { type: "paragraph"; text: string }
  | { type: "quote"; text: string }
  | { type: "citation"; raw: string; pages: string | null; backReference: boolean; source: PageSource | null }
  | { type: "rule" };

type PageCitation = { blockIndex: number; pages: string | null; source: PageSource };

/** Joins the stored blocks and their citation rows; a comment posted here (no blocks) reads as paragraphs. */
export function resolveBlocks(blocks: unknown, body: string, citations: readonly PageCitation[]): ResolvedBlock[] {
  const stored = Array.isArray(blocks)
    ? (blocks as StoredBlock[])
    : body
        .split(/\n{2,}/)
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text): StoredBlock => ({ type: "paragraph", text }));
  const byIndex = new Map(citations.map((citation) => [citation.blockIndex, citation]));
  return stored.map((block, index): ResolvedBlock => {
    if (block.type !== "citation") return block;
    const citation = byIndex.get(index);
    return {
      type: "citation",
      raw: block.raw,
      pages: citation?.pages ?? block.pages,
      backReference: block.backReference,
      source: citation?.source ?? null,
    };
  });
}

/** The episode with its sections, for the page; null for an unknown slug. */
export async function getEpisodePage(slug: string) {
  const episode = await prisma.episode.findUnique({
    where: { slug },
    select: {
      ...EPISODE_HEADER_SELECT,
      timeZone: true,
      sections: {
        orderBy: { position: "asc" },
        select: { id: true, label: true, blocks: true, citations: { orderBy: { blockIndex: "asc" }, select: PAGE_CITATION_SELECT } },
      },
      _count: { select: { comments: { where: LISTED_COMMENT } } },
    },
  });
  if (!episode) return null;
  const { sections, _count, ...rest } = episode;
  return {
    ...rest,
    commentCount: _count.comments,
    sections: sections.map((section) => ({ id: section.id, label: section.label, blocks: resolveBlocks(section.blocks, "", section.citations) })),
  };
}

export type EpisodePage = NonNullable<Awaited<ReturnType<typeof getEpisodePage>>>;

/** What a page of the discussion needs of its episode when it is loaded on its own. */
export async function getEpisodeHeading(slug: string) {
  const episode = await prisma.episode.findUnique({
    where: { slug },
    select: { id: true, slug: true, kind: true, number: true, title: true, timeZone: true, _count: { select: { comments: { where: LISTED_COMMENT } } } },
  });
  if (!episode) return null;
  const { _count, ...rest } = episode;
  return { ...rest, commentCount: _count.comments };
}

/** Who is reading (presenters/reader.ts): what they may see of hidden comments depends on it. */
export type CommentViewer = Reader;

const PAGE_COMMENT_SELECT = {
  id: true,
  ordinal: true,
  anchor: true,
  parentId: true,
  format: true,
  blocks: true,
  body: true,
  postedAt: true,
  editedAt: true,
  status: true,
  ...COMMENT_AUTHOR_SELECT,
  citations: { orderBy: { blockIndex: "asc" }, select: PAGE_CITATION_SELECT },
} as const;

type PageCommentRow = Prisma.CommentGetPayload<{ select: typeof PAGE_COMMENT_SELECT }>;

export { DELETED_NOTICE, HIDDEN_NOTICE } from "~/models/presenters/comment";

function pageComment(row: PageCommentRow, viewer: CommentViewer, mine: boolean) {
  const { notice, text: blocks } = presentCommentText(row, viewer, resolveBlocks(row.blocks, row.body, row.citations), []);
  const readable = blocks.length > 0;
  return {
    id: row.id,
    ordinal: row.ordinal,
    /** Its name on the page: "10" (the original's 10th) or "L3" (posted here); `#comment-<anchor>`. */
    anchor: row.anchor,
    parentId: row.parentId,
    authorName: commentAuthorName(row),
    /** Written on the original page by someone who has no Footnote account. */
    imported: isImportedAuthor(row),
    /** Came from the original page (whoever its author is now linked to): its printed time is kept. */
    fromOriginal: row.format === "imported",
    postedAt: row.postedAt,
    editedAt: row.editedAt,
    status: row.status,
    notice,
    /** Comments written here are Markdown, rendered by the page; imported ones are blocks. */
    markdown: row.format === "markdown" && readable ? row.body : null,
    blocks: row.format === "markdown" ? [] : blocks,
    /** The reader wrote it and may still edit or delete it (isMine). */
    mine,
  };
}

export type PageComment = ReturnType<typeof pageComment>;

function threadOrder(sort: "oldest" | "newest") {
  const direction = sort === "newest" ? "desc" : "asc";
  return [{ postedAt: direction }, { ordinal: direction }, { id: direction }] as const;
}

/**
 * One page of the discussion: `THREADS_PER_PAGE` top-level comments in `sort` order, each with all its
 * replies (in the order they were posted). One query for the threads, one for their replies, found by
 * `rootId` — which is why every reply must carry its thread's top-level comment id.
 */
export async function getCommentThreadPage({
  episodeId,
  page,
  sort,
  viewer,
}: {
  episodeId: number;
  page: number;
  sort: "oldest" | "newest";
  viewer: CommentViewer;
}) {
  const { rows, ...threads } = await getCommentThreadRows({ episodeId, page, sort });
  return { ...threads, comments: presentCommentRows(rows, viewer) };
}

/**
 * The rows of one page of the discussion, before any reader's view of them: the same for every reader,
 * so a page can keep them for an episode's content version and present them to each reader
 * (presentCommentRows).
 */
export async function getCommentThreadRows({ episodeId, page, sort }: { episodeId: number; page: number; sort: "oldest" | "newest" }) {
  const where = { episodeId, parentId: null };
  const [threadCount, threads] = await Promise.all([
    prisma.comment.count({ where }),
    prisma.comment.findMany({
      where,
      orderBy: [...threadOrder(sort)],
      skip: (page - 1) * THREADS_PER_PAGE,
      take: THREADS_PER_PAGE,
      select: PAGE_COMMENT_SELECT,
    }),
  ]);
  const replies =
    threads.length === 0
      ? []
      : await prisma.comment.findMany({
          where: { rootId: { in: threads.map((thread) => thread.id) } },
          orderBy: [{ postedAt: "asc" }, { ordinal: "asc" }, { id: "asc" }],
          select: PAGE_COMMENT_SELECT,
        });
  return {
    page,
    pageCount: Math.max(1, Math.ceil(threadCount / THREADS_PER_PAGE)),
    threadCount,
    threadsPerPage: THREADS_PER_PAGE,
    rows: [...threads, ...replies] as readonly PageCommentRow[],
  };
}

/**
 * The rows of a page of the discussion as `viewer` may read them (hidden text, their own comments).
 * Rows kept for a content version (shared.server.ts) are presented once per way of reading them —
 * with or without the hidden text — and only the reader's own comments are presented for each reader:
 * a signed-in page does not resolve every comment's blocks again on every request.
 */
export function presentCommentRows(rows: readonly PageCommentRow[], viewer: CommentViewer): readonly PageComment[] {
  const way = seesHidden(viewer) ? "staff" : "reader";
  let kept = presentedRows.get(rows);
  if (!kept) presentedRows.set(rows, (kept = {}));
  const shared = (kept[way] ??= rows.map((row) => pageComment(row, viewer, false)));
  if (viewer === null || !rows.some((row) => isMine(row, viewer))) return shared;
  return rows.map((row, i) => (isMine(row, viewer) ? pageComment(row, viewer, true) : shared[i]!));
}

const presentedRows = new WeakMap<readonly PageCommentRow[], { staff?: readonly PageComment[]; reader?: readonly PageComment[] }>();

/** The reader wrote it and may still edit or delete it. */
function isMine(row: PageCommentRow, viewer: NonNullable<CommentViewer>) {
  return row.authorId === viewer.id && row.status === "visible";
}

export type CommentThreadPage = Awaited<ReturnType<typeof getCommentThreadPage>>;
export type CommentThreadRows = Awaited<ReturnType<typeof getCommentThreadRows>>;

/**
 * The page of the discussion (in `sort` order) that holds the comment named `anchor` ("10", "L3"), and the
 * anchor to scroll to; null when there is no such comment. A bare number no imported comment has is the
 * local comment that had it before local numbers took their L (ADR 0034), so old links still arrive.
 */
export async function findCommentPage({ episodeId, anchor, sort }: { episodeId: number; anchor: string; sort: "oldest" | "newest" }) {
  const select = { anchor: true, ordinal: true, id: true, postedAt: true, root: { select: { ordinal: true, id: true, postedAt: true } } } as const;
  const comment =
    (await prisma.comment.findUnique({ where: { episodeId_anchor: { episodeId, anchor } }, select })) ??
    (/^\d+$/.test(anchor) ? await prisma.comment.findUnique({ where: { episodeId_anchor: { episodeId, anchor: `L${anchor}` } }, select }) : null);
  if (!comment) return null;
  const root = comment.root ?? comment;
  const before = sort === "newest" ? "gt" : "lt";
  const threadsBefore = await prisma.comment.count({
    where: {
      episodeId,
      parentId: null,
      OR: [
        { postedAt: { [before]: root.postedAt } },
        { postedAt: root.postedAt, ordinal: { [before]: root.ordinal } },
        { postedAt: root.postedAt, ordinal: root.ordinal, id: { [before]: root.id } },
      ],
    },
  });
  return { page: Math.floor(threadsBefore / THREADS_PER_PAGE) + 1, anchor: comment.anchor };
}

/**
 * The version of an episode's page for an anonymous reader, and the end of the grace period it was read
 * with. Equal keys mean an identical page: `contentVersion` changes in the same transaction as any write
 * the page shows (database triggers, ADR 0006), and a claim leaving its grace period — a change with no
 * write — changes the first claim still in it. One indexed query, constant size whatever the archive
 * holds; read with the database's clock, the one every surface uses for grace (graceCutoff). Null for an
 * unknown slug. The key is the server's own: it is never sent to a client.
 */
export async function getEpisodeVersion(slug: string): Promise<{ key: string; cutoff: Date } | null> {
  // Past Prisma (ADR 0045): every page that is not a cache hit asks. The version is an int8: its text.
  const [row] = await sqlRows<{ version: string; cutoffMs: number; nextGraceMs: number | null }>(Prisma.sql`
    WITH clock AS (SELECT date_trunc('milliseconds', now() AT TIME ZONE 'UTC') - make_interval(mins => ${getEnv().CLAIM_GRACE_MINUTES}) AS cutoff)
    SELECT e."contentVersion" AS version,
      (extract(epoch FROM clock.cutoff) * 1000)::float8 AS "cutoffMs",
      (SELECT (extract(epoch FROM min(c."createdAt")) * 1000)::float8 FROM "Claim" c
        WHERE c."episodeId" = e.id AND c."createdAt" > clock.cutoff AND c."commentId" IS NOT NULL) AS "nextGraceMs"
    FROM "Episode" e, clock WHERE e.slug = ${slug}`);
  if (!row) return null;
  return { key: `${row.version}:${row.nextGraceMs ?? ""}`, cutoff: new Date(row.cutoffMs) };
}
