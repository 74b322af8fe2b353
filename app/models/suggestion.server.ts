// Likely-unsourced suggestions: sentences that app/utils/claim-suggestions.ts scores as check-worthy
// claims without a source nearby, kept per target (section or comment) until a moderator promotes one to
// a claim or discards it. A target's pending suggestions are recomputed whenever its text changes; decided
// ones are kept, and a sentence already decided is not suggested again.
import { Prisma } from "@prisma/client";
import { ClaimError, ensurePermitted, flagClaimIn, logModeratorAction, targetWhere as claimTargetWhere, type ClaimActor, type ClaimTarget } from "~/models/claims/index.server";
import { EXACT_MAX_LENGTH } from "~/schemas/claim";
import { selectorsFor } from "~/utils/anchoring";
import { commentCanonicalText } from "~/utils/canonical-text.server";
import { blockText, type StoredBlock } from "~/import/stored-blocks";
import { wilson } from "~/utils/claim-sample";
import { suggestClaims, type ContextBlock } from "~/utils/claim-suggestions";
import { prisma, sqlRows } from "~/utils/db.server";

type Db = Prisma.TransactionClient | typeof prisma;

export const SUGGESTIONS_PER_PAGE = 25;

export type SuggestForTargetArgs = {
  episodeId: number;
  target: ClaimTarget;
  text: string;
  revision: number;
  /** The target's stored blocks when it has them (sections, imported comments): quotes and citations come from the importer. */
  blocks?: readonly StoredBlock[] | Prisma.JsonValue | null;
};

/** Stored blocks as the heuristic reads them; anything else (a Markdown comment has none) gives undefined. */
export function contextBlocks(blocks: unknown): ContextBlock[] | undefined {
  if (!Array.isArray(blocks)) return undefined;
  return (blocks as StoredBlock[]).map((block) =>
    block.type === "rule" ? { type: "rule" } : { type: block.type, text: blockText(block) ?? "" },
  );
}

/**
 * Replaces the target's pending suggestions with those of its current text. Call it in the transaction
 * that writes the text (import, new comment, edit). Returns how many are pending now.
 */
export async function suggestForTarget(db: Db, { episodeId, target, text, revision, blocks }: SuggestForTargetArgs) {
  const decided = await db.claimSuggestion.findMany({ where: { ...claimTargetWhere(target), status: { not: "pending" } }, select: { exact: true } });
  const rows = suggestionRows(text, blocks, new Set(decided.map((suggestion) => suggestion.exact)));
  const [written] = await db.$queryRaw<{ current: boolean; count: number }[]>(replacePendingSuggestions({ episodeId, target, revision, rows }));
  return written!.count;
}

/**
 * One statement: the target's pending suggestions replaced by `rows` at `revision` — only while `guard`
 * (a SELECT) finds a row: the pass of a new comment checks there that the comment still has the revision
 * it read, and locks it. Says whether it wrote, and how many it added.
 */
function replacePendingSuggestions({ episodeId, target, revision, rows, guard = Prisma.sql`SELECT 1` }: { episodeId: number; target: ClaimTarget; revision: number; rows: ReturnType<typeof suggestionRows>; guard?: Prisma.Sql }) {
  const column = Prisma.raw(target.type === "comment" ? `"commentId"` : `"sectionId"`);
  return Prisma.sql`
    WITH target AS (${guard}),
    cleared AS (
      DELETE FROM "ClaimSuggestion" WHERE ${column} = ${target.id}::int AND status = 'pending' AND EXISTS (SELECT 1 FROM target)
    ),
    added AS (
      INSERT INTO "ClaimSuggestion" ("episodeId", ${column}, start, "end", exact, prefix, suffix, score, signals, "targetRevision")
      SELECT ${episodeId}::int, ${target.id}::int, r.start, r."end", r.exact, r.prefix, r.suffix, r.score, r.signals, ${revision}::int
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(start int, "end" int, exact text, prefix text, suffix text, score float8, signals text[])
      WHERE EXISTS (SELECT 1 FROM target)
      RETURNING id
    )
    SELECT EXISTS (SELECT 1 FROM target) AS current, (SELECT count(*) FROM added)::int AS count`;
}

