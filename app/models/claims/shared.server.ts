// What the files of the claim model share: its error, who acts, the states, the permission check, where a
// claim's text is, the flag summaries and the "already settled" answer. Internal to app/models/claims/:
// everything else imports app/models/claims/index.server.ts.
import type { ClaimState, FlagReason, Prisma } from "@prisma/client";
import { CLAIM_STATE_LABELS, FLAG_REASONS, OPEN_STATES } from "~/schemas/claim";
import { prisma } from "~/utils/db.server";
import { formatUtc } from "~/utils/time-format";
import { can, type Permission, type Role } from "~/utils/permissions";
import { COMMENT_AUTHOR_SELECT, commentAuthorName } from "~/models/presenters/comment";
import { MODERATOR_DECISIONS } from "~/models/presenters/claim.server";
import type { Reader } from "~/models/presenters/reader";
import { commentLabel, commentPermalink } from "~/utils/comment-anchor";
import { presentQuoteCheck } from "~/models/presenters/evidence";
import { QUOTE_CHECK_SELECT } from "~/models/evidence.server";

export type Tx = Prisma.TransactionClient;

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

/** States whose claims are marked in the text; dismissed and removed claims are not. */
export const MARKED_STATES = ["open", "source_proposed", "sourced", "unsourced"] as const satisfies readonly ClaimState[];

export const OPEN = [...OPEN_STATES] as ClaimState[];

export function isOpen(state: ClaimState) {
  return OPEN.includes(state);
}

/** The models check the actor's role too, so no caller can skip the table in app/utils/permissions.ts. */
export function ensurePermitted(actor: ClaimActor, permission: Permission) {
  if (!can({ role: actor.role, suspendedAt: actor.suspendedAt ?? null }, permission)) {
    throw new ClaimError(actor.suspendedAt ? "Your account is suspended." : "Your role does not allow this.", 403);
  }
}

export const TARGET_SELECT = {
  targetType: true,
  sectionId: true,
  commentId: true,
  episode: { select: { id: true, slug: true, title: true } },
  section: { select: { label: true } },
  comment: { select: { id: true, ordinal: true, anchor: true, status: true, ...COMMENT_AUTHOR_SELECT } },
} as const;

type TargetRow = Prisma.ClaimGetPayload<{ select: typeof TARGET_SELECT }>;

/** Where a claim's text is read: its section, or its comment (on whichever page of the discussion holds it). */
export function targetOf(row: TargetRow) {
  const { episode } = row;
  if (row.targetType === "section") {
    const label = row.section?.label ?? "";
    return { type: "section" as const, id: row.sectionId!, episode, label: `Section ${label}`, url: `/episodes/${episode.slug}#section-${label}` };
  }
  const anchor = row.comment?.anchor ?? "0";
  return {
    type: "comment" as const,
    id: row.commentId!,
    episode,
    label: `Comment ${commentLabel(anchor)} by ${row.comment ? commentAuthorName(row.comment) : "unknown"}`,
    url: commentPermalink(episode.slug, anchor),
    commentStatus: row.comment?.status ?? "visible",
  };
}

/** What a claim's quote is, as the queue, the orphans and the claim page list it. */
export const QUOTE_SELECT = { id: true, state: true, version: true, exact: true, prefix: true, suffix: true, flaggerCount: true, createdAt: true } as const;

export function quoteOf(row: Prisma.ClaimGetPayload<{ select: typeof QUOTE_SELECT }>) {
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    flaggerCount: row.flaggerCount,
    createdAt: row.createdAt,
  };
}

/** A proposed source as moderators and readers are shown it: the proposer by name only, and whether its quote is in the source. */
export const PROPOSAL_SELECT = {
  id: true,
  quote: true,
  createdAt: true,
  proposedBy: { select: { username: true } },
  check: { select: QUOTE_CHECK_SELECT },
} as const;

export function proposalOf<P extends Prisma.SourceProposalGetPayload<{ select: typeof PROPOSAL_SELECT }>>({ proposedBy, check, ...proposal }: P) {
  return { ...proposal, proposer: proposedBy.username, quoteCheck: presentQuoteCheck(check) };
}

/** For each of these claims, how many flags gave each reason, and the notes flaggers wrote (oldest first). */
export async function flagSummaries(claimIds: number[]) {
  const [counts, notes] = await Promise.all([
    prisma.flag.groupBy({ by: ["claimId", "reason"], where: { claimId: { in: claimIds } }, _count: { _all: true } }),
    prisma.flag.findMany({ where: { claimId: { in: claimIds }, note: { not: null } }, orderBy: { id: "asc" }, select: { claimId: true, note: true } }),
  ]);
  return {
    reasons(claimId: number) {
      const byReason = Object.fromEntries(FLAG_REASONS.map((reason) => [reason, 0])) as Record<FlagReason, number>;
      for (const row of counts) if (row.claimId === claimId) byReason[row.reason] = row._count._all;
      return byReason;
    },
    notes(claimId: number) {
      return notes.filter((note) => note.claimId === claimId).map((note) => note.note!);
    },
  };
}

/**
 * Why an action on a claim cannot go ahead, read after the fact: "Already dismissed by ann at
 * 2026-11-22 10:04 UTC." when it was settled, or what changed when it is still open.
 */
export async function settledError(tx: Tx | typeof prisma, claimId: number, openNote = "Reload to see it and decide again.") {
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
  if (!isOpen(claim.state) && last && MODERATOR_DECISIONS.has(last.action)) {
    return new ClaimError(`Already ${CLAIM_STATE_LABELS[claim.state].toLowerCase()} by ${who} at ${when}.`, 409);
  }
  if (!isOpen(claim.state)) return new ClaimError(`Already ${CLAIM_STATE_LABELS[claim.state].toLowerCase()} at ${when}.`, 409);
  const what = last?.action === "source-proposed" ? `a source was proposed by ${who}` : `it changed (${last?.action ?? "updated"})`;
  return new ClaimError(`This claim changed while you were looking at it: ${what} at ${when}. ${openNote}`, 409);
}
