import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { Discussion } from "~/components/episode/discussion";
import { EpisodeArticle, type EpisodeArticleData } from "~/components/episode/episode-article";
import type { ProgramSlugs, ThreadPageData } from "~/components/episode/types";
import {
  findCommentPage,
  getCommentThreadPage,
  getEpisodeHeading,
  getEpisodePage,
  getProgramSlugs,
  type CommentViewer,
  type ResolvedBlock,
} from "~/models/episode.server";
import { firstIssue } from "~/schemas/pagination";
import type { CommentSort } from "~/utils/comment-tree";
import { invariantResponse } from "~/utils/http";
import { programNumbers } from "~/utils/linkify";
import { formatCalendarDate, linkableTexts, presentBlocks, presentComment } from "./present";
import { discussionSearch, EpisodePageQuerySchema } from "./query";

// Until comment moderation ships, every reader sees hidden comments as their placeholder; that issue
// passes the signed-in reader here (visibleBody in the model decides what each reader sees).
const VIEWER: CommentViewer = null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = EpisodePageQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) invariantResponse(false, firstIssue(query.error), { status: 400 });
  const { sort, cpage, c, part } = query.data;
  const slug = params.slug ?? "";
  const unknown = `No episode has the address “/episodes/${slug}”.`;

  if (part === "comments") {
    const episode = await getEpisodeHeading(slug);
    invariantResponse(episode, unknown, { status: 404 });
    const discussion = await loadDiscussion(episode, cpage ?? 1, sort);
    return { part: "comments" as const, episode: { slug: episode.slug, title: episode.title, commentCount: episode.commentCount }, discussion };
  }

  const episode = await getEpisodePage(slug);
  invariantResponse(episode, unknown, { status: 404 });

  // ?c=N: the permalink of a comment on any page of the discussion. Fragments never reach the server,
  // so the answer is a redirect to the page holding it, with the fragment the original site used.
  if (c !== undefined && cpage === undefined) {
    const page = await findCommentPage({ episodeId: episode.id, ordinal: c, sort });
    invariantResponse(page !== null, `“${episode.title}” has no comment #${c}.`, { status: 404 });
    throw redirect(`/episodes/${episode.slug}${discussionSearch({ page, sort })}#comment-${c}`);
  }

  const texts = [...episode.intro, ...episode.highlights, ...episode.sections.flatMap((section) => linkableTexts(section.blocks))];
  const discussion = await loadDiscussion(episode, cpage ?? 1, sort, texts);
  const article: EpisodeArticleData = {
    kind: episode.kind,
    number: episode.number,
    title: episode.title,
    publication: episode.publication,
    author: episode.author,
    recordingNote: episode.recordingNote,
    summary: episode.summary,
    authorBio: episode.authorBio,
    intro: episode.intro,
    highlights: episode.highlights,
    publishedLabel: episode.publishedOn ? formatCalendarDate(episode.publishedOn) : null,
    commentCount: episode.commentCount,
    sections: episode.sections.map((section) => ({ label: section.label, blocks: presentBlocks(section.blocks) })),
  };
  const canonicalPage = discussion.page > 1 ? `?cpage=${discussion.page}` : "";
  return {
    part: "page" as const,
    episode: { slug: episode.slug, ...article },
    description: describe(episode.summary, episode.intro, episode.sections.flatMap((section) => section.blocks)),
    canonical: `${url.origin}/episodes/${episode.slug}${canonicalPage}`,
    discussion,
  };
}

/**
 * A page of threads, display-ready, with the slugs of the programs referred to in it (and in `texts`:
 * the episode's own text on a full page): one query for all the page's cross-references.
 */
async function loadDiscussion(
  episode: { id: number; title: string; timeZone: string },
  page: number,
  sort: CommentSort,
  texts: string[] = [],
): Promise<ThreadPageData> {
  const threads = await getCommentThreadPage({ episodeId: episode.id, page, sort, viewer: VIEWER });
  invariantResponse(
    page <= threads.pageCount,
    threads.pageCount === 1
      ? `The discussion of “${episode.title}” has one page; there is no page ${page}.`
      : `The discussion of “${episode.title}” has ${threads.pageCount} pages; there is no page ${page}.`,
    { status: 404 },
  );
  const slugs = await getProgramSlugs(programNumbers([...texts, ...threads.comments.flatMap((comment) => linkableTexts(comment.blocks))]));
  return {
    page: threads.page,
    pageCount: threads.pageCount,
    threadCount: threads.threadCount,
    threadsPerPage: threads.threadsPerPage,
    sort,
    comments: threads.comments.map((comment) => presentComment(comment, episode.timeZone)),
    programSlugs: Object.fromEntries(slugs) as ProgramSlugs,
  };
}

/** A search-result description: the dek, else the start of the introduction or of the text. */
function describe(summary: string | null, intro: string[], blocks: ResolvedBlock[]) {
  const text = summary ?? intro[0] ?? linkableTexts(blocks)[0] ?? "";
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= 160) return flat;
  return `${flat.slice(0, 159).replace(/\s+\S*$/, "")}…`;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Not found — Footnote" }];
  if (data.part === "comments") return [{ title: `Comments on ${data.episode.title} — Footnote` }, { name: "robots", content: "noindex" }];
  return [
    { title: `${data.episode.title} — Footnote` },
    { name: "description", content: data.description },
    { property: "og:title", content: data.episode.title },
    { property: "og:description", content: data.description },
    { tagName: "link", rel: "canonical", href: data.canonical },
  ];
};

export default function EpisodeRoute() {
  const data = useLoaderData<typeof loader>();
  const { slug } = data.episode;
  const pageHref = useCallback(
    (page: number, { sort = "oldest", part }: { sort?: CommentSort; part?: "comments" } = {}) =>
      `/episodes/${slug}${discussionSearch({ page, sort, part })}`,
    [slug],
  );

  if (data.part === "comments") {
    // The discussion page alone (what "Show more comments" appends), when it is opened as a page.
    return (
      <div>
        <p className="text-sm">
          <Link to={`/episodes/${slug}`}>← {data.episode.title}</Link>
        </p>
        <Discussion
          key={`${data.discussion.sort}:${data.discussion.page}`}
          title={data.episode.title}
          commentCount={data.episode.commentCount}
          initialPage={data.discussion}
          pageHref={pageHref}
        />
      </div>
    );
  }

  return (
    <>
      <EpisodeArticle episode={data.episode} programSlugs={data.discussion.programSlugs} />
      <Discussion
        key={`${data.discussion.sort}:${data.discussion.page}`}
        title={data.episode.title}
        commentCount={data.episode.commentCount}
        initialPage={data.discussion}
        pageHref={pageHref}
      />
    </>
  );
}