/** The suggestions of a text as stored: the heuristic's sentences with their selectors, none already decided (`decided` holds their words). */
function suggestionRows(text: string, blocks: SuggestForTargetArgs["blocks"], decided: ReadonlySet<string>) {
  return suggestClaims(text, { blocks: contextBlocks(blocks) })
    .filter((suggestion) => suggestion.end - suggestion.start <= EXACT_MAX_LENGTH && !decided.has(suggestion.sentence))
    .map((suggestion) => {
      const selectors = selectorsFor(text, suggestion.start, suggestion.end);
      return {
        start: selectors.start,
        end: selectors.end,
        exact: selectors.exact,
        prefix: selectors.prefix,
        suffix: selectors.suffix,
        score: suggestion.score,
        signals: suggestion.signals,
      };
    });
}

/** Recomputes the suggestions of every section and visible comment (of one episode, or of all). */
export async function refreshSuggestions({ episodeId }: { episodeId?: number } = {}) {
  const where = episodeId === undefined ? {} : { episodeId };
  const [sections, comments] = await Promise.all([
    prisma.section.findMany({ where, select: { id: true, episodeId: true, plainText: true, blocks: true, revision: true }, orderBy: { id: "asc" } }),
    prisma.comment.findMany({
      where: { ...where, status: "visible" },
      select: { id: true, episodeId: true, format: true, body: true, blocks: true, revision: true },
      orderBy: { id: "asc" },
    }),
  ]);
  let pending = 0;
  for (const section of sections) {
    pending += await suggestForTarget(prisma, {
      episodeId: section.episodeId,
      target: { type: "section", id: section.id },
      text: section.plainText,
      revision: section.revision,
      blocks: section.blocks,
    });
  }
  for (const comment of comments) {
    pending += await suggestForTarget(prisma, {
      episodeId: comment.episodeId,
      target: { type: "comment", id: comment.id },
      text: commentCanonicalText(comment),
      revision: comment.revision,
      blocks: comment.format === "imported" ? comment.blocks : null,
    });
  }
  // A comment hidden or deleted since keeps no pending suggestion.
  await prisma.claimSuggestion.deleteMany({ where: { ...where, status: "pending", comment: { status: { not: "visible" } } } });
  return { sections: sections.length, comments: comments.length, pending };
}

const SUGGESTION_SELECT = {
  id: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  score: true,
  signals: true,
  status: true,
  createdAt: true,
  episode: { select: { slug: true, title: true } },
  section: { select: { id: true, label: true } },
  comment: { select: { id: true, ordinal: true, anchor: true } },
} satisfies Prisma.ClaimSuggestionSelect;

export type ListSuggestionsArgs = {
  page?: number;
  /** An episode's slug: only its suggestions. */
  episode?: string;
  /** A UTC day (YYYY-MM-DD) with `episode`: every suggestion of that episode made that day, the cap lifted ("show more"). */
  day?: string;
  /** At most this many per episode per day (SUGGESTIONS_PER_EPISODE_DAY). */
  perEpisodeDay: number;
};

type RankedRow = { id: number; day: string; rank: number; groupTotal: number };

/**
 * Pending suggestions, ranked: the newest episodes first, within an episode the newest day first, within a
 * day the highest score first; at most `perEpisodeDay` of each episode and day unless `day` lifts the cap.
 * Each item says how many its episode and day hold, for the "show more" link.
 */
