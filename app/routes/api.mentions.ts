// Suggestions for the @mention being typed in a comment: members who took part in the thread (or the
// episode), whose name starts with what was typed. Signed-in commenters only; JSON, never cached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEpisodeRef } from "~/models/episode.server";
import { listMentionCandidates } from "~/models/watch.server";
import { MentionQuerySchema } from "~/schemas/watch";
import { requireUserWithPermission } from "~/utils/auth.server";
import { invariantResponse, jsonResponse, parseQuery } from "~/utils/http";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "comment:create", { redirectToSignIn: false });
  const query = parseQuery(request, MentionQuerySchema);
  const episode = await getEpisodeRef(query.episode);
  invariantResponse(episode, "No such episode.", { status: 404 });
  const names = await listMentionCandidates({ episodeId: episode.id, threadId: query.thread ?? null, prefix: query.q });
  return jsonResponse({ names }, { headers: { "Cache-Control": "private, no-store" } });
}
