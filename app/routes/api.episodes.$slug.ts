import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEpisodeBySlug, getSourcingSummaries } from "~/models/episode.server";
import { episodeJson } from "~/models/presenters/episode";
import { ANONYMOUS } from "~/models/presenters/reader";
import { jsonResponse } from "~/utils/http";
import { cacheForAnonymous } from "~/utils/http-cache.server";

/** `GET /api/episodes/:slug` (docs/api.md): the episode as an anonymous reader sees it, whoever asks. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const episode = await getEpisodeBySlug(params.slug ?? "");
  if (!episode) return jsonResponse({ error: `No episode has the address "${params.slug}".` }, { status: 404 });
  const sourcing = await getSourcingSummaries([episode.id]);
  return cacheForAnonymous(request, jsonResponse({ ...episodeJson(episode, ANONYMOUS), sourcing: sourcing.get(episode.id) ?? { open: 0, sourced: 0, unsourced: 0, dismissed: 0, suggested: 0 } }));
}