export async function listSuggestions({ page = 1, episode, day, perEpisodeDay }: ListSuggestionsArgs) {
  const cap = day && episode ? 2_147_483_647 : perEpisodeDay;
  const filters = [Prisma.sql`s.status = 'pending'`, Prisma.sql`(s."commentId" IS NULL OR c.status = 'visible')`];
  if (episode) filters.push(Prisma.sql`e.slug = ${episode}`);
  if (day && episode) filters.push(Prisma.sql`(s."createdAt" AT TIME ZONE 'UTC')::date = ${day}::date`);
  const where = Prisma.join(filters, " AND ");
  // Suggestions on comments readers no longer see wait until the comment is shown again.
  const ranked = Prisma.sql`
    SELECT s.id, s.score, s."episodeId", to_char((s."createdAt" AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day,
           COALESCE(e."publishedOn", e."createdAt"::date) AS "episodeDate",
           row_number() OVER (PARTITION BY s."episodeId", (s."createdAt" AT TIME ZONE 'UTC')::date ORDER BY s.score DESC, s.id)::int AS rank,
           count(*) OVER (PARTITION BY s."episodeId", (s."createdAt" AT TIME ZONE 'UTC')::date)::int AS "groupTotal"
    FROM "ClaimSuggestion" s
    JOIN "Episode" e ON e.id = s."episodeId"
    LEFT JOIN "Comment" c ON c.id = s."commentId"
    WHERE ${where}`;
  const [[counts], rows] = await Promise.all([
    prisma.$queryRaw<{ shown: number; waiting: number }[]>`
      SELECT count(*) FILTER (WHERE rank <= ${cap})::int AS shown, count(*)::int AS waiting FROM (${ranked}) r`,
    prisma.$queryRaw<RankedRow[]>`
      SELECT id, day, rank, "groupTotal" FROM (${ranked}) r
      WHERE rank <= ${cap}
      ORDER BY "episodeDate" DESC, "episodeId" DESC, day DESC, score DESC, id
      LIMIT ${SUGGESTIONS_PER_PAGE} OFFSET ${(page - 1) * SUGGESTIONS_PER_PAGE}`,
  ]);
  const found = await prisma.claimSuggestion.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: SUGGESTION_SELECT });
  const byId = new Map(found.map((item) => [item.id, item]));
  const items = rows.flatMap((row) => {
    const item = byId.get(row.id);
    return item ? [{ ...item, day: row.day, rank: row.rank, groupTotal: row.groupTotal }] : [];
  });
  const total = counts?.shown ?? 0;
  return {
    total,
    waiting: counts?.waiting ?? 0,
    page,
    pageCount: Math.max(1, Math.ceil(total / SUGGESTIONS_PER_PAGE)),
    perEpisodeDay: cap === perEpisodeDay ? perEpisodeDay : null,
    items,
  };
}

/**
 * What the moderators decided, per signal: of the decided suggestions a signal fired on, how many they
 * promoted (precision of that signal as judged in the queue), with its 95 % Wilson interval.
 */
export async function decisionsBySignal() {
  const rows = await prisma.$queryRaw<{ signal: string | null; promoted: number; decided: number }[]>`
    SELECT signal, count(*) FILTER (WHERE status = 'promoted')::int AS promoted, count(*)::int AS decided
    FROM "ClaimSuggestion" LEFT JOIN LATERAL unnest(signals) AS signal ON true
    WHERE status IN ('promoted', 'discarded')
    GROUP BY GROUPING SETS ((signal), ())
    ORDER BY decided DESC`;
  const rate = ({ promoted, decided }: { promoted: number; decided: number }) => ({
    promoted,
    decided,
    precision: decided ? promoted / decided : 0,
    interval: wilson(promoted, decided),
  });
  const overallRow = await prisma.claimSuggestion.groupBy({ by: ["status"], where: { status: { in: ["promoted", "discarded"] } }, _count: true });
  const promoted = overallRow.find((row) => row.status === "promoted")?._count ?? 0;
  const decided = overallRow.reduce((sum, row) => sum + row._count, 0);
  return {
    overall: rate({ promoted, decided }),
    signals: rows.filter((row) => row.signal !== null).map((row) => [row.signal!, rate(row)] as const),
  };
}

export type SuggestionItem = Awaited<ReturnType<typeof listSuggestions>>["items"][number];

/** Marks a pending suggestion decided; refuses one someone else decided first. */
async function decide(db: Db, id: number, moderator: ClaimActor, status: "promoted" | "discarded", claimId: number | null = null) {
  const decided = await db.claimSuggestion.updateMany({
    where: { id, status: "pending" },
    data: { status, decidedById: moderator.id, decidedAt: new Date(), claimId },
  });
  if (decided.count === 0) {
    const existing = await db.claimSuggestion.findUnique({ where: { id }, select: { status: true } });
    if (!existing) throw new ClaimError("That suggestion does not exist.", 404);
    throw new ClaimError(`That suggestion was already ${existing.status}.`, 409);
  }
}

export async function discardSuggestion({ moderator, id, reason }: { moderator: ClaimActor; id: number; reason: string }) {
  ensurePermitted(moderator, "moderation:resolve-claim");
  return prisma.$transaction(async (tx) => {
    await decide(tx, id, moderator, "discarded");
    await logModeratorAction(tx, { actorId: moderator.id, action: "suggestion.discarded", targetType: "claim_suggestion", targetId: id, reason });
    return { id };
  });
}

