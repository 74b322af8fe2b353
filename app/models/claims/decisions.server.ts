// Moderators' decisions on claims: taking and releasing one, settling it (a source accepted, unsourced,
// dismissed, alone or in bulk), and hiding the comment it is on. Every decision is guarded by
// Claim.version: of two moderators acting on what they both saw, exactly one succeeds and the other is
// told who acted first. Each writes the claim's history and the moderation log in its transaction.
import type { ClaimState } from "@prisma/client";
import type { Decision } from "~/schemas/claim";
import { prisma } from "~/utils/db.server";
import { formatUtc } from "~/utils/time-format";
import { QUOTE_CHECK_SELECT } from "~/models/evidence.server";
import { presentQuoteCheck } from "~/models/presenters/evidence";
import { logModeratorAction } from "./moderation-log.server";
import { ClaimError, ensurePermitted, isOpen, OPEN, settledError, type ClaimActor, type Tx } from "./shared.server";

/** Accepting a source whose quote was not found in it (or whose page is gone) needs its own, explicit reason. */
export class QuoteReasonRequiredError extends ClaimError {
  constructor(label: string) {
    super(`${label}. Say why you accept it anyway: the reason is shown in the claim's history.`, 400);
  }
}

function requireReason(reason: string) {
  if (reason.trim() === "") throw new ClaimError("Give a reason: it is shown in the claim's history and the moderation log.", 400);
  return reason.trim();
}

/**
 * What settling a claim writes beside its new state: the proposals still waiting are declined (a settled
 * claim needs no other source), the history says who and why, and everyone who flagged it is told.
 */
async function recordSettlement(
  tx: Tx,
  { claimId, moderatorId, action, fromState, toState, reason }: { claimId: number; moderatorId: number; action: string; fromState: ClaimState; toState: ClaimState; reason: string },
) {
  await tx.sourceProposal.updateMany({ where: { claimId, status: "pending" }, data: { status: "rejected" } });
  await tx.claimEvent.create({ data: { claimId, actorId: moderatorId, action, fromState, toState, reason }, select: { id: true } });
  await notifyFlaggers(tx, claimId, moderatorId);
}

/** Tells everyone who flagged a claim that it was settled (not the moderator who settled it). */
async function notifyFlaggers(tx: Tx, claimId: number, actorId: number) {
  const flaggers = await tx.flag.findMany({ where: { claimId, userId: { not: actorId } }, select: { userId: true } });
  if (flaggers.length === 0) return;
  await tx.notification.createMany({ data: flaggers.map(({ userId }) => ({ userId, actorId, kind: "claim-resolved", claimId })) });
}

/** "I'm on it": the moderator takes a claim, which the queue shows to the others. */
export async function takeClaim({ moderator, claimId }: { moderator: ClaimActor; claimId: number }) {
  ensurePermitted(moderator, "moderation:resolve-claim");
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { state: true, assignedToId: true } });
    if (!claim) throw new ClaimError("That claim does not exist.", 404);
    if (!isOpen(claim.state)) throw await settledError(tx, claimId);
    if (claim.assignedToId === moderator.id) return { claimId, assignedAt: null };
    const assignedAt = new Date();
    const taken = await tx.claim.updateMany({
      where: { id: claimId, assignedToId: null, state: { in: OPEN } },
      data: { assignedToId: moderator.id, assignedAt },
    });
    if (taken.count === 0) {
      const now = await tx.claim.findUnique({ where: { id: claimId }, select: { state: true, assignedAt: true, assignedTo: { select: { username: true } } } });
      if (now && isOpen(now.state) && now.assignedTo) {
        throw new ClaimError(`${now.assignedTo.username} is already on it (since ${formatUtc(now.assignedAt ?? new Date())}).`, 409);
      }
      throw await settledError(tx, claimId);
    }
    await logModeratorAction(tx, { actorId: moderator.id, action: "claim.taken", targetType: "claim", targetId: claimId, reason: null });
    return { claimId, assignedAt };
  });
}

/** Lets go of a claim one took, so that another moderator can take it. */
export async function releaseClaim({ moderator, claimId }: { moderator: ClaimActor; claimId: number }) {
  ensurePermitted(moderator, "moderation:resolve-claim");
  return prisma.$transaction(async (tx) => {
    const released = await tx.claim.updateMany({ where: { id: claimId, assignedToId: moderator.id }, data: { assignedToId: null, assignedAt: null } });
    if (released.count === 0) throw new ClaimError("You are not on this claim.", 409);
    await logModeratorAction(tx, { actorId: moderator.id, action: "claim.released", targetType: "claim", targetId: claimId, reason: null });
    return { claimId };
  });
}

