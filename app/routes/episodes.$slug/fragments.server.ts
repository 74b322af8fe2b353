// The shared fragments of the episode page (ADR 0041, components/ui/shared-fragment.tsx).
import { createHash } from "node:crypto";
import type { SessionUser } from "~/models/session.server";
import type { DiscussionViewer, ProgramSlugs, ThreadPageData } from "~/components/episode/types";
import type { EpisodeArticleData } from "~/components/episode/episode-article";

type PagePayload = {
  episode: EpisodeArticleData;
  discussion: ThreadPageData;
  viewer: DiscussionViewer;
  claimCount: number;
};

/**
 * The keys of a signed-in page's shared fragments, each a hash of everything the fragment is rendered
 * from: the address (its query, which components read too), the reader's role, and the props of the
 * fragment's components — which hold the reader's own view of the page: their comments, their watches,
 * an open form, the claim markers they may see (through the islands' keys, drawn from the islands' HTML).
 * Two readers with the same key get the same HTML; any difference in what a fragment is made from is a
 * different key, so a reader's page is never made of another reader's parts.
 */
export function pageFragmentKeys(request: Request, user: SessionUser, { episode, discussion, viewer, claimCount }: PagePayload) {
  const { pathname, search } = new URL(request.url);
  const key = (...parts: unknown[]) => createHash("sha256").update(JSON.stringify([`${pathname}${search}`, user.role, ...parts])).digest("base64url");
  const programSlugs: ProgramSlugs = discussion.programSlugs;
  return new Map([
    // <EpisodeArticle> and its <ClaimNavigator> (route.tsx).
    ["article", key("article", episode, programSlugs, viewer.canFlag, claimCount)],
    // <Discussion>: the episode's title, count and address, its page of threads, the reader's viewer.
    ["discussion", key("discussion", episode.slug, episode.title, episode.commentCount, discussion, viewer)],
  ]);
}
