import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEpisodeBySlug, getEpisodeVersion, getSourcingSummaries } from "~/models/episode.server";
import { episodeJson } from "~/models/presenters/episode";
import { ANONYMOUS } from "~/models/presenters/reader";
import { readEpisodeVersion } from "~/utils/episode-versions.server";
import { jsonResponse } from "~/utils/http";
import { isAnonymousRead, representationOf, respondWithRepresentation, SHARED_CACHE_CONTROL } from "~/utils/http-cache.server";
import { episodeJson as episodeJsonCache } from "~/utils/page-cache.server";

const NO_SOURCING = { open: 0, sourced: 0, unsourced: 0, dismissed: 0, suggested: 0 };

/**
 * `GET /api/episodes/:slug` (docs/api.md): the episode as an anonymous reader sees it, whoever asks. Its
 * bytes are kept per content version (ADR 0022), read with the grace period's end the version was read
 * with; the server answers anonymous repeats of them before Remix (scripts/server.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const notFound = () => jsonResponse({ error: `No episode has the address "${params.slug}".` }, { status: 404 });
  const version = await readEpisodeVersion(slug, getEpisodeVersion);
  if (!version) return notFound();
  let cached = episodeJsonCache.get(slug, version.key);
  if (!cached) {
    const episode = await getEpisodeBySlug(slug);
    if (!episode) return notFound();
    const sourcing = await getSourcingSummaries([episode.id], version.cutoff);
    const body = JSON.stringify({ ...episodeJson(episode, ANONYMOUS), sourcing: sourcing.get(episode.id) ?? NO_SOURCING });
    cached = representationOf(body, "application/json; charset=utf-8");
    episodeJsonCache.set(slug, version.key, cached);
  }
  // Signed-in readers get the same bytes, kept private as before; a 304 and the codings are for everyone.
  const headers = new Headers({ "Cache-Control": isAnonymousRead(request) ? SHARED_CACHE_CONTROL : "private, no-cache" });
  return respondWithRepresentation(request, cached, headers);
}
