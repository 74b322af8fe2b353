// The public history of an episode's claims, newest first, for its claims feed. Part of the claim
// aggregate (app/models/claim.server.ts); who acted is left out, as on the public claim page.
import { prisma } from "~/utils/db.server";

export async function listEpisodeClaimEvents(episodeId: number, take = 50) {
  return prisma.claimEvent.findMany({
    where: {
      claim: { episodeId, OR: [{ commentId: null }, { comment: { status: "visible" } }] },
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
      claim: { select: { id: true, exact: true } },
    },
  });
}
