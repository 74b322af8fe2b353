// Reading claims as a given reader may see them: one claim with its history, the list (/claims and its
// JSON twin /api/claims) and an episode's claims feed. What each reader sees, and the JSON shapes, are
// the claim presenter's (app/models/presenters/claim.server.ts).
import { Prisma, type ClaimState } from "@prisma/client";
import { claimJson, claimVisibleTo, claimVisibleToSql, graceCutoff, historyActor } from "~/models/presenters/claim.server";
import { ANONYMOUS, seesModeratorNames } from "~/models/presenters/reader";
import { presentQuoteCheck } from "~/models/presenters/evidence";
import { QUOTE_CHECK_SELECT } from "~/models/evidence.server";
import { SOURCE_SELECT } from "~/models/source.server";
import { prisma } from "~/utils/db.server";
import { ClaimError, flagSummaries, isOpen, PROPOSAL_SELECT, proposalOf, QUOTE_SELECT, quoteOf, TARGET_SELECT, targetOf, type ClaimViewer } from "./shared.server";

export const CLAIMS_PER_PAGE = 50;

/** One claim with its target, reasons, proposals and history as `viewer` may see them; null when unknown or not theirs to see. */
export async function getClaim(id: number, viewer: ClaimViewer, cutoff?: Date) {
  const row = await prisma.claim.findFirst({
    where: { id, ...claimVisibleTo(viewer, cutoff ?? (await graceCutoff())) },
    select: {
      ...QUOTE_SELECT,
      start: true,
      end: true,
      updatedAt: true,
      resolvedAt: true,
      assignedAt: true,
      assignedTo: { select: { username: true } },
      acceptedSource: { select: SOURCE_SELECT },
      ...TARGET_SELECT,
      proposals: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { ...PROPOSAL_SELECT, status: true, source: { select: SOURCE_SELECT } },
      },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, action: true, fromState: true, toState: true, reason: true, createdAt: true, actor: { select: { username: true } } },
      },
    },
  });
  if (!row) return null;
  const flags = await flagSummaries([id]);
  const staff = seesModeratorNames(viewer);
  return {
    ...quoteOf(row),
    start: row.start,
    end: row.end,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    // Who is on a claim is for the moderators, and only while it waits for a decision.
    assignedTo: staff && isOpen(row.state) ? (row.assignedTo?.username ?? null) : null,
    assignedAt: staff && isOpen(row.state) ? row.assignedAt : null,
    target: targetOf(row),
    acceptedSource: row.acceptedSource,
    reasons: flags.reasons(row.id),
    notes: flags.notes(row.id),
    proposals: row.proposals.map(proposalOf),
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
          ...QUOTE_SELECT,
          start: true,
          end: true,
          ...TARGET_SELECT,
          proposals: { where: { status: "accepted" }, take: 1, select: { check: { select: QUOTE_CHECK_SELECT } } },
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
        acceptedQuoteCheck: row.proposals[0] ? presentQuoteCheck(row.proposals[0].check) : null,
      };
    }),
  };
}

/** The API's `listClaimsApi`: the public list in its JSON shape. */
export async function listClaimsApi({ state, episode, page = 1 }: { state?: ClaimState; episode?: string; page?: number }) {
  const list = await listClaims({ state, episode, page, viewer: null });
  return { claims: list.claims.map(claimJson), page: list.page, pageCount: list.pageCount, total: list.total };
}

/** The public history of an episode's claims, newest first, for its claims feed: who acted is left out, as on the public claim page. */
export async function listEpisodeClaimEvents(episodeId: number, take = 50) {
  const visible = claimVisibleTo(ANONYMOUS, await graceCutoff());
  const events = await prisma.claimEvent.findMany({
    where: {
      claim: { episodeId, ...visible },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      action: true,
      fromState: true,
      toState: true,
      reason: true,
      createdAt: true,
      claim: {
        select: {
          id: true,
          exact: true,
          proposals: { where: { status: { in: ["pending", "accepted"] } }, orderBy: { id: "desc" }, take: 1, select: { check: { select: QUOTE_CHECK_SELECT } } },
        },
      },
    },
  });
  return events.map(({ claim: { proposals, ...claim }, ...event }) => ({
    ...event,
    claim,
    /** The latest proposal's quote check, as the feed says it. */
    quoteCheck: proposals[0] ? presentQuoteCheck(proposals[0].check) : null,
  }));
}