/**
 * Turns a suggestion into a claim: the moderator flags its sentence "no source" (joining a claim already
 * open on it, as any flag does), and the suggestion is marked promoted, in one transaction. The
 * suggestion's row is locked first: of two moderators promoting it at once, the second waits, then is told.
 */
export async function promoteSuggestion({ moderator, id }: { moderator: ClaimActor; id: number }) {
  ensurePermitted(moderator, "moderation:resolve-claim");
  return prisma.$transaction(async (tx) => {
    const [suggestion] = await tx.$queryRaw<
      { status: string; sectionId: number | null; commentId: number | null; exact: string; prefix: string; suffix: string; start: number }[]
    >`SELECT status::text AS status, "sectionId", "commentId", exact, prefix, suffix, start FROM "ClaimSuggestion" WHERE id = ${id} FOR UPDATE`;
    if (!suggestion) throw new ClaimError("That suggestion does not exist.", 404);
    if (suggestion.status !== "pending") throw new ClaimError(`That suggestion was already ${suggestion.status}.`, 409);
    const target: ClaimTarget =
      suggestion.sectionId !== null ? { type: "section", id: suggestion.sectionId } : { type: "comment", id: suggestion.commentId! };
    const flagged = await flagClaimIn(tx, {
      user: moderator,
      target,
      exact: suggestion.exact,
      prefix: suggestion.prefix,
      suffix: suggestion.suffix,
      start: suggestion.start,
      reason: "no_source",
    });
    await decide(tx, id, moderator, "promoted", flagged.claimId);
    await logModeratorAction(tx, {
      actorId: moderator.id,
      action: "suggestion.promoted",
      targetType: "claim_suggestion",
      targetId: id,
      reason: null,
      details: { claimId: flagged.claimId, joined: flagged.joined },
    });
    return { claimId: flagged.claimId, joined: flagged.joined };
  });
}

/**
 * The "suggest-claims" job: recomputes the suggestions of a target's text as it is now. Returns how many
 * are pending, or null when the target is gone or changed while the pass ran (the change queued a pass
 * of its own). A comment that is no longer visible keeps no pending suggestion.
 */
export async function suggestForCurrentText(target: ClaimTarget) {
  if (target.type === "comment") return suggestForComment(target.id);
  return prisma.$transaction(async (tx) => {
    // The row is locked for the pass, so an edit committed meanwhile waits and queues its own pass.
    const [section] = await tx.$queryRaw<{ episodeId: number; plainText: string; blocks: Prisma.JsonValue; revision: number }[]>`
      SELECT "episodeId", "plainText", blocks, revision FROM "Section" WHERE id = ${target.id} FOR UPDATE`;
    if (!section) return null;
    return suggestForTarget(tx, { episodeId: section.episodeId, target, text: section.plainText, revision: section.revision, blocks: section.blocks });
  });
}

/**
 * A comment's pass, which every new comment queues: one read, and one statement that writes only if the
 * comment still has the revision that was read (its row locked for that statement). Two round trips past
 * Prisma (ADR 0045) where an interactive transaction took eight.
 */
async function suggestForComment(commentId: number) {
  const [comment] = await sqlRows<{ episodeId: number; format: "markdown" | "imported"; body: string; blocks: Prisma.JsonValue; revision: number; visible: boolean; decided: string[] }>(Prisma.sql`
    SELECT c."episodeId", c.format::text AS format, c.body, c.blocks, c.revision, c.status = 'visible' AS visible,
           ARRAY(SELECT s.exact FROM "ClaimSuggestion" s WHERE s."commentId" = c.id AND s.status <> 'pending') AS decided
    FROM "Comment" c WHERE c.id = ${commentId}`);
  if (!comment) return null;
  const rows = comment.visible
    ? suggestionRows(commentCanonicalText(comment), comment.format === "imported" ? comment.blocks : null, new Set(comment.decided))
    : [];
  const [written] = await sqlRows<{ current: boolean; count: number }>(
    replacePendingSuggestions({
      episodeId: comment.episodeId,
      target: { type: "comment", id: commentId },
      revision: comment.revision,
      rows,
      guard: Prisma.sql`SELECT id FROM "Comment" WHERE id = ${commentId} AND revision = ${comment.revision}::int AND (status = 'visible') = ${comment.visible} FOR UPDATE`,
    }),
  );
  return written?.current ? written.count : null;
}
