import type { LoaderFunctionArgs } from "@remix-run/node";
import { listEpisodeClaimEvents } from "~/models/claims/index.server";
import { getEpisodeRef } from "~/models/episode.server";
import { CLAIM_STATE_LABELS } from "~/schemas/claim";
import { addEntry, atomResponse, excerpt, newFeed, siteOrigin } from "~/utils/feeds.server";
import { invariantResponse } from "~/utils/http";

/** Every change of state of an episode's "citation required" claims: flagged, sourced, dismissed… */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const episode = await getEpisodeRef(params.slug ?? "");
  invariantResponse(episode, `No episode has the address "${params.slug}".`, { status: 404 });
  const origin = siteOrigin(request);
  const events = await listEpisodeClaimEvents(episode.id);
  const path = `/feeds/episodes/${episode.slug}/claims.xml`;
  const feed = newFeed({
    origin,
    path,
    title: `Footnote — claims in “${episode.title}”`,
    description: `Claims flagged "citation required" in “${episode.title}” and what became of them.`,
    // No claim yet: the feed is as old as the episode (never 1970).
    updated: events[0]?.createdAt ?? episode.createdAt,
  });
  for (const event of events) {
    const link = `${origin}/claims/${event.claim.id}`;
    const change =
      event.fromState && event.fromState !== event.toState
        ? `${CLAIM_STATE_LABELS[event.fromState]} → ${CLAIM_STATE_LABELS[event.toState]}`
        : CLAIM_STATE_LABELS[event.toState];
    addEntry(feed, {
      id: `${link}#event-${event.id}`,
      link,
      title: `Claim #${event.claim.id}: ${change}`,
      description: excerpt(`“${event.claim.exact}”${event.reason ? ` — ${event.reason}` : ""}${event.quoteCheck && event.action.startsWith("source-") ? ` — ${event.quoteCheck.label}` : ""}`),
      date: event.createdAt,
      published: event.createdAt,
    });
  }
  return atomResponse(request, feed);
}
