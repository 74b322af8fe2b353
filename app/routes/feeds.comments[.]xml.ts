import type { LoaderFunctionArgs } from "@remix-run/node";
import { listRecentComments } from "~/models/comment.server";
import { addComments, atomResponse, newFeed, siteOrigin } from "~/utils/feeds.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = siteOrigin(request);
  const comments = await listRecentComments();
  const feed = newFeed({
    origin,
    path: "/feeds/comments.xml",
    title: "Footnote — new comments",
    description: "The newest comments on every episode.",
    // Nothing posted yet anywhere: the feed says when it was made (never 1970).
    updated: comments[0]?.postedAt ?? new Date(),
  });
  addComments(feed, origin, comments);
  return atomResponse(request, feed);
}
