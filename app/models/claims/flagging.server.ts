// Flagging a span of a section or comment "citation required", and finding every marked claim again when
// its target's text changes (re-anchoring).
import type { FlagReason } from "@prisma/client";
import { EXACT_MAX_LENGTH, FLAG_REASON_LABELS } from "~/schemas/claim";
import { anchorQuote, quoteOccurrences, reanchor, selectorsFor, spansOverlap, type Selectors } from "~/utils/anchoring";
import { commentCanonicalText } from "~/utils/canonical-text.server";
import { prisma } from "~/utils/db.server";
import { ClaimError, ensurePermitted, MARKED_STATES, OPEN, type ClaimActor, type Tx } from "./shared.server";

/** The words occur more than once in the target and neither context nor position says which: the reader chooses. */
export class AmbiguousQuoteError extends ClaimError {
  constructor(
    kind: string,
    public readonly occurrences: Selectors[],
  ) {
    super(`These words occur ${occurrences.length} times in this ${kind}: choose the one you mean.`, 409);
  }
}

export type ClaimTarget = { type: "section" | "comment"; id: number };

/** The target's canonical text and what a claim records of it; refuses a comment readers no longer see. */
async function readTarget(tx: Tx, target: ClaimTarget) {
  if (target.type === "section") {
    const section = await tx.section.findUnique({ where: { id: target.id }, select: { id: true, episodeId: true, plainText: true, revision: true } });
    if (!section) throw new ClaimError("That section does not exist.", 404);
    return { episodeId: section.episodeId, text: section.plainText, revision: section.revision };
  }
  const comment = await tx.comment.findUnique({
    where: { id: target.id },
    select: { id: true, episodeId: true, format: true, body: true, status: true, revision: true },
  });
  if (!comment) throw new ClaimError("That comment does not exist.", 404);
  if (comment.status !== "visible") throw new ClaimError("That comment was removed, so its text cannot be flagged.", 409);
  return { episodeId: comment.episodeId, text: commentCanonicalText(comment), revision: comment.revision };
}

/** The claims (or suggestions) on this target, for Prisma. */
export function targetWhere(target: ClaimTarget) {
  return target.type === "section" ? { sectionId: target.id } : { commentId: target.id };
}

function flagEventReason(reason: FlagReason, note: string | null | undefined) {
  return note ? `${FLAG_REASON_LABELS[reason]}: ${note}` : FLAG_REASON_LABELS[reason];
}

export type FlagClaimArgs = {
  user: ClaimActor;
  target: ClaimTarget;
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
  start?: number | null;
  reason: FlagReason;
  note?: string | null;
};

/**
 * Flags a span of a section or visible comment "citation required". The quote is anchored in the
 * target's canonical text (refused when it is not there, so a selection across two targets is refused);
 * a span overlapping a claim still open joins it instead of making a duplicate.
 */
export async function flagClaim(args: FlagClaimArgs) {
  return prisma.$transaction((tx) => flagClaimIn(tx, args));
}

