// "Citation required": claims on a span of a section or comment, the flags that raise them, the sources
// proposed for them, and the moderators' decisions. Every state change is a ClaimEvent (the claim's
// public history) and, when a moderator makes it, a ModerationLog row, in the same transaction.
// Moderator decisions are guarded by Claim.version: of two moderators acting on what they both saw,
// exactly one succeeds and the other is told who acted first.
import { Prisma, type ClaimState, type FlagReason } from "@prisma/client";
import { sourceKey } from "~/import/sources";
import { logModeratorAction } from "~/models/moderation-log.server";
import { CLAIM_STATE_LABELS, EXACT_MAX_LENGTH, FLAG_REASON_LABELS, FLAG_REASONS, OPEN_STATES, type Decision } from "~/schemas/claim";
import { anchorQuote, quoteOccurrences, reanchor, selectorsFor, spansOverlap, type Selectors } from "~/utils/anchoring";
import { commentCanonicalText } from "~/utils/canonical-text.server";
import { prisma } from "~/utils/db.server";
import { formatUtc } from "~/utils/utc";
import { can, type Permission, type Role } from "~/utils/permissions";
import { COMMENT_AUTHOR_SELECT, commentAuthorName } from "~/models/presenters/comment";
import { claimJson, claimVisibleTo, claimVisibleToSql, graceCutoff, historyActor, MODERATOR_DECISIONS, PUBLIC_CLAIM } from "~/models/presenters/claim.server";
import { seesModeratorNames, type Reader } from "~/models/presenters/reader";
import { SOURCE_SELECT } from "~/models/source.server";

type Tx = Prisma.TransactionClient;

/** A claim action that cannot be done; `status` is the HTTP answer, `message` is for the reader. */
export class ClaimError extends Error {
  constructor(
    message: string,
    public readonly status: 400 | 401 | 403 | 404 | 409,
  ) {
    super(message);
  }
}

/** Whoever acts: the signed-in user as the session gives it. */
export type ClaimActor = { id: number; role: Role; suspendedAt?: Date | null };
/** Who is reading (app/models/presenters/reader.ts): what each reader sees is decided by the claim presenter. */
export type ClaimViewer = Reader;

export const CLAIMS_PER_PAGE = 50;
export const QUEUE_PER_PAGE = 25;
/** The queue counts up to this many: past it the page says "1,000+", and a filtered count stays cheap. */
export const QUEUE_COUNT_CAP = 1_000;
export const LOG_PER_PAGE = 50;

/** States whose claims are marked in the text; dismissed and removed claims are not. */
export const MARKED_STATES = ["open", "source_proposed", "sourced", "unsourced"] as const satisfies readonly ClaimState[];

const OPEN = [...OPEN_STATES] as ClaimState[];

function isOpen(state: ClaimState) {
  return OPEN.includes(state);
}

/** The models check the actor's role too, so no caller can skip the table in app/utils/permissions.ts. */
function ensurePermitted(actor: ClaimActor, permission: Permission) {
  if (!can({ role: actor.role, suspendedAt: actor.suspendedAt ?? null }, permission)) {
    throw new ClaimError(actor.suspendedAt ? "Your account is suspended." : "Your role does not allow this.", 403);
  }
}

export type ClaimSource = Prisma.SourceGetPayload<{ select: typeof SOURCE_SELECT }>;

const TARGET_SELECT = {
  targetType: true,
  sectionId: true,
  commentId: true,
  episode: { select: { id: true, slug: true, title: true } },
  section: { select: { label: true } },
  comment: { select: { id: true, ordinal: true, status: true, ...COMMENT_AUTHOR_SELECT } },
} as const;

type TargetRow = Prisma.ClaimGetPayload<{ select: typeof TARGET_SELECT }>;

/** Where a claim's text is read: its section, or its comment (on whichever page of the discussion holds it). */
function targetOf(row: TargetRow) {
  const { episode } = row;
  if (row.targetType === "section") {
    const label = row.section?.label ?? "";
    return { type: "section" as const, id: row.sectionId!, episode, label: `Section ${label}`, url: `/episodes/${episode.slug}#section-${label}` };
  }
  const ordinal = row.comment?.ordinal ?? 0;
  return {
    type: "comment" as const,
    id: row.commentId!,
    episode,
    label: `Comment #${ordinal} by ${row.comment ? commentAuthorName(row.comment) : "unknown"}`,
    url: `/episodes/${episode.slug}?c=${ordinal}#comment-${ordinal}`,
    commentStatus: row.comment?.status ?? "visible",
  };
}