export type Resolution = Exclude<Decision, "hide-comment">;

const RESOLUTIONS: Record<Resolution, { to: ClaimState; event: string; log: string }> = {
  "accept-source": { to: "sourced", event: "source-accepted", log: "claim.sourced" },
  "mark-unsourced": { to: "unsourced", event: "marked-unsourced", log: "claim.unsourced" },
  dismiss: { to: "dismissed", event: "dismissed", log: "claim.dismissed" },
};

/**
 * A moderator settles a claim: accepts one of its proposed sources (→ sourced), confirms that no
 * adequate source exists (→ unsourced), or dismisses it (→ dismissed). `version` is the one the
 * moderator saw: if anyone changed the claim since, nothing is written and the answer says who.
 */
export async function resolveClaim({
  moderator,
  claimId,
  version,
  action,
  reason: given,
  proposalId,
  quoteReason,
}: {
  moderator: ClaimActor;
  claimId: number;
  version: number;
  action: Resolution;
  reason: string;
  proposalId?: number;
  /** Why a source whose quote was not found is accepted anyway; required then, ignored otherwise. */
  quoteReason?: string;
}) {
  ensurePermitted(moderator, "moderation:resolve-claim");
  const resolution = RESOLUTIONS[action];
  if (!resolution) throw new ClaimError("Choose a decision: accept a source, unsourced or dismiss.", 400);
  let reason = requireReason(given);
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, state: true, version: true } });
    if (!claim) throw new ClaimError("That claim does not exist.", 404);
    if (claim.version !== version || !isOpen(claim.state)) throw await settledError(tx, claimId);

    let accepted: { id: number; sourceId: number } | null = null;
    if (action === "accept-source") {
      if (proposalId === undefined) throw new ClaimError("Choose the proposed source to accept.", 400);
      const proposal = await tx.sourceProposal.findFirst({
        where: { id: proposalId, claimId },
        select: { id: true, sourceId: true, status: true, check: { select: QUOTE_CHECK_SELECT } },
      });
      if (!proposal) throw new ClaimError("That proposal is not one of this claim's.", 404);
      if (proposal.status !== "pending") throw new ClaimError(`That proposal was already ${proposal.status}.`, 409);
      const check = presentQuoteCheck(proposal.check);
      if (check.needsAttention) {
        if (!quoteReason?.trim()) throw new QuoteReasonRequiredError(check.label);
        reason = `${reason} — ${check.label}; accepted because: ${quoteReason.trim()}`;
      }
      accepted = { id: proposal.id, sourceId: proposal.sourceId };
    }

    const resolvedAt = new Date();
    // The version check is the lock: of two moderators who saw the same version, the second matches no row.
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version },
      data: { state: resolution.to, version: { increment: 1 }, resolvedAt, ...(accepted ? { acceptedSourceId: accepted.sourceId } : {}) },
    });
    if (updated.count === 0) throw await settledError(tx, claimId);

    if (accepted) await tx.sourceProposal.update({ where: { id: accepted.id }, data: { status: "accepted" }, select: { id: true } });
    await recordSettlement(tx, { claimId, moderatorId: moderator.id, action: resolution.event, fromState: claim.state, toState: resolution.to, reason });
    await logModeratorAction(tx, {
      actorId: moderator.id,
      action: resolution.log,
      targetType: "claim",
      targetId: claimId,
      reason,
      details: { from: claim.state, to: resolution.to, ...(accepted ? { proposalId: accepted.id, sourceId: accepted.sourceId } : {}) },
    });
    return { claimId, state: resolution.to, version: version + 1 };
  });
}

/**
 * A moderator hides a comment from readers (moderators still see it): its open claims become `removed`.
 * From the queue, `claimId` + `version` name the claim the moderator was looking at, checked like a decision.
 */
