// The queue's forms, one function per intent: take or let go of a claim, decide it, dismiss a selection.
import { bulkDismiss, hideComment, releaseClaim, resolveClaim, takeClaim } from "~/models/claims/index.server";
import { CLAIM_STATE_LABELS } from "~/schemas/claim";
import { requireUserWithPermission } from "~/utils/auth.server";
import type { ModerationAction } from "./form";

type Intent<Name extends ModerationAction["intent"]> = Extract<ModerationAction, { intent: Name }>;

/** "I'm on it" and "Let go": the message says what the other moderators now see. */
export async function takeOrRelease(request: Request, input: Intent<"take-claim" | "release-claim">) {
  const moderator = await requireUserWithPermission(request, "moderation:resolve-claim");
  if (input.intent === "take-claim") {
    await takeClaim({ moderator, claimId: input.claimId });
    return `You are on claim #${input.claimId}: the other moderators see it.`;
  }
  await releaseClaim({ moderator, claimId: input.claimId });
  return `You let go of claim #${input.claimId}.`;
}

/** A decision on one claim; hiding its comment needs its own permission. */
export async function decide(request: Request, input: Intent<"resolve-claim">) {
  if (input.decision === "hide-comment") {
    const moderator = await requireUserWithPermission(request, "moderation:hide-comment");
    const result = await hideComment({ moderator, commentId: input.commentId!, reason: input.reason, claimId: input.claimId, version: input.version });
    const removed = result.removedClaimIds.length;
    return `Comment #${result.anchor} is hidden from readers; ${removed === 1 ? "its claim was" : `${removed} claims were`} removed.`;
  }
  const moderator = await requireUserWithPermission(request, "moderation:resolve-claim");
  const result = await resolveClaim({
    moderator,
    claimId: input.claimId,
    version: input.version,
    action: input.decision,
    reason: input.reason,
    proposalId: input.proposalId,
    quoteReason: input.quoteReason,
  });
  return `Claim #${input.claimId} is now ${CLAIM_STATE_LABELS[result.state].toLowerCase()}.`;
}

/**
 * Dismissing the selected claims. Claims someone settled meanwhile are left alone and the moderator is
 * told which and by whom: `skipped` holds those messages.
 */
export async function dismissSelection(request: Request, input: Intent<"bulk-dismiss">) {
  const moderator = await requireUserWithPermission(request, "moderation:resolve-claim");
  const result = await bulkDismiss({ moderator, claimIds: input.claimIds, reason: input.reason });
  const count = result.dismissed.length;
  return {
    count,
    message: count === 1 ? "Dismissed 1 claim." : `Dismissed ${count} claims.`,
    skipped: result.skipped.map((skip) => skip.message),
  };
}
