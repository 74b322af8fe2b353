// The moderation queue (claims waiting for a decision, most flagged first) and the orphans (claims whose
// words were edited out of their text).
import type { ClaimState, FlagReason, Prisma } from "@prisma/client";
import { OPEN_STATES } from "~/schemas/claim";
import { SOURCE_SELECT } from "~/models/source.server";
import { prisma } from "~/utils/db.server";
import { flagSummaries, isOpen, MARKED_STATES, OPEN, PROPOSAL_SELECT, proposalOf, QUOTE_SELECT, quoteOf, TARGET_SELECT, targetOf } from "./shared.server";

export const QUEUE_PER_PAGE = 25;
/** The queue counts up to this many: past it the page says "1,000+", and a filtered count stays cheap. */
export const QUEUE_COUNT_CAP = 1_000;

export type QueueFilterInput = { episode?: string; state?: (typeof OPEN_STATES)[number]; reason?: FlagReason; target?: "section" | "comment" };

const QUEUE_ORDER = [{ flaggerCount: "desc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ClaimOrderByWithRelationInput[];

function queueOrder(a: { flaggerCount: number; createdAt: Date; id: number }, b: { flaggerCount: number; createdAt: Date; id: number }) {
  return b.flaggerCount - a.flaggerCount || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}

/**
 * A proposal whose quote was not found in its source (or is no longer on the page): a claim with one
 * waits on top of the queue (docs/claims.md, "Evidence"). A page that cannot be read is marked on its
 * card but does not jump the queue: a network failure says nothing about the quote.
 */
export const DOUBTFUL_PROPOSAL = { status: "pending", check: { status: "not_found" } } satisfies Prisma.SourceProposalWhereInput;

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
  const [total, doubtful, perState, episodes] = await Promise.all([
    prisma.claim.count({ where: { ...where, state: { in: states } }, take: QUEUE_COUNT_CAP + 1 }),
    // Claims with a quote not found first: their own ordered walk, merged in front of the others.
    prisma.claim.findMany({
      where: { ...where, state: { in: states }, proposals: { some: DOUBTFUL_PROPOSAL } },
      orderBy: QUEUE_ORDER,
      take: skip + QUEUE_PER_PAGE,
      select: { id: true, flaggerCount: true, createdAt: true },
    }),
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
  const first = new Set(doubtful.map((row) => row.id));
  const ids = [...doubtful, ...perState.flat().filter((row) => !first.has(row.id)).sort(queueOrder)]
    .slice(skip, skip + QUEUE_PER_PAGE)
    .map((row) => row.id);
  const [rows, flags] = ids.length
    ? await Promise.all([
        prisma.claim.findMany({
          where: { id: { in: ids } },
          select: {
            ...QUOTE_SELECT,
            assignedAt: true,
            assignedTo: { select: { id: true, username: true } },
            ...TARGET_SELECT,
            proposals: {
              where: { status: "pending" },
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { ...PROPOSAL_SELECT, source: { select: SOURCE_SELECT } },
            },
          },
        }),
        flagSummaries(ids),
      ])
    : [[], null];
  const capped = total > QUEUE_COUNT_CAP;
  return {
    page,
    /** At most QUEUE_COUNT_CAP; `capped` says there are more. */
    total: Math.min(total, QUEUE_COUNT_CAP),
    capped,
    // Past the cap the pages go on while there are items.
    pageCount: capped ? Math.max(page + (rows.length === QUEUE_PER_PAGE ? 1 : 0), QUEUE_COUNT_CAP / QUEUE_PER_PAGE) : Math.max(1, Math.ceil(total / QUEUE_PER_PAGE)),
    episodes,
    items: rows
      .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
      .map((row) => ({
      ...quoteOf(row),
      assignedTo: row.assignedTo,
      assignedAt: row.assignedAt,
      target: targetOf(row),
      reasons: flags!.reasons(row.id),
      notes: flags!.notes(row.id),
      proposals: row.proposals.map(proposalOf),
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
      select: { ...QUOTE_SELECT, ...TARGET_SELECT },
    }),
  ]);
  return {
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PER_PAGE)),
    items: rows.map((row) => ({
      ...quoteOf(row),
      // Only a claim still waiting can be dismissed; a settled one is listed for the record.
      dismissable: isOpen(row.state),
      target: targetOf(row),
    })),
  };
}

export type OrphanItem = Awaited<ReturnType<typeof listOrphans>>["items"][number];

/**
 * Settled claims whose accepted evidence stopped holding at a re-check: the page is gone, or the quote is
 * no longer on it. Listed above the queue, newest first, so that a moderator can look again.
 */
export async function listBrokenEvidence() {
  const rows = await prisma.sourceProposal.findMany({
    where: {
      status: "accepted",
      claim: { state: "sourced" },
      OR: [{ check: { status: "not_found", lostAt: { not: null } } }, { source: { unreachableSince: { not: null } } }],
    },
    orderBy: { id: "desc" },
    take: QUEUE_PER_PAGE,
    select: { ...PROPOSAL_SELECT, claimId: true, claim: { select: { exact: true } }, source: { select: SOURCE_SELECT } },
  });
  return rows.map(({ claim, ...row }) => ({ ...proposalOf(row), exact: claim.exact }));
}

export type BrokenEvidence = Awaited<ReturnType<typeof listBrokenEvidence>>[number];
