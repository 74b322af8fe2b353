// Likely-unsourced suggestions: sentences that app/utils/claim-suggestions.ts scores as check-worthy
// claims without a source nearby, kept per target (section or comment) until a moderator promotes one to
// a claim or discards it. A target's pending suggestions are recomputed whenever its text changes; decided
// ones are kept, and a sentence already decided is not suggested again.
import type { Prisma } from "@prisma/client";
import { ClaimError, flagClaim, type ClaimActor, type ClaimTarget } from "~/models/claim.server";
import { logModeratorAction } from "~/models/moderation-log.server";
import { citationOffsets, type StoredBlock } from "~/import/stored-blocks";
import { EXACT_MAX_LENGTH } from "~/schemas/claim";
import { selectorsFor } from "~/utils/anchoring";
import { commentCanonicalText } from "~/utils/canonical-text.server";
import { suggestClaims } from "~/utils/claim-suggestions";
import { prisma } from "~/utils/db.server";
import { can } from "~/utils/permissions";

type Db = Prisma.TransactionClient | typeof prisma;

export const SUGGESTIONS_PER_PAGE = 25;

function ensureModerator(moderator: ClaimActor) {
  if (!can({ role: moderator.role, suspendedAt: moderator.suspendedAt ?? null }, "moderation:resolve-claim")) {
    throw new ClaimError(moderator.suspendedAt ? "Your account is suspended." : "Your role does not allow this.", 403);
  }
}

export type SuggestForTargetArgs = {
  episodeId: number;
  target: ClaimTarget;
  text: string;
  revision: number;
  /** Where the target's citations stand in its text (they are not part of it): a sentence just before one is sourced. */
  citedAt?: readonly number[];
};

/**
 * Replaces the target's pending suggestions with those of its current text. Call it in the transaction
 * that writes the text (import, new comment, edit). Returns how many are pending now.
 */
export async function suggestForTarget(db: Db, { episodeId, target, text, revision, citedAt = [] }: SuggestForTargetArgs) {
  const targetWhere = target.type === "section" ? { sectionId: target.id } : { commentId: target.id };
  await db.claimSuggestion.deleteMany({ where: { ...targetWhere, status: "pending" } });
  const decided = await db.claimSuggestion.findMany({ where: targetWhere, select: { exact: true } });
  const seen = new Set(decided.map((suggestion) => suggestion.exact));
  const rows = suggestClaims(text, undefined, citedAt)
    .filter((suggestion) => suggestion.end - suggestion.start <= EXACT_MAX_LENGTH && !seen.has(suggestion.sentence))
    .map((suggestion) => {
      const selectors = selectorsFor(text, suggestion.start, suggestion.end);
      return {
        episodeId,
        ...targetWhere,
        start: selectors.start,
        end: selectors.end,
        exact: selectors.exact,
        prefix: selectors.prefix,
        suffix: selectors.suffix,
        score: suggestion.score,
        signals: suggestion.signals,
        targetRevision: revision,
      };
    });
  if (rows.length > 0) await db.claimSuggestion.createMany({ data: rows });
  return rows.length;
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
      citedAt: citationOffsets(section.blocks as unknown as StoredBlock[]),
    });
  }
  for (const comment of comments) {
    pending += await suggestForTarget(prisma, {
      episodeId: comment.episodeId,
      target: { type: "comment", id: comment.id },
      text: commentCanonicalText(comment),
      revision: comment.revision,
      citedAt: Array.isArray(comment.blocks) ? citationOffsets(comment.blocks as unknown as StoredBlock[]) : [],
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
  comment: { select: { id: true, ordinal: true } },
} satisfies Prisma.ClaimSuggestionSelect;

/** Pending suggestions, highest score first; `episode` is a slug. */
export async function listSuggestions({ page = 1, episode }: { page?: number; episode?: string }) {
  const where: Prisma.ClaimSuggestionWhereInput = {
    status: "pending",
    ...(episode ? { episode: { slug: episode } } : {}),
    // Suggestions on comments readers no longer see wait until the comment is shown again.
    OR: [{ commentId: null }, { comment: { status: "visible" } }],
  };
  const [total, items] = await Promise.all([
    prisma.claimSuggestion.count({ where }),
    prisma.claimSuggestion.findMany({
      where,
      orderBy: [{ score: "desc" }, { id: "asc" }],
      skip: (page - 1) * SUGGESTIONS_PER_PAGE,
      take: SUGGESTIONS_PER_PAGE,
      select: SUGGESTION_SELECT,
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / SUGGESTIONS_PER_PAGE)), items };
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
  ensureModerator(moderator);
  return prisma.$transaction(async (tx) => {
    await decide(tx, id, moderator, "discarded");
    await logModeratorAction(tx, { actorId: moderator.id, action: "suggestion.discarded", targetType: "claim_suggestion", targetId: id, reason });
    return { id };
  });
}

/**
 * Turns a suggestion into a claim: the moderator flags its sentence "no source" (joining a claim already
 * open on it, as any flag does), and the suggestion is marked promoted.
 */
export async function promoteSuggestion({ moderator, id }: { moderator: ClaimActor; id: number }) {
  ensureModerator(moderator);
  const suggestion = await prisma.claimSuggestion.findUnique({
    where: { id },
    select: { status: true, sectionId: true, commentId: true, exact: true, prefix: true, suffix: true, start: true },
  });
  if (!suggestion) throw new ClaimError("That suggestion does not exist.", 404);
  if (suggestion.status !== "pending") throw new ClaimError(`That suggestion was already ${suggestion.status}.`, 409);
  const target: ClaimTarget =
    suggestion.sectionId !== null ? { type: "section", id: suggestion.sectionId } : { type: "comment", id: suggestion.commentId! };
  // flagClaim runs its own transaction; the suggestion is marked after it, only if still pending.
  const flagged = await flagClaim({
    user: moderator,
    target,
    exact: suggestion.exact,
    prefix: suggestion.prefix,
    suffix: suggestion.suffix,
    start: suggestion.start,
    reason: "no_source",
  });
  await prisma.$transaction(async (tx) => {
    await decide(tx, id, moderator, "promoted", flagged.claimId);
    await logModeratorAction(tx, {
      actorId: moderator.id,
      action: "suggestion.promoted",
      targetType: "claim_suggestion",
      targetId: id,
      reason: null,
      details: { claimId: flagged.claimId, joined: flagged.joined },
    });
  });
  return { claimId: flagged.claimId, joined: flagged.joined };
}
