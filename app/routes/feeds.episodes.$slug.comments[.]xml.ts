import type { LoaderFunctionArgs } from "@remix-run/node";
import { listRecentComments } from "~/models/comment.server";
import { getEpisodeRef } from "~/models/episode.server";
import { addComments, atomResponse, newFeed, siteOrigin } from "~/utils/feeds.server";
import { invariantResponse } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const episode = await getEpisodeRef(params.slug ?? "");
  invariantResponse(episode, `No episode has the address "${params.slug}".`, { status: 404 });
  const origin = siteOrigin(request);
  const comments = await listRecentComments({ episodeId: episode.id });
  const path = `/feeds/episodes/${episode.slug}/comments.xml`;
  const feed = newFeed({
    origin,
    path,
    title: `Footnote — comments on “${episode.title}”`,
    description: `The discussion of “${episode.title}”.`,
    updated: comments[0]?.postedAt ?? episode.createdAt,
  });
  addComments(feed, origin, comments);
  return atomResponse(request, feed);
}