export async function hideComment({
  moderator,
  commentId,
  reason: given,
  claimId,
  version,
}: {
  moderator: ClaimActor;
  commentId: number;
  reason: string;
  claimId?: number;
  version?: number;
}) {
  ensurePermitted(moderator, "moderation:hide-comment");
  const reason = requireReason(given);
  return prisma.$transaction(async (tx) => {
    if (claimId !== undefined) {
      const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { commentId: true, version: true, state: true } });
      if (!claim || claim.commentId !== commentId) throw new ClaimError("That claim is not on this comment.", 404);
      if ((version !== undefined && claim.version !== version) || !isOpen(claim.state)) throw await settledError(tx, claimId);
    }
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: { id: true, ordinal: true, anchor: true, status: true, episode: { select: { slug: true } } },
    });
    if (!comment) throw new ClaimError("That comment does not exist.", 404);
    if (comment.status === "deleted") throw new ClaimError("The author already deleted this comment.", 409);
    const statusChangedAt = new Date();
    const hidden = await tx.comment.updateMany({
      where: { id: commentId, status: "visible" },
      data: { status: "hidden", statusReason: reason, statusChangedAt },
    });
    if (hidden.count === 0) throw await alreadyHiddenError(tx, commentId);

    const open = await tx.claim.findMany({ where: { commentId, state: { in: OPEN } }, orderBy: { id: "asc" }, select: { id: true, state: true, version: true } });
    const removed: number[] = [];
    for (const claim of open) {
      // The claim the moderator acted from must be as they saw it; the others only need to be still open.
      const guard = claim.id === claimId && version !== undefined ? { version } : { version: claim.version, state: { in: OPEN } };
      const updated = await tx.claim.updateMany({
        where: { id: claim.id, ...guard },
        data: { state: "removed", version: { increment: 1 }, resolvedAt: statusChangedAt },
      });
      if (updated.count === 0) {
        if (claim.id === claimId) throw await settledError(tx, claim.id);
        continue;
      }
      await recordSettlement(tx, { claimId: claim.id, moderatorId: moderator.id, action: "comment-hidden", fromState: claim.state, toState: "removed", reason });
      removed.push(claim.id);
    }
    await logModeratorAction(tx, {
      actorId: moderator.id,
      action: "comment.hidden",
      targetType: "comment",
      targetId: commentId,
      reason,
      details: { episode: comment.episode.slug, ordinal: comment.ordinal, anchor: comment.anchor, removedClaimIds: removed },
    });
    return { commentId, ordinal: comment.ordinal, anchor: comment.anchor, episodeSlug: comment.episode.slug, removedClaimIds: removed };
  });
}

async function alreadyHiddenError(tx: Tx, commentId: number) {
  const entry = await tx.moderationLog.findFirst({
    where: { action: "comment.hidden", targetType: "comment", targetId: String(commentId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, actor: { select: { username: true } } },
  });
  if (!entry) return new ClaimError("That comment is already hidden.", 409);
  return new ClaimError(`Already hidden by ${entry.actor?.username ?? "someone"} at ${formatUtc(entry.createdAt)}.`, 409);
}

/** Dismisses each selected claim that is still open; the others are left as they are and reported. */
export async function bulkDismiss({ moderator, claimIds, reason: given }: { moderator: ClaimActor; claimIds: number[]; reason: string }) {
  ensurePermitted(moderator, "moderation:resolve-claim");
  const reason = requireReason(given);
  if (claimIds.length === 0) throw new ClaimError("Select the claims to dismiss.", 400);
  return prisma.$transaction(async (tx) => {
    const rows = await tx.claim.findMany({ where: { id: { in: claimIds } }, select: { id: true, state: true, version: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const dismissed: number[] = [];
    const skipped: { claimId: number; message: string }[] = [];
    const resolvedAt = new Date();
    for (const claimId of [...new Set(claimIds)]) {
      const claim = byId.get(claimId);
      if (!claim) {
        skipped.push({ claimId, message: `Claim #${claimId} does not exist.` });
        continue;
      }
      const updated = isOpen(claim.state)
        ? await tx.claim.updateMany({ where: { id: claimId, version: claim.version }, data: { state: "dismissed", version: { increment: 1 }, resolvedAt } })
        : { count: 0 };
      if (updated.count === 0) {
        skipped.push({ claimId, message: `Claim #${claimId}: ${(await settledError(tx, claimId)).message}` });
        continue;
      }
      await recordSettlement(tx, { claimId, moderatorId: moderator.id, action: "dismissed", fromState: claim.state, toState: "dismissed", reason });
      await logModeratorAction(tx, {
        actorId: moderator.id,
        action: "claim.dismissed",
        targetType: "claim",
        targetId: claimId,
        reason,
        details: { from: claim.state, to: "dismissed", bulk: true },
      });
      dismissed.push(claimId);
    }
    return { dismissed, skipped };
  });
}
