// The public history of an episode's claims, newest first, for its claims feed. Part of the claim
// aggregate (app/models/claim.server.ts); who acted is left out, as on the public claim page.
import { claimVisibleTo, graceCutoff } from "~/models/presenters/claim.server";
import { ANONYMOUS } from "~/models/presenters/reader";
import { prisma } from "~/utils/db.server";

/** The events of the claims an anonymous reader may see (the claim presenter: grace period included). */
export async function listEpisodeClaimEvents(episodeId: number, take = 50) {
  const visible = claimVisibleTo(ANONYMOUS, await graceCutoff());
  return prisma.claimEvent.findMany({
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
      claim: { select: { id: true, exact: true } },
    },
  });
}
