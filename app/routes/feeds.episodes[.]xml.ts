import type { LoaderFunctionArgs } from "@remix-run/node";
import { listRecentEpisodes } from "~/models/episode.server";
import { addEntry, atomResponse, excerpt, newFeed, siteOrigin } from "~/utils/feeds.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = siteOrigin(request);
  const episodes = await listRecentEpisodes();
  const feed = newFeed({
    origin,
    path: "/feeds/episodes.xml",
    title: "Footnote — new episodes",
    description: "Programs and articles newly added to the Footnote archive.",
    // An empty archive: the feed says when it was made (never 1970).
    updated: episodes[0]?.createdAt ?? new Date(),
  });
  for (const episode of episodes) {
    const link = `${origin}/episodes/${episode.slug}`;
    addEntry(feed, {
      id: link,
      link,
      title: episode.title,
      description: excerpt(episode.summary ?? episode.intro[0] ?? ""),
      date: episode.createdAt,
      published: episode.createdAt,
      author: episode.author ? [{ name: episode.author }] : undefined,
    });
  }
  return atomResponse(request, feed);
}
