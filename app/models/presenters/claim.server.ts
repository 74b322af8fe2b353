// The claim presenter: which claims a reader may see (state, the comment they are on, the grace period),
// who their history names, and their public JSON shapes (docs/api.md). Every surface that lists, counts,
// marks or feeds claims goes through here: the episode page, /claims, /claims/:id, /api/claims, the
// claims feed, the sourcing summaries.
import { CommentStatus, Prisma } from "@prisma/client";
import { sourceJson, type SourceFields } from "~/models/presenters/source";
import { quoteCheckJson, type QuoteCheckView } from "~/models/presenters/evidence";
import { seesHidden, seesModeratorNames, type Reader } from "~/models/presenters/reader";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/**
 * The end of the grace period, by the database's clock: claims on comments created at or before it are
 * public. Every surface reads it from the database (as the episode page's version does), so that the
 * marker, the list, the feed and the cached page agree on the same instant. Millisecond precision, as
 * Claim.createdAt is stored.
 */
export async function graceCutoff(): Promise<Date> {
  const [row] = await prisma.$queryRaw<{ ms: number }[]>`
    SELECT (extract(epoch FROM date_trunc('milliseconds', now() AT TIME ZONE 'UTC') - make_interval(mins => ${getEnv().CLAIM_GRACE_MINUTES})) * 1000)::float8 AS ms`;
  return new Date(row!.ms);
}

/** A cutoff as the UTC wall time that a `timestamp(3)` column (how Prisma stores DateTime) compares with. */
export function cutoffSql(cutoff: Date) {
  return Prisma.sql`${cutoff.toISOString()}::timestamp`;
}

// A claim any reader may see: not removed, and not on a comment that is no longer shown.
export const PUBLIC_CLAIM = {
  state: { not: "removed" },
  OR: [{ targetType: "section" }, { comment: { status: "visible" } }],
} satisfies Prisma.ClaimWhereInput;

const NOT_SHOWN = Object.values(CommentStatus).filter((status) => status !== "visible");

/**
 * The claims `reader` may see, for Prisma. Readers who see hidden content (moderators, admins) see all;
 * others see public claims, and a claim on a comment only after its grace period (CLAIM_GRACE_MINUTES),
 * unless they wrote the comment (or are the account it is linked to) or flagged the claim.
 */
export function claimVisibleTo(reader: Reader, cutoff: Date): Prisma.ClaimWhereInput {
  if (seesHidden(reader)) return {};
  const own: Prisma.ClaimWhereInput[] = reader
    ? [{ flags: { some: { userId: reader.id } } }, { comment: { authorId: reader.id } }, { comment: { importedAuthor: { linkedUserId: reader.id } } }]
    : [];
  return { AND: [PUBLIC_CLAIM, { OR: [{ commentId: null }, { createdAt: { lte: cutoff } }, ...own] }] };
}

/**
 * The same rule for SQL over `"Claim" c`. Comments not shown are few: read through the index on
 * Comment.status they make a small hashed set, and claims are filtered from the (state, commentId) index.
 */
export function claimVisibleToSql(reader: Reader, cutoff: Date): Prisma.Sql {
  if (seesHidden(reader)) return Prisma.sql`TRUE`;
  const own = reader
    ? Prisma.sql` OR EXISTS (SELECT 1 FROM "Flag" f WHERE f."claimId" = c.id AND f."userId" = ${reader.id})
        OR c."commentId" IN (SELECT m.id FROM "Comment" m LEFT JOIN "ImportedAuthor" a ON a.id = m."importedAuthorId"
                             WHERE m."authorId" = ${reader.id} OR a."linkedUserId" = ${reader.id})`
    : Prisma.empty;
  return Prisma.sql`c.state <> 'removed' AND (c."commentId" IS NULL OR c."commentId" NOT IN (
    SELECT id FROM "Comment" WHERE status IN (${Prisma.join(NOT_SHOWN.map((status) => Prisma.sql`${status}::"CommentStatus"`))})))
    AND (c."commentId" IS NULL OR c."createdAt" <= ${cutoffSql(cutoff)}${own})`;
}

/** The history's actions that are moderator decisions. */
export const MODERATOR_DECISIONS: ReadonlySet<string> = new Set(["source-accepted", "marked-unsourced", "dismissed", "comment-hidden"]);

/** Who a claim's history names: members who flagged never; moderators only to those who may see their names. */
export function historyActor(action: string, actor: { username: string } | null, reader: Reader) {
  if (action === "flagged" || action === "flag-joined") return "a member";
  if (action === "orphaned" || action === "source-check-failed") return "Footnote";
  if (MODERATOR_DECISIONS.has(action)) return seesModeratorNames(reader) && actor ? actor.username : "a moderator";
  return actor?.username ?? "a member";
}

type ClaimListFields = {
  id: number;
  state: string;
  targetType: string;
  targetId: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  flaggerCount: number;
  createdAt: Date;
  episode: { slug: string };
  /** The check of the accepted source's quote, when a source was accepted. */
  acceptedQuoteCheck?: QuoteCheckView | null;
};

/** The public JSON shape of a claim in a list (docs/api.md). */
export function claimJson(claim: ClaimListFields) {
  return {
    id: claim.id,
    state: claim.state,
    targetType: claim.targetType,
    targetId: claim.targetId,
    exact: claim.exact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    start: claim.start,
    end: claim.end,
    flaggerCount: claim.flaggerCount,
    createdAt: claim.createdAt.toISOString(),
    episode: claim.episode.slug,
    url: `/claims/${claim.id}`,
    acceptedQuoteCheck: claim.acceptedQuoteCheck ? { status: claim.acceptedQuoteCheck.status, label: claim.acceptedQuoteCheck.label } : null,
  };
}

type ClaimDetailFields = Omit<ClaimListFields, "targetId" | "targetType" | "episode"> & {
  resolvedAt: Date | null;
  target: { type: string; id: number; label: string; url: string; episode: { slug: string } };
  reasons: unknown;
  acceptedSource: SourceFields | null;
  proposals: { id: number; status: string; quote: string; proposer: string; createdAt: Date; source: SourceFields; quoteCheck: QuoteCheckView }[];
  history: { action: string; fromState: string | null; toState: string; reason: string | null; createdAt: Date }[];
};

/** The public JSON shape of one claim (docs/api.md): its list fields, reasons, proposals and history. */
export function claimDetailJson(claim: ClaimDetailFields) {
  return {
    ...claimJson({
      ...claim,
      targetType: claim.target.type,
      targetId: claim.target.id,
      episode: claim.target.episode,
      acceptedQuoteCheck: claim.proposals.find((proposal) => proposal.status === "accepted")?.quoteCheck ?? null,
    }),
    resolvedAt: claim.resolvedAt?.toISOString() ?? null,
    target: { type: claim.target.type, label: claim.target.label, url: claim.target.url },
    reasons: claim.reasons,
    acceptedSource: claim.acceptedSource ? sourceJson(claim.acceptedSource) : null,
    proposals: claim.proposals.map((proposal) => ({
      id: proposal.id,
      status: proposal.status,
      quote: proposal.quote,
      proposer: proposal.proposer,
      createdAt: proposal.createdAt.toISOString(),
      source: sourceJson(proposal.source),
      quoteCheck: quoteCheckJson(proposal.quoteCheck),
    })),
    history: claim.history.map((event) => ({
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      reason: event.reason,
      createdAt: event.createdAt.toISOString(),
    })),
  };
}