// ---------------------------------------------------------------------------------------------------
// Flagging

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
  const targetWhere = target.type === "section" ? { sectionId: target.id } : { commentId: target.id };

  const candidates = (
    await tx.claim.findMany({
      where: { ...targetWhere, state: { in: OPEN }, start: { lt: span.end }, end: { gt: span.start } },
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
      ...targetWhere,
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

/** Tells everyone who flagged a claim that it was settled (not the moderator who settled it). */
async function notifyFlaggers(tx: Tx, claimId: number, actorId: number) {
  const flaggers = await tx.flag.findMany({ where: { claimId, userId: { not: actorId } }, select: { userId: true } });
  if (flaggers.length === 0) return;
  await tx.notification.createMany({ data: flaggers.map(({ userId }) => ({ userId, actorId, kind: "claim-resolved", claimId })) });
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

// ---------------------------------------------------------------------------------------------------
// Re-anchoring after the target's text changed

/**
 * Finds every marked claim on a section or comment again in its new text, in the transaction that
 * changed the text: offsets, quote and context follow the text (`fuzzy` when the quoted words changed).
 * A claim whose words are gone becomes `orphaned`, kept with its old quote for a moderator; never deleted.
 */
export async function reanchorClaims(tx: Tx, { target, text, revision }: { target: ClaimTarget; text: string; revision: number }) {
  const claims = await tx.claim.findMany({
    where: { ...(target.type === "section" ? { sectionId: target.id } : { commentId: target.id }), state: { in: [...MARKED_STATES] } },
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

// ---------------------------------------------------------------------------------------------------
// Proposing a source

export type NewSource = { url: string; title: string; outlet: string | null; date: string | null };

/**
 * The new source a member typed is already in the library (the same address, normalised): it is shown
 * to them, and attached only when they confirm it (`confirmSourceId`). Nothing is written meanwhile.
 */
export class SourceMatchError extends ClaimError {
  constructor(public readonly source: ClaimSource) {
    super(`This address is already in the library as source #${source.id}. Check that it is the source you mean, then confirm.`, 409);
  }
}

/**
 * A source typed in by a member joins the library under its identity (docs/decisions/0008): with an
 * address, the normalised URL, so a title never attaches it to another page. The same address already in
 * the library is attached only once the member confirmed that source; two members adding it at the same
 * moment never collide (the second is shown the first one's source).
 */
async function findOrCreateSource(tx: Tx, source: NewSource, createdById: number, confirmSourceId: number | undefined) {
  const fields = {
    kind: source.outlet ? ("article" as const) : ("web" as const),
    title: source.title,
    authors: [],
    outlet: source.outlet,
    date: source.date,
    year: source.date ? Number(source.date.slice(0, 4)) : null,
    isbn: null,
    url: source.url,
  };
  const key = sourceKey(fields);
  const existing = await tx.source.findUnique({ where: { key }, select: SOURCE_SELECT });
  if (existing) {
    if (existing.id === confirmSourceId) return existing.id;
    throw new SourceMatchError(existing);
  }
  const created = await tx.source.createMany({
    data: [{ ...fields, key, date: source.date ? new Date(`${source.date}T00:00:00Z`) : null, createdById }],
    skipDuplicates: true,
  });
  const row = await tx.source.findUnique({ where: { key }, select: SOURCE_SELECT });
  if (!row) throw new ClaimError("The source could not be saved. Please try again.", 409);
  // Someone added the same address a moment ago: show it, as if it had been there before.
  if (created.count === 0 && row.id !== confirmSourceId) throw new SourceMatchError(row);
  return row.id;
}

/**
 * A member proposes a source for an open claim: one from the library (`sourceId`) or a new one
 * (`newSource`), with the passage that supports the claim. The claim moves to `source_proposed`.
 */
export async function proposeSource({
  user,
  claimId,
  sourceId,
  newSource,
  confirmSourceId,
  quote,
}: {
  user: ClaimActor;
  claimId: number;
  sourceId?: number;
  newSource?: NewSource;
  /** The library's source the member confirmed when their new source matched it. */
  confirmSourceId?: number;
  quote: string;
}) {
  ensurePermitted(user, "claim:propose-source");
  if (quote.trim() === "") throw new ClaimError("Quote the passage of the source that supports the claim.", 400);
  if ((sourceId === undefined) === (newSource === undefined)) throw new ClaimError("Choose a source from the library or enter a new one.", 400);
  return prisma.$transaction(async (tx) => {
    const visible = await tx.claim.findFirst({ where: { id: claimId, ...PUBLIC_CLAIM }, select: { id: true } });
    if (!visible) throw new ClaimError("That claim does not exist.", 404);
    // The claim's row is locked until this transaction ends: a moderator deciding at the same moment
    // waits, then finds the version changed; a second proposer waits, then sees this proposal.
    const [claim] = await tx.$queryRaw<{ state: ClaimState; version: number }[]>`
      SELECT state::text AS state, version FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
    if (!claim) throw new ClaimError("That claim does not exist.", 404);
    if (!isOpen(claim.state)) throw await settledError(tx, claimId, "Sources can be proposed only while a claim is open.");

    let chosen: number;
    if (sourceId !== undefined) {
      const source = await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } });
      if (!source) throw new ClaimError(`The library has no source number ${sourceId}.`, 404);
      chosen = source.id;
    } else {
      chosen = await findOrCreateSource(tx, newSource!, user.id, confirmSourceId);
    }
    const already = await tx.sourceProposal.findFirst({ where: { claimId, sourceId: chosen, status: "pending" }, select: { id: true } });
    if (already) throw new ClaimError("That source is already proposed for this claim.", 409);

    const proposal = await tx.sourceProposal.create({
      data: { claimId, sourceId: chosen, proposedById: user.id, quote: quote.trim() },
      select: { id: true },
    });
    // Proposing is not a moderator decision: it changes the version only when it changes the state.
    if (claim.state === "open") {
      await tx.claim.update({ where: { id: claimId }, data: { state: "source_proposed", version: { increment: 1 } }, select: { id: true } });
    }
    await tx.claimEvent.create({
      data: { claimId, actorId: user.id, action: "source-proposed", fromState: claim.state, toState: "source_proposed", reason: null },
      select: { id: true },
    });
    return { proposalId: proposal.id, claimId, sourceId: chosen, state: "source_proposed" as const };
  });
}

// ---------------------------------------------------------------------------------------------------
// Moderation

const SETTLED_ACTIONS = MODERATOR_DECISIONS;

/**
 * Why a moderator's action on a claim cannot go ahead, read after the fact: "Already dismissed by
 * ann at 2026-11-22 10:04 UTC." when it was settled, or what changed when it is still open.
 */
async function settledError(tx: Tx | typeof prisma, claimId: number, openNote = "Reload to see it and decide again.") {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      state: true,
      events: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { action: true, createdAt: true, actor: { select: { username: true } } },
      },
    },
  });
  if (!claim) return new ClaimError("That claim does not exist.", 404);
  const last = claim.events[0];
  const who = last?.actor?.username ?? "someone";
  const when = last ? formatUtc(last.createdAt) : "an earlier time";
  if (!isOpen(claim.state) && last && SETTLED_ACTIONS.has(last.action)) {
    return new ClaimError(`Already ${CLAIM_STATE_LABELS[claim.state].toLowerCase()} by ${who} at ${when}.`, 409);
  }
  if (!isOpen(claim.state)) return new ClaimError(`Already ${CLAIM_STATE_LABELS[claim.state].toLowerCase()} at ${when}.`, 409);
  const what = last?.action === "source-proposed" ? `a source was proposed by ${who}` : `it changed (${last?.action ?? "updated"})`;
  return new ClaimError(`This claim changed while you were looking at it: ${what} at ${when}. ${openNote}`, 409);
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
  reason,
  proposalId,
}: {
  moderator: ClaimActor;
  claimId: number;
  version: number;
  action: Resolution;
  reason: string;
  proposalId?: number;
}) {
  ensurePermitted(moderator, "moderation:resolve-claim");
  const resolution = RESOLUTIONS[action];
  if (!resolution) throw new ClaimError("Choose a decision: accept a source, unsourced or dismiss.", 400);
  if (reason.trim() === "") throw new ClaimError("Give a reason: it is shown in the claim's history and the moderation log.", 400);
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, state: true, version: true } });
    if (!claim) throw new ClaimError("That claim does not exist.", 404);
    if (claim.version !== version || !isOpen(claim.state)) throw await settledError(tx, claimId);

    let accepted: { id: number; sourceId: number } | null = null;
    if (action === "accept-source") {
      if (proposalId === undefined) throw new ClaimError("Choose the proposed source to accept.", 400);
      const proposal = await tx.sourceProposal.findFirst({ where: { id: proposalId, claimId }, select: { id: true, sourceId: true, status: true } });
      if (!proposal) throw new ClaimError("That proposal is not one of this claim's.", 404);
      if (proposal.status !== "pending") throw new ClaimError(`That proposal was already ${proposal.status}.`, 409);
      accepted = proposal;
    }

    const resolvedAt = new Date();
    // The version check is the lock: of two moderators who saw the same version, the second matches no row.
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version },
      data: { state: resolution.to, version: { increment: 1 }, resolvedAt, ...(accepted ? { acceptedSourceId: accepted.sourceId } : {}) },
    });
    if (updated.count === 0) throw await settledError(tx, claimId);

    if (accepted) await tx.sourceProposal.update({ where: { id: accepted.id }, data: { status: "accepted" }, select: { id: true } });
    // A settled claim needs no other source: the proposals still waiting are declined with it.
    await tx.sourceProposal.updateMany({ where: { claimId, status: "pending" }, data: { status: "rejected" } });
    await tx.claimEvent.create({
      data: { claimId, actorId: moderator.id, action: resolution.event, fromState: claim.state, toState: resolution.to, reason: reason.trim() },
      select: { id: true },
    });
    await notifyFlaggers(tx, claimId, moderator.id);
    await logModeratorAction(tx, {
      actorId: moderator.id,
      action: resolution.log,
      targetType: "claim",
      targetId: claimId,
      reason: reason.trim(),
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
  reason,
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
  if (reason.trim() === "") throw new ClaimError("Give a reason: it is shown in the claim's history and the moderation log.", 400);
  return prisma.$transaction(async (tx) => {
    if (claimId !== undefined) {
      const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { commentId: true, version: true, state: true } });
      if (!claim || claim.commentId !== commentId) throw new ClaimError("That claim is not on this comment.", 404);
      if ((version !== undefined && claim.version !== version) || !isOpen(claim.state)) throw await settledError(tx, claimId);
    }
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: { id: true, ordinal: true, status: true, episode: { select: { slug: true } } },
    });
    if (!comment) throw new ClaimError("That comment does not exist.", 404);
    if (comment.status === "deleted") throw new ClaimError("The author already deleted this comment.", 409);
    const statusChangedAt = new Date();
    const hidden = await tx.comment.updateMany({
      where: { id: commentId, status: "visible" },
      data: { status: "hidden", statusReason: reason.trim(), statusChangedAt },
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
      await tx.claimEvent.create({
        data: { claimId: claim.id, actorId: moderator.id, action: "comment-hidden", fromState: claim.state, toState: "removed", reason: reason.trim() },
        select: { id: true },
      });
      await notifyFlaggers(tx, claim.id, moderator.id);
      removed.push(claim.id);
    }
    await tx.sourceProposal.updateMany({ where: { claimId: { in: removed }, status: "pending" }, data: { status: "rejected" } });
    await logModeratorAction(tx, {
      actorId: moderator.id,
      action: "comment.hidden",
      targetType: "comment",
      targetId: commentId,
      reason: reason.trim(),
      details: { episode: comment.episode.slug, ordinal: comment.ordinal, removedClaimIds: removed },
    });
    return { commentId, ordinal: comment.ordinal, episodeSlug: comment.episode.slug, removedClaimIds: removed };
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
export async function bulkDismiss({ moderator, claimIds, reason }: { moderator: ClaimActor; claimIds: number[]; reason: string }) {
  ensurePermitted(moderator, "moderation:resolve-claim");
  if (reason.trim() === "") throw new ClaimError("Give a reason: it is shown in the claim's history and the moderation log.", 400);
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
      await tx.sourceProposal.updateMany({ where: { claimId, status: "pending" }, data: { status: "rejected" } });
      await tx.claimEvent.create({
        data: { claimId, actorId: moderator.id, action: "dismissed", fromState: claim.state, toState: "dismissed", reason: reason.trim() },
        select: { id: true },
      });
      await notifyFlaggers(tx, claimId, moderator.id);
      await logModeratorAction(tx, {
        actorId: moderator.id,
        action: "claim.dismissed",
        targetType: "claim",
        targetId: claimId,
        reason: reason.trim(),
        details: { from: claim.state, to: "dismissed", bulk: true },
      });
      dismissed.push(claimId);
    }
    return { dismissed, skipped };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading

export type QueueFilterInput = { episode?: string; state?: (typeof OPEN_STATES)[number]; reason?: FlagReason; target?: "section" | "comment" };

function reasonCounts(rows: { claimId: number; reason: FlagReason; _count: { _all: number } }[], claimId: number) {
  const counts = Object.fromEntries(FLAG_REASONS.map((reason) => [reason, 0])) as Record<FlagReason, number>;
  for (const row of rows) if (row.claimId === claimId) counts[row.reason] = row._count._all;
  return counts;
}

const QUEUE_ORDER = [{ flaggerCount: "desc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ClaimOrderByWithRelationInput[];

function queueOrder(a: { flaggerCount: number; createdAt: Date; id: number }, b: { flaggerCount: number; createdAt: Date; id: number }) {
  return b.flaggerCount - a.flaggerCount || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}

/**
 * The moderation queue: open and source_proposed claims, most flagged first, then oldest first, with the
 * text in context, who is on each, the reasons given and the proposals waiting for a decision.
 */
export async function listQueue({ filters = {}, page = 1 }: { filters?: QueueFilterInput; page?: number }) {
  const where: Prisma.ClaimWhereInput = {
    ...(filters.episode ? { episode: { slug: filters.episode } } : {}),
    ...(filters.target ? { targetType: filters.target } : {}),
    ...(filters.reason ? { flags: { some: { reason: filters.reason } } } : {}),
  };
  const states: ClaimState[] = filters.state ? [filters.state] : OPEN;
  const skip = (page - 1) * QUEUE_PER_PAGE;
  // One ordered walk of the (state, flaggerCount, createdAt, id) index per state, merged here: a single
  // query over both states would have to sort every claim in the queue to find the first page.
  const [total, perState, episodes] = await Promise.all([
    prisma.claim.count({ where: { ...where, state: { in: states } }, take: QUEUE_COUNT_CAP + 1 }),
    Promise.all(
      states.map((state) =>
        prisma.claim.findMany({ where: { ...where, state }, orderBy: QUEUE_ORDER, take: skip + QUEUE_PER_PAGE, select: { id: true, flaggerCount: true, createdAt: true } }),
      ),
    ),
    // Only episodes with something in the queue are worth filtering by.
    prisma.episode.findMany({
      where: { claims: { some: { state: { in: OPEN } } } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      select: { slug: true, title: true },
    }),
  ]);
  const ids = perState
    .flat()
    .sort(queueOrder)
    .slice(skip, skip + QUEUE_PER_PAGE)
    .map((row) => row.id);
  const [rows, reasons, notes] = ids.length
    ? await Promise.all([
        prisma.claim.findMany({
          where: { id: { in: ids } },
          orderBy: QUEUE_ORDER,
          select: {
            id: true,
            state: true,
            version: true,
            exact: true,
            prefix: true,
            suffix: true,
            flaggerCount: true,
            createdAt: true,
            assignedAt: true,
            assignedTo: { select: { id: true, username: true } },
            ...TARGET_SELECT,
            proposals: {
              where: { status: "pending" },
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { id: true, quote: true, createdAt: true, proposedBy: { select: { username: true } }, source: { select: SOURCE_SELECT } },
            },
          },
        }),
        prisma.flag.groupBy({ by: ["claimId", "reason"], where: { claimId: { in: ids } }, _count: { _all: true } }),
        prisma.flag.findMany({ where: { claimId: { in: ids }, note: { not: null } }, orderBy: { id: "asc" }, select: { claimId: true, note: true } }),
      ])
    : [[], [], []];
  const capped = total > QUEUE_COUNT_CAP;
  return {
    page,
    /** At most QUEUE_COUNT_CAP; `capped` says there are more. */
    total: Math.min(total, QUEUE_COUNT_CAP),
    capped,
    // Past the cap the pages go on while there are items.
    pageCount: capped ? Math.max(page + (rows.length === QUEUE_PER_PAGE ? 1 : 0), QUEUE_COUNT_CAP / QUEUE_PER_PAGE) : Math.max(1, Math.ceil(total / QUEUE_PER_PAGE)),
    episodes,
    items: rows.map((row) => ({
      id: row.id,
      state: row.state,
      version: row.version,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      flaggerCount: row.flaggerCount,
      createdAt: row.createdAt,
      assignedTo: row.assignedTo,
      assignedAt: row.assignedAt,
      target: targetOf(row),
      reasons: reasonCounts(reasons, row.id),
      notes: notes.filter((note) => note.claimId === row.id).map((note) => note.note!),
      proposals: row.proposals.map((proposal) => ({
        id: proposal.id,
        quote: proposal.quote,
        createdAt: proposal.createdAt,
        proposer: proposal.proposedBy.username,
        source: proposal.source,
      })),
    })),
  };
}

export type QueueItem = Awaited<ReturnType<typeof listQueue>>["items"][number];

const ORPHAN_WHERE = { anchorStatus: "orphaned", state: { in: [...MARKED_STATES] } } satisfies Prisma.ClaimWhereInput;

/** How many marked claims lost their text (up to the queue's cap), for the "Orphans (N)" tab. */
export function countOrphans() {
  return prisma.claim.count({ where: ORPHAN_WHERE, take: QUEUE_COUNT_CAP + 1 });
}

/** Claims whose words were edited out of their target, newest first, with the old quote and where it was. */
export async function listOrphans({ page = 1 }: { page?: number } = {}) {
  const [total, rows] = await Promise.all([
    prisma.claim.count({ where: ORPHAN_WHERE }),
    prisma.claim.findMany({
      where: ORPHAN_WHERE,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * QUEUE_PER_PAGE,
      take: QUEUE_PER_PAGE,
      select: { id: true, state: true, version: true, exact: true, prefix: true, suffix: true, flaggerCount: true, createdAt: true, ...TARGET_SELECT },
    }),
  ]);
  return {
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PER_PAGE)),
    items: rows.map((row) => ({
      id: row.id,
      state: row.state,
      version: row.version,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      flaggerCount: row.flaggerCount,
      createdAt: row.createdAt,
      // Only a claim still waiting can be dismissed; a settled one is listed for the record.
      dismissable: isOpen(row.state),
      target: targetOf(row),
    })),
  };
}

export type OrphanItem = Awaited<ReturnType<typeof listOrphans>>["items"][number];

/** One claim with its target, reasons, proposals and history as `viewer` may see them; null when unknown or not theirs to see. */
export async function getClaim(id: number, viewer: ClaimViewer, cutoff?: Date) {
  const row = await prisma.claim.findFirst({
    where: { id, ...claimVisibleTo(viewer, cutoff ?? (await graceCutoff())) },
    select: {
      id: true,
      state: true,
      version: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      flaggerCount: true,
      createdAt: true,
      updatedAt: true,
      resolvedAt: true,
      assignedAt: true,
      assignedTo: { select: { username: true } },
      acceptedSource: { select: SOURCE_SELECT },
      ...TARGET_SELECT,
      proposals: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, status: true, quote: true, createdAt: true, proposedBy: { select: { username: true } }, source: { select: SOURCE_SELECT } },
      },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, action: true, fromState: true, toState: true, reason: true, createdAt: true, actor: { select: { username: true } } },
      },
    },
  });
  if (!row) return null;
  const [reasons, notes] = await Promise.all([
    prisma.flag.groupBy({ by: ["claimId", "reason"], where: { claimId: id }, _count: { _all: true } }),
    prisma.flag.findMany({ where: { claimId: id, note: { not: null } }, orderBy: { id: "asc" }, select: { note: true } }),
  ]);
  const staff = seesModeratorNames(viewer);
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    flaggerCount: row.flaggerCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    // Who is on a claim is for the moderators, and only while it waits for a decision.
    assignedTo: staff && isOpen(row.state) ? (row.assignedTo?.username ?? null) : null,
    assignedAt: staff && isOpen(row.state) ? row.assignedAt : null,
    target: targetOf(row),
    acceptedSource: row.acceptedSource,
    reasons: reasonCounts(reasons, row.id),
    notes: notes.map((note) => note.note!),
    proposals: row.proposals.map((proposal) => ({
      id: proposal.id,
      status: proposal.status,
      quote: proposal.quote,
      createdAt: proposal.createdAt,
      proposer: proposal.proposedBy.username,
      source: proposal.source,
    })),
    history: row.events.map((event) => ({
      id: event.id,
      action: event.action,
      actor: historyActor(event.action, event.actor, viewer),
      fromState: event.fromState,
      toState: event.toState,
      reason: event.reason,
      createdAt: event.createdAt,
    })),
  };
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof getClaim>>>;

/** Claims newest first, filtered by state and episode, as `viewer` may see them (the API reads as anonymous). */
export async function listClaims({
  state,
  episode,
  page = 1,
  viewer = null,
}: {
  state?: ClaimState;
  episode?: string;
  page?: number;
  viewer?: ClaimViewer;
}) {
  let episodeId: number | undefined;
  if (episode) {
    const found = await prisma.episode.findUnique({ where: { slug: episode }, select: { id: true } });
    if (!found) throw new ClaimError(`No episode has the address “${episode}”.`, 404);
    episodeId = found.id;
  }
  const where = Prisma.join(
    [
      claimVisibleToSql(viewer, await graceCutoff()),
      state ? Prisma.sql`c.state = ${state}::"ClaimState"` : Prisma.sql`TRUE`,
      episodeId ? Prisma.sql`c."episodeId" = ${episodeId}` : Prisma.sql`TRUE`,
    ],
    " AND ",
  );
  const [[counted], pageIds] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Claim" c WHERE ${where}`,
    prisma.$queryRaw<{ id: number }[]>`SELECT c.id FROM "Claim" c WHERE ${where} ORDER BY c.id DESC LIMIT ${CLAIMS_PER_PAGE} OFFSET ${(page - 1) * CLAIMS_PER_PAGE}`,
  ]);
  const total = counted?.total ?? 0;
  const rows = pageIds.length
    ? await prisma.claim.findMany({
        where: { id: { in: pageIds.map((row) => row.id) } },
        orderBy: { id: "desc" },
        select: {
          id: true,
          state: true,
          exact: true,
          prefix: true,
          suffix: true,
          start: true,
          end: true,
          flaggerCount: true,
          createdAt: true,
          ...TARGET_SELECT,
        },
      })
    : [];
  return {
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / CLAIMS_PER_PAGE)),
    claims: rows.map((row) => {
      const target = targetOf(row);
      return {
        id: row.id,
        state: row.state,
        targetType: row.targetType,
        targetId: target.id,
        exact: row.exact,
        prefix: row.prefix,
        suffix: row.suffix,
        start: row.start,
        end: row.end,
        flaggerCount: row.flaggerCount,
        createdAt: row.createdAt,
        episode: row.episode,
        target,
      };
    }),
  };
}

/** The API's `listClaimsApi`: the public list in its JSON shape. */
export async function listClaimsApi({ state, episode, page = 1 }: { state?: ClaimState; episode?: string; page?: number }) {
  const list = await listClaims({ state, episode, page, viewer: null });
  return { claims: list.claims.map(claimJson), page: list.page, pageCount: list.pageCount, total: list.total };
}

/** Sources a proposer can pick without searching: those cited in the claim's episode (sections and visible comments). */
export async function listEpisodeSources(episodeId: number) {
  return prisma.source.findMany({
    where: { citations: { some: { OR: [{ section: { episodeId } }, { comment: { episodeId, status: "visible" } }] } } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true, outlet: true, publisher: true, kind: true },
  });
}

// ---------------------------------------------------------------------------------------------------
// Inline markers for the episode page

export type ClaimMarker = {
  claimId: number;
  targetType: "section" | "comment";
  targetId: number;
  start: number;
  end: number;
  state: (typeof MARKED_STATES)[number];
  flaggerCount: number;
  acceptedSourceId: number | null;
};

/**
 * The claims to mark in the text of these sections and comments (open, source_proposed, sourced,
 * unsourced — not dismissed or removed, nor orphaned), by position in each target's canonical text.
 * Edits re-anchor claims as they are saved (reanchorClaims); a claim whose stored revision is still
 * behind its target's is found again by its quote, and left out when it is gone.
 */
export async function getClaimMarkers({
  episodeId,
  sectionIds,
  commentIds,
  viewer = null,
  cutoff,
}: {
  episodeId: number;
  sectionIds: number[];
  commentIds: number[];
  viewer?: ClaimViewer;
  /** The end of the grace period (graceCutoff); the cached page passes the one its version was read with. */
  cutoff?: Date;
}): Promise<ClaimMarker[]> {
  if (sectionIds.length === 0 && commentIds.length === 0) return [];
  const rows = await prisma.claim.findMany({
    where: {
      episodeId,
      state: { in: [...MARKED_STATES] },
      anchorStatus: { not: "orphaned" },
      AND: [
        { OR: [...(sectionIds.length ? [{ sectionId: { in: sectionIds } }] : []), ...(commentIds.length ? [{ commentId: { in: commentIds } }] : [])] },
        claimVisibleTo(viewer, cutoff ?? (await graceCutoff())),
      ],
    },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    select: {
      id: true,
      targetType: true,
      sectionId: true,
      commentId: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      state: true,
      flaggerCount: true,
      acceptedSourceId: true,
      targetRevision: true,
      section: { select: { revision: true } },
      comment: { select: { revision: true } },
    },
  });

  const stale = new Set(rows.filter((row) => row.targetRevision !== (row.section ?? row.comment)?.revision));
  const texts = new Map<string, string>();
  if (stale.size) {
    const staleSections = [...new Set([...stale].flatMap((row) => (row.sectionId ? [row.sectionId] : [])))];
    const staleComments = [...new Set([...stale].flatMap((row) => (row.commentId ? [row.commentId] : [])))];
    const [sections, comments] = await Promise.all([
      staleSections.length ? prisma.section.findMany({ where: { id: { in: staleSections } }, select: { id: true, plainText: true } }) : [],
      staleComments.length ? prisma.comment.findMany({ where: { id: { in: staleComments } }, select: { id: true, format: true, body: true } }) : [],
    ]);
    for (const section of sections) texts.set(`section:${section.id}`, section.plainText);
    for (const comment of comments) texts.set(`comment:${comment.id}`, commentCanonicalText(comment));
  }

  const markers: ClaimMarker[] = [];
  for (const row of rows) {
    const targetId = (row.sectionId ?? row.commentId)!;
    let span = { start: row.start, end: row.end };
    if (stale.has(row)) {
      const text = texts.get(`${row.targetType}:${targetId}`);
      const found = text === undefined ? null : anchorQuote(text, { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start });
      if (!found) continue;
      span = found;
    }
    markers.push({
      claimId: row.id,
      targetType: row.targetType,
      targetId,
      start: span.start,
      end: span.end,
      state: row.state as ClaimMarker["state"],
      flaggerCount: row.flaggerCount,
      acceptedSourceId: row.acceptedSourceId,
    });
  }
  return markers;
}

// ---------------------------------------------------------------------------------------------------
// The public moderation log

const ADMIN_ACTIONS = /^(user|author)\./;

function describeLogEntry(
  entry: { action: string; targetType: string; targetId: string; details: Prisma.JsonValue },
  names: { users: Map<number, string>; authors: Map<number, string> },
) {
  const details = (entry.details ?? {}) as Record<string, unknown>;
  const id = Number(entry.targetId);
  switch (entry.action) {
    case "claim.sourced":
      return { text: `accepted a source for claim #${id}`, href: `/claims/${id}` };
    case "claim.unsourced":
      return { text: `marked claim #${id} unsourced`, href: `/claims/${id}` };
    case "claim.dismissed":
      return { text: `dismissed claim #${id}${details.bulk ? " (with others)" : ""}`, href: `/claims/${id}` };
    case "claim.taken":
      return { text: `took claim #${id}`, href: `/claims/${id}` };
    case "claim.released":
      return { text: `let go of claim #${id}`, href: `/claims/${id}` };
    case "comment.hidden": {
      const ordinal = typeof details.ordinal === "number" ? details.ordinal : null;
      const episode = typeof details.episode === "string" ? details.episode : null;
      const removed = Array.isArray(details.removedClaimIds) ? details.removedClaimIds.length : 0;
      return {
        text: `hid comment #${ordinal ?? "?"}${removed ? `; ${removed === 1 ? "its claim was" : `its ${removed} claims were`} removed` : ""}`,
        href: episode && ordinal ? `/episodes/${episode}?c=${ordinal}#comment-${ordinal}` : null,
      };
    }
    case "user.role_changed":
      return { text: `changed the role of ${names.users.get(id) ?? `user #${id}`} from ${String(details.from)} to ${String(details.to)}`, href: userHref(names.users.get(id)) };
    case "user.suspended":
      return { text: `suspended ${names.users.get(id) ?? `user #${id}`}`, href: userHref(names.users.get(id)) };
    case "user.unsuspended":
      return { text: `lifted the suspension of ${names.users.get(id) ?? `user #${id}`}`, href: userHref(names.users.get(id)) };
    case "author.linked":
      return { text: `linked the imported author ${names.authors.get(id) ?? `#${id}`} to an account`, href: null };
    case "author.unlinked":
      return { text: `unlinked the imported author ${names.authors.get(id) ?? `#${id}`}`, href: null };
    default:
      return { text: `${entry.action} on ${entry.targetType} #${entry.targetId}`, href: null };
  }
}

function userHref(username: string | undefined) {
  return username ? `/users/${encodeURIComponent(username)}` : null;
}

/**
 * The moderation log, newest first: actions and reasons for everyone, the moderators' names to those who
 * may see them. Decisions about accounts (roles, suspensions) and on suggestions (which never appear to
 * readers, docs/claims.md) are listed only to those who may see moderator names.
 */
export async function listModerationLog({ viewer, page = 1 }: { viewer: ClaimViewer; page?: number }) {
  const staff = seesModeratorNames(viewer);
  const where: Prisma.ModerationLogWhereInput = staff ? {} : { targetType: { notIn: ["user", "claim_suggestion"] } };
  const [total, rows] = await Promise.all([
    prisma.moderationLog.count({ where }),
    prisma.moderationLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * LOG_PER_PAGE,
      take: LOG_PER_PAGE,
      select: { id: true, action: true, targetType: true, targetId: true, reason: true, details: true, createdAt: true, actor: { select: { username: true } } },
    }),
  ]);
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.targetType === type).map((row) => Number(row.targetId)).filter(Number.isSafeInteger))];
  const [users, authors] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, username: true } }),
    prisma.importedAuthor.findMany({ where: { id: { in: idsOf("imported_author") } }, select: { id: true, name: true } }),
  ]);
  const names = { users: new Map(users.map((user) => [user.id, user.username])), authors: new Map(authors.map((author) => [author.id, author.name])) };
  return {
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / LOG_PER_PAGE)),
    showsNames: staff,
    entries: rows.map((row) => {
      const { text, href } = describeLogEntry(row, names);
      const anonymous = ADMIN_ACTIONS.test(row.action) ? "an admin" : "a moderator";
      return {
        id: row.id,
        action: row.action,
        actor: staff ? (row.actor?.username ?? "the system") : anonymous,
        text,
        href,
        reason: row.reason,
        createdAt: row.createdAt,
      };
    }),
  };
}
