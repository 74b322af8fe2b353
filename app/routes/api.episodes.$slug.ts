import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEpisodeBySlug } from "~/models/episode.server";
import { episodeJson } from "~/utils/episode-json";
import { jsonResponse } from "~/utils/http";
import { cacheForAnonymous } from "~/utils/http-cache.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const episode = await getEpisodeBySlug(params.slug ?? "");
  if (!episode) return jsonResponse({ error: `No episode has the address "${params.slug}".` }, { status: 404 });
  return cacheForAnonymous(request, jsonResponse(episodeJson(episode)));
}