/** flagClaim inside a caller's transaction (promoting a suggestion flags and decides in one). */
export async function flagClaimIn(tx: Tx, { user, target, exact, prefix, suffix, start, reason, note }: FlagClaimArgs) {
  ensurePermitted(user, "claim:flag");
  const kind = target.type === "section" ? "section" : "comment";
  if (exact.trim() === "") throw new ClaimError("Select the text you want to flag.", 400);
  if (exact.trim().length > EXACT_MAX_LENGTH) throw new ClaimError(tooLong(), 400);
  if (reason === "other" && !note?.trim()) throw new ClaimError("Say what is wrong with this claim.", 400);

  // One flag at a time per target: two flags on overlapping spans join one claim instead of racing to make two.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claims:${target.type}:${target.id}`}))`;
  const { episodeId, text, revision } = await readTarget(tx, target);
  if (typeof start === "number" && start >= text.length) throw new ClaimError(`That selection is outside the text of this ${kind}.`, 400);
  if (typeof start !== "number" && !prefix && !suffix) {
    const found = quoteOccurrences(text, exact);
    if (found.length > 1) throw new AmbiguousQuoteError(kind, found.map((span) => selectorsFor(text, span.start, span.end)));
  }
  const span = anchorQuote(text, { exact, prefix, suffix, start });
  if (!span) throw new ClaimError(`That text is not in this ${kind}.`, 400);
  if (span.end - span.start > EXACT_MAX_LENGTH) throw new ClaimError(tooLong(), 400);
  const selectors = selectorsFor(text, span.start, span.end);

  const candidates = (
    await tx.claim.findMany({
      where: { ...targetWhere(target), state: { in: OPEN }, start: { lt: span.end }, end: { gt: span.start } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, state: true, start: true, end: true, flags: { where: { userId: user.id }, select: { id: true } } },
    })
  )
    .filter((claim) => spansOverlap(claim, span))
    // The claim sharing the most text with the new span first; the oldest on a tie.
    .map((claim) => ({ ...claim, shared: Math.min(claim.end, span.end) - Math.max(claim.start, span.start) }))
    .sort((a, b) => b.shared - a.shared);

  const flag = { userId: user.id, reason, note: note?.trim() || null };
  for (const claim of candidates) {
    if (claim.flags.length > 0) throw new ClaimError("You already flagged this claim.", 409);
    // Only a claim still open takes the flag: one settled a moment ago is left as it is.
    const joined = await tx.claim.updateMany({ where: { id: claim.id, state: { in: OPEN } }, data: { flaggerCount: { increment: 1 } } });
    if (joined.count === 0) continue;
    await tx.flag.create({ data: { claimId: claim.id, ...flag }, select: { id: true } });
    await tx.claimEvent.create({
      data: { claimId: claim.id, actorId: user.id, action: "flag-joined", fromState: claim.state, toState: claim.state, reason: flagEventReason(reason, flag.note) },
      select: { id: true },
    });
    return { claimId: claim.id, joined: true };
  }

  const created = await tx.claim.create({
    data: {
      episodeId,
      targetType: target.type,
      ...targetWhere(target),
      exact: selectors.exact,
      prefix: selectors.prefix,
      suffix: selectors.suffix,
      start: selectors.start,
      end: selectors.end,
      targetRevision: revision,
      flaggerCount: 1,
      flags: { create: flag },
      events: { create: { actorId: user.id, action: "flagged", fromState: null, toState: "open", reason: flagEventReason(reason, flag.note) } },
    },
    select: { id: true },
  });
  if (target.type === "comment") await notifyCommentAuthor(tx, { commentId: target.id, claimId: created.id, actorId: user.id });
  return { claimId: created.id, joined: false };
}

/** Tells the author of a comment (or the account linked to its imported author) that a claim in it was flagged. */
async function notifyCommentAuthor(tx: Tx, { commentId, claimId, actorId }: { commentId: number; claimId: number; actorId: number }) {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, importedAuthor: { select: { linkedUserId: true } } },
  });
  const recipient = comment?.authorId ?? comment?.importedAuthor?.linkedUserId ?? null;
  if (recipient === null || recipient === actorId) return;
  await tx.notification.create({ data: { userId: recipient, actorId, kind: "claim-flagged", claimId, commentId }, select: { id: true } });
}

function tooLong() {
  return `Select at most ${EXACT_MAX_LENGTH.toLocaleString("en")} characters: flag one claim at a time.`;
}

/**
 * Finds every marked claim on a section or comment again in its new text, in the transaction that
 * changed the text: offsets, quote and context follow the text (`fuzzy` when the quoted words changed).
 * A claim whose words are gone becomes `orphaned`, kept with its old quote for a moderator; never deleted.
 */
export async function reanchorClaims(tx: Tx, { target, text, revision }: { target: ClaimTarget; text: string; revision: number }) {
  const claims = await tx.claim.findMany({
    where: { ...targetWhere(target), state: { in: [...MARKED_STATES] } },
    orderBy: { id: "asc" },
    select: { id: true, state: true, anchorStatus: true, exact: true, prefix: true, suffix: true, start: true },
  });
  for (const claim of claims) {
    const found = reanchor(text, claim);
    if (!found) {
      await tx.claim.update({ where: { id: claim.id }, data: { anchorStatus: "orphaned", targetRevision: revision }, select: { id: true } });
      if (claim.anchorStatus !== "orphaned") {
        await tx.claimEvent.create({
          data: { claimId: claim.id, actorId: null, action: "orphaned", fromState: claim.state, toState: claim.state, reason: `The claimed text is no longer in the ${target.type}.` },
          select: { id: true },
        });
      }
      continue;
    }
    const selectors = selectorsFor(text, found.start, found.end);
    await tx.claim.update({ where: { id: claim.id }, data: { ...selectors, targetRevision: revision, anchorStatus: found.status }, select: { id: true } });
  }
}
