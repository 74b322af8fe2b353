import type { Prisma } from "@prisma/client";
import type { StoredBlock } from "~/import/stored-blocks";
import { SOURCE_SELECT } from "~/models/source.server";
import { prisma } from "~/utils/db.server";
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
        _count: { select: { comments: true } },
      },
    }),
  ]);
  const sourcing = await getSourcingSummaries(episodes.map((episode) => episode.id));
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / EPISODES_PER_PAGE)),
    episodes: episodes.map(({ _count, ...episode }) => ({
      ...episode,
      commentCount: _count.comments,
      sourcing: sourcing.get(episode.id) ?? EMPTY_SOURCING,
    })),
  };
}

export type SourcingSummary = { open: number; sourced: number; unsourced: number; dismissed: number; suggested: number };

const EMPTY_SOURCING: SourcingSummary = { open: 0, sourced: 0, unsourced: 0, dismissed: 0, suggested: 0 };

/**
 * How each episode's claims stand: open (flagged, with or without a proposed source), sourced,
 * unsourced, dismissed, and the likely-unsourced sentences suggested to moderators. Claims on comments
 * no longer shown to readers are not counted.
 */
export async function getSourcingSummaries(episodeIds: number[]) {
  const summaries = new Map<number, SourcingSummary>();
  if (episodeIds.length === 0) return summaries;
  const [rows, suggestions] = await Promise.all([
    prisma.claim.groupBy({
      by: ["episodeId", "state"],
      where: {
        episodeId: { in: episodeIds },
        state: { not: "removed" },
        OR: [{ commentId: null }, { comment: { status: "visible" } }],
      },
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

/** Everything the episode page and its JSON twin show. Hidden comments are the caller's to filter (see comment visibility). */
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
        orderBy: [{ postedAt: "asc" }, { ordinal: "asc" }],
        select: {
          id: true,
          ordinal: true,
          parentId: true,
          rootId: true,
          format: true,
          blocks: true,
          body: true,
          postedAt: true,
          status: true,
          editedAt: true,
          author: { select: { username: true } },
          importedAuthor: { select: { name: true, linkedUser: { select: { username: true } } } },
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
  return prisma.episode.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
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
      _count: { select: { comments: true } },
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
    select: { id: true, slug: true, kind: true, number: true, title: true, timeZone: true, _count: { select: { comments: true } } },
  });
  if (!episode) return null;
  const { _count, ...rest } = episode;
  return { ...rest, commentCount: _count.comments };
}

/** Who is reading: what they may see of hidden comments depends on it. */
export type CommentViewer = { id: number; role: "member" | "moderator" | "admin" } | null;

const PAGE_COMMENT_SELECT = {
  id: true,
  ordinal: true,
  parentId: true,
  format: true,
  blocks: true,
  body: true,
  postedAt: true,
  editedAt: true,
  status: true,
  authorId: true,
  author: { select: { username: true } },
  importedAuthor: { select: { name: true, linkedUser: { select: { username: true } } } },
  citations: { orderBy: { blockIndex: "asc" }, select: PAGE_CITATION_SELECT },
} as const;

type PageCommentRow = Prisma.CommentGetPayload<{ select: typeof PAGE_COMMENT_SELECT }>;

export const DELETED_NOTICE = "[deleted by the author]";
export const HIDDEN_NOTICE = "[hidden by a moderator]";

/**
 * What `viewer` may read of a comment. A deleted or hidden comment shows its notice in its place, so
 * that the replies still make sense; moderators and admins also see its text under the notice.
 */
export function visibleBody(
  comment: { status: "visible" | "deleted" | "hidden"; blocks: ResolvedBlock[] },
  viewer: CommentViewer,
): { notice: string | null; blocks: ResolvedBlock[] } {
  if (comment.status === "visible") return { notice: null, blocks: comment.blocks };
  const staff = viewer?.role === "moderator" || viewer?.role === "admin";
  return { notice: comment.status === "deleted" ? DELETED_NOTICE : HIDDEN_NOTICE, blocks: staff ? comment.blocks : [] };
}

function pageComment(row: PageCommentRow, viewer: CommentViewer) {
  const linkedName = row.author?.username ?? row.importedAuthor?.linkedUser?.username;
  const { notice, blocks } = visibleBody({ status: row.status, blocks: resolveBlocks(row.blocks, row.body, row.citations) }, viewer);
  const readable = blocks.length > 0;
  return {
    id: row.id,
    ordinal: row.ordinal,
    parentId: row.parentId,
    // A linked account's name wins over the name on the original page (as in the JSON API).
    authorName: linkedName ?? row.importedAuthor?.name ?? "unknown",
    /** Written on the original page by someone who has no Footnote account. */
    imported: !linkedName && Boolean(row.importedAuthor),
    postedAt: row.postedAt,
    editedAt: row.editedAt,
    status: row.status,
    notice,
    /** Comments written here are Markdown, rendered by the page; imported ones are blocks. */
    markdown: row.format === "markdown" && readable ? row.body : null,
    blocks: row.format === "markdown" ? [] : blocks,
    /** The reader wrote it and may still edit or delete it. */
    mine: viewer !== null && row.authorId === viewer.id && row.status === "visible",
  };
}

export type PageComment = ReturnType<typeof pageComment>;

function threadOrder(sort: "oldest" | "newest") {
  const direction = sort === "newest" ? "desc" : "asc";
  return [{ postedAt: direction }, { ordinal: direction }] as const;
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
          orderBy: [{ postedAt: "asc" }, { ordinal: "asc" }],
          select: PAGE_COMMENT_SELECT,
        });
  return {
    page,
    pageCount: Math.max(1, Math.ceil(threadCount / THREADS_PER_PAGE)),
    threadCount,
    threadsPerPage: THREADS_PER_PAGE,
    comments: [...threads, ...replies].map((row) => pageComment(row, viewer)),
  };
}

export type CommentThreadPage = Awaited<ReturnType<typeof getCommentThreadPage>>;

/** The page of the discussion (in `sort` order) that holds comment number `ordinal`; null when there is no such comment. */
export async function findCommentPage({ episodeId, ordinal, sort }: { episodeId: number; ordinal: number; sort: "oldest" | "newest" }) {
  const comment = await prisma.comment.findUnique({
    where: { episodeId_ordinal: { episodeId, ordinal } },
    select: { ordinal: true, postedAt: true, root: { select: { ordinal: true, postedAt: true } } },
  });
  if (!comment) return null;
  const root = comment.root ?? comment;
  const before = sort === "newest" ? "gt" : "lt";
  const threadsBefore = await prisma.comment.count({
    where: {
      episodeId,
      parentId: null,
      OR: [{ postedAt: { [before]: root.postedAt } }, { postedAt: root.postedAt, ordinal: { [before]: root.ordinal } }],
    },
  });
  return Math.floor(threadsBefore / THREADS_PER_PAGE) + 1;
}

/**
 * A fingerprint of everything the episode page shows: the episode, its sections, comments and claims
 * (and which claims are past their grace period),
 * the linked imported authors, and the archive's programs (cross-references link to them). Equal
 * fingerprints mean an identical page for an anonymous reader. Null for an unknown slug.
 */
export async function getEpisodeVersion(slug: string) {
  const [row] = await prisma.$queryRaw<{ version: string }[]>`
    SELECT concat_ws('|',
      e.id, e."updatedAt",
      (SELECT max("updatedAt") FROM "Section" WHERE "episodeId" = e.id),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM "Comment" WHERE "episodeId" = e.id),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM "Claim" WHERE "episodeId" = e.id),
      -- Claims on comments become public when their grace period ends: a change with no write.
      (SELECT count(*) FROM "Claim" WHERE "episodeId" = e.id AND "createdAt" <= now() - make_interval(mins => ${getEnv().CLAIM_GRACE_MINUTES})),
      (SELECT count(*) || ':' || coalesce(max("createdAt")::text, '') FROM "Episode"),
      (SELECT coalesce(string_agg(id || ':' || coalesce("linkedUserId", 0), ',' ORDER BY id), '') FROM "ImportedAuthor")
    ) AS version
    FROM "Episode" e WHERE e.slug = ${slug}`;
  return row?.version ?? null;
}
