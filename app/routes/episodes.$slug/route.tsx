import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type HeadersFunction, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { COMMENT_FIELDS, type CommentActionData, type CommentField } from "~/components/episode/comment-form";
import { FlaggingProvider } from "~/components/episode/claim-flagger";
import { ClaimNavigator } from "~/components/episode/claim-navigator";
import { Discussion } from "~/components/episode/discussion";
import { EpisodeArticle, type EpisodeArticleData } from "~/components/episode/episode-article";
import type { CommentData, DiscussionViewer, ProgramSlugs, ThreadPageData } from "~/components/episode/types";
import { LiveRegion } from "~/components/ui/live-region";
import { absorbIslands } from "~/components/ui/island";
import { SharedFragment } from "~/components/ui/shared-fragment";
import { getClaimMarkers } from "~/models/claims/index.server";
import { CommentError, createComment, deleteOwnComment, editComment } from "~/models/comment.server";
import { findCommentPage, getEpisodeRef, getEpisodeVersion, presentCommentRows, type CommentViewer, type PageComment, type ResolvedBlock } from "~/models/episode.server";
import { CommentActionSchema } from "~/schemas/comment";
import { getUser, requireUserWithPermission } from "~/utils/auth.server";
import { getEpisodeWatchLevels } from "~/models/watch.server";
import { WatchControl } from "~/components/watch-control";
import type { CommentSort } from "~/utils/comment-tree";
import { formFailure, invariantResponse, parseForm, parseQuery, text, type FormErrors } from "~/utils/http";
import { episodePageData } from "~/utils/page-cache.server";
import { episodeHeader } from "~/models/presenters/episode";
import { readerOf } from "~/models/presenters/reader";
import { can } from "~/utils/permissions";
import { consume, RateLimitedError, refund, retryAfter, retryAfterHeaders } from "~/utils/rate-limit.server";
import { programNumbers } from "~/utils/linkify";
import { commentFragment, commentLabel, commentPermalink } from "~/utils/comment-anchor";
import { formatCalendarDate, linkableTexts, marksByTarget, presentComment, sectionExcerpt } from "./present";
import { pageFragmentKeys } from "./fragments.server";
import { PageIslands, type IslandHtml } from "./islands.server";
import { canonicalSearch, discussionSearch, EpisodePageQuerySchema, type EpisodePageQuery } from "./query";
import { sharedEpisode, sharedProgramSlugs, sharedThreadRows, type EpisodeVersion } from "./shared.server";

type LoadedPage = Awaited<ReturnType<typeof loadPage>>;

/**
 * A document carries the page's islands once, in its HTML: they go to the renderer through the load
 * context (entry.server.tsx), not into the hydration data. A data response (client-side navigation,
 * revalidation, "Load more comments") brings them along (ADR 0038).
 */
function pageData(context: AppLoadContext, page: LoadedPage) {
  type Sent = LoadedPage["payload"] & { islands?: IslandHtml };
  if (context.documentRequest) {
    context.islands = new Map(Object.entries(page.islands));
    return data<Sent>(page.payload);
  }
  // One object per loaded page, so a cached anonymous page is sent as it was kept.
  let sent = withIslands.get(page);
  if (!sent) withIslands.set(page, (sent = { ...page.payload, islands: page.islands }));
  return data<Sent>(sent);
}

const withIslands = new WeakMap<LoadedPage, LoadedPage["payload"] & { islands: IslandHtml }>();

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const [user, version] = await Promise.all([getUser(request), getEpisodeVersion(slug)]);
  invariantResponse(version, `No episode has the address “/episodes/${slug}”.`, { status: 404 });
  const url = new URL(request.url);
  const query = parseQuery(request, EpisodePageQuerySchema);
  // The page's own address: its validated query, without `?utm=`, `?reply=` or `?flag=`.
  const ownSearch = canonicalSearch(query);
  // Every reader's page is made from the parts all readers share at this version (shared.server.ts).
  if (user || request.method !== "GET") {
    const page = await loadPage(url, query, slug, user, version);
    // The renderer uses them for a GET document alone (entry.server.tsx): a form's answer is not in them.
    // Only at a page's own address: `?reply=`, `?flag=` or `?utm=` would each keep a copy for one reader.
    if (user && context.documentRequest && page.payload.part === "page" && url.search === ownSearch) {
      context.fragmentKeys = pageFragmentKeys(request, user, page.payload);
    }
    return pageData(context, page);
  }
  const key = `${url.pathname}${ownSearch}`;
  // Anonymous readers share one page per page key and content version (utils/page-cache.server.ts), read
  // with the grace period's end that the version was read with.
  let page = episodePageData.get(key, version.key) as LoadedPage | undefined;
  if (!page) {
    page = await loadPage(url, query, slug, null, version);
    episodePageData.set(key, version.key, page);
  }
  // The document renderer caches the HTML under the same version and key (entry.server.tsx). They go
  // through the request's load context, never a response header, so no client ever sees them.
  context.pageVersion = version.key;
  context.pageCacheKey = key;
  return pageData(context, page);
}

/** A 429 keeps its Retry-After on the document answer too. */
export const headers: HeadersFunction = ({ actionHeaders }) => retryAfterHeaders({ actionHeaders });

async function loadPage(url: URL, query: EpisodePageQuery, slug: string, user: Awaited<ReturnType<typeof getUser>>, version: EpisodeVersion) {
  // What each reader sees is decided by the presenters (app/models/presenters/).
  const viewer: CommentViewer = readerOf(user);
  const discussionViewer: DiscussionViewer = {
    signedIn: user !== null,
    canComment: can(user, "comment:create"),
    canFlag: can(user, "claim:flag"),
    signInHref: "",
  };
  // From the validated query, so that a page shared by anonymous readers carries none of one reader's extra parameters.
  discussionViewer.signInHref = `/login?${new URLSearchParams({ redirectTo: `${url.pathname}${canonicalSearch(query)}#comments` })}`;
  const { sort, cpage, c, part } = query;
  // The comment forms are rendered for the comment asked for alone; the others open in the browser (comment-thread.tsx).
  if (user) discussionViewer.openForm = query.reply ? { kind: "reply", anchor: query.reply } : query.flag ? { kind: "flag", anchor: query.flag } : null;
  const unknown = `No episode has the address “/episodes/${slug}”.`;
  const shared = await sharedEpisode(slug, version);
  invariantResponse(shared, unknown, { status: 404 });
  const { episode, sourcing } = shared;
  const islands = new PageIslands(slug, version);

  if (part === "comments") {
    discussionViewer.watch = user ? await getEpisodeWatchLevels(user.id, episode.id) : null;
    const discussion = await loadDiscussion(episode, cpage ?? 1, sort, viewer, version, islands);
    const payload = {
      part: "comments" as const,
      episode: { slug: episode.slug, title: episode.title, commentCount: episode.commentCount },
      discussion: discussion.page,
      viewer: discussionViewer,
    };
    return { payload, islands: islands.html };
  }

  discussionViewer.watch = user ? await getEpisodeWatchLevels(user.id, episode.id) : null;

  // ?c=N: the permalink of a comment on any page of the discussion. Fragments never reach the server,
  // so the answer is a redirect to the page holding it, with the fragment the original site used.
  if (c !== undefined && cpage === undefined) {
    const found = await findCommentPage({ episodeId: episode.id, anchor: c, sort });
    invariantResponse(found !== null, `“${episode.title}” has no comment ${commentLabel(c)}.`, { status: 404 });
    throw redirect(`/episodes/${episode.slug}${discussionSearch({ page: found.page, sort })}${commentFragment(found.anchor)}`);
  }

  const sectionIds = episode.sections.map((section) => section.id);
  const discussion = await loadDiscussion(episode, cpage ?? 1, sort, viewer, version, islands, { numbers: episodeProgramNumbers(episode), sectionIds });
  const { sectionMarks } = discussion;
  const article: EpisodeArticleData = {
    ...episodeHeader(episode),
    sourcing,
    publishedLabel: episode.publishedOn ? formatCalendarDate(episode.publishedOn) : null,
    commentCount: episode.commentCount,
    sections: episode.sections.map((section) => ({
      id: section.id,
      label: section.label,
      excerpt: sectionExcerpt(section.blocks),
      body: islands.section(section, sectionMarks("section", section.id), discussion.page.programSlugs),
    })),
  };
  const canonicalPage = discussion.page.page > 1 ? `?cpage=${discussion.page.page}` : "";
  const payload = {
    part: "page" as const,
    episode: article,
    description: describe(episode.summary, episode.intro, episode.sections.flatMap((section) => section.blocks)),
    canonical: `${url.origin}/episodes/${episode.slug}${canonicalPage}`,
    discussion: discussion.page,
    /** Claims marked on this page, for the next/previous-claim controls. */
    claimCount: discussion.claimCount,
    viewer: discussionViewer,
  };
  return { payload, islands: islands.html };
}

/**
 * Posting, replying, editing and deleting comments. Forms sent by JavaScript (`js=1`) get data and the
 * page revalidates in place; plain form posts are redirected to the comment (303).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "comment:create");
  const submission = await parseForm(request, CommentActionSchema, { fields: COMMENT_FIELDS });
  const formKey = text(submission.form.get("formKey")) || "new";
  const fail = (status: number, errors: FormErrors<CommentField>, headers?: HeadersInit) =>
    formFailure(status, submission, errors, { headers, extra: { ok: false as const, formKey } });

  if (!submission.ok) return fail(400, submission.errors);
  const slug = params.slug ?? "";

  let anchor: string;
  try {
    const input = submission.value;
    if (input.intent === "post-comment") {
      await consume("postByUser", user.id);
      // The insert finds the episode by its address itself: a reply is one statement (ADR 0040). A post it
      // refuses (no such episode, a parent gone) made nothing, so its point is given back.
      anchor = (
        await createComment({ episodeSlug: slug, parentId: input.parentId, author: user, body: input.body }).catch(async (error: unknown) => {
          if (error instanceof CommentError) await refund("postByUser", user.id);
          throw error;
        })
      ).anchor;
    } else {
      const episode = await getEpisodeRef(slug);
      invariantResponse(episode, `No episode has the address “/episodes/${slug}”.`, { status: 404 });
      if (input.intent === "edit-comment") {
        await requireUserWithPermission(request, "comment:edit-own");
        anchor = (await editComment({ commentId: input.commentId, editor: user, body: input.body })).anchor;
      } else {
        await requireUserWithPermission(request, "comment:delete-own");
        anchor = (await deleteOwnComment({ commentId: input.commentId, actor: user })).anchor;
      }
    }
  } catch (error) {
    if (error instanceof RateLimitedError) return fail(429, { form: error.message }, retryAfter(error));
    if (error instanceof CommentError) return fail(error.status, { form: error.message });
    throw error;
  }
  if (submission.form.get("js") === "1") return data<CommentActionData>({ ok: true, formKey, anchor });
  throw redirect(commentPermalink(slug, anchor), 303);
}

/** The program numbers the episode's own text refers to, found once per version (the episode is shared per version). */
const programNumbersOf = new WeakMap<object, number[]>();

function episodeProgramNumbers(episode: { intro: string[]; highlights: string[]; sections: { blocks: ResolvedBlock[] }[] }) {
  let numbers = programNumbersOf.get(episode);
  if (!numbers) {
    numbers = programNumbers([...episode.intro, ...episode.highlights, ...episode.sections.flatMap((section) => linkableTexts(section.blocks))]);
    programNumbersOf.set(episode, numbers);
  }
  return numbers;
}

/** The program numbers a page's comments refer to, found once for the comments a version's readers share. */
const commentNumbersOf = new WeakMap<readonly PageComment[], number[]>();

function commentProgramNumbers(comments: readonly PageComment[]) {
  let numbers = commentNumbersOf.get(comments);
  if (!numbers) commentNumbersOf.set(comments, (numbers = programNumbers(comments.flatMap((comment) => linkableTexts(comment.blocks)))));
  return numbers;
}

/** A comment's display data, made once per presented comment and island (its printed time is formatted there). */
const commentDataOf = new WeakMap<PageComment, { body: string; timeZone: string; data: CommentData }>();

function commentData(comment: PageComment, timeZone: string, body: string) {
  const kept = commentDataOf.get(comment);
  if (kept && kept.body === body && kept.timeZone === timeZone) return kept.data;
  const data = presentComment(comment, timeZone, body);
  commentDataOf.set(comment, { body, timeZone, data });
  return data;
}

/**
 * A page of threads, display-ready, with the slugs of the programs referred to in it (and in `numbers`:
 * the episode's own text on a full page), and the claim markers of the page's comments and of
 * `sectionIds` — the reader's own query, one for the whole page; the rest is shared (shared.server.ts).
 */
async function loadDiscussion(
  episode: { id: number; slug: string; title: string; timeZone: string },
  page: number,
  sort: CommentSort,
  viewer: CommentViewer,
  version: EpisodeVersion,
  islands: PageIslands,
  { numbers = [], sectionIds = [] }: { numbers?: number[]; sectionIds?: number[] } = {},
): Promise<{ page: ThreadPageData; sectionMarks: ReturnType<typeof marksByTarget>; claimCount: number }> {
  const { rows, ...threads } = await sharedThreadRows(episode.slug, episode.id, page, sort, version);
  invariantResponse(
    page <= threads.pageCount,
    threads.pageCount === 1
      ? `The discussion of “${episode.title}” has one page; there is no page ${page}.`
      : `The discussion of “${episode.title}” has ${threads.pageCount} pages; there is no page ${page}.`,
    { status: 404 },
  );
  const comments = presentCommentRows(rows, viewer);
  const [slugs, markers] = await Promise.all([
    sharedProgramSlugs(episode.slug, [...numbers, ...commentProgramNumbers(comments)], version),
    getClaimMarkers({ episodeId: episode.id, sectionIds, commentIds: comments.map((comment) => comment.id), viewer, cutoff: version.cutoff }),
  ]);
  const marks = marksByTarget(markers);
  // Markers are drawn in the sections and in the comments whose text is shown as it stands.
  const shown = new Set(comments.filter((comment) => comment.status === "visible").map((comment) => comment.id));
  const programSlugs = Object.fromEntries(slugs) as ProgramSlugs;
  return {
    page: {
      page: threads.page,
      pageCount: threads.pageCount,
      threadCount: threads.threadCount,
      threadsPerPage: threads.threadsPerPage,
      sort,
      comments: comments.map((comment) => commentData(comment, episode.timeZone, islands.comment(comment, marks("comment", comment.id), programSlugs))),
      programSlugs,
    },
    sectionMarks: marks,
    claimCount: new Set(markers.filter((marker) => marker.targetType === "section" || shown.has(marker.targetId)).map((marker) => marker.claimId)).size,
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
    {
      tagName: "link",
      rel: "alternate",
      type: "application/atom+xml",
      title: `Comments on ${data.episode.title}`,
      href: `/feeds/episodes/${data.episode.slug}/comments.xml`,
    },
    {
      tagName: "link",
      rel: "alternate",
      type: "application/atom+xml",
      title: `Claims in ${data.episode.title}`,
      href: `/feeds/episodes/${data.episode.slug}/claims.xml`,
    },
  ];
};

export default function EpisodeRoute() {
  const data = useLoaderData<typeof loader>();
  // Before the page's parts render: the islands a data response brought (components/ui/island.tsx).
  absorbIslands(data.islands);
  const { slug } = data.episode;
  const pageHref = useCallback(
    (page: number, { sort = "oldest", part }: { sort?: CommentSort; part?: "comments" } = {}) =>
      `/episodes/${slug}${discussionSearch({ page, sort, part })}`,
    [slug],
  );

  const discussion = (
    <Discussion
      key={`${data.discussion.sort}:${data.discussion.page}`}
      title={data.episode.title}
      commentCount={data.episode.commentCount}
      initialPage={data.discussion}
      pageHref={pageHref}
      viewer={data.viewer}
    />
  );

  if (data.part === "comments") {
    // The discussion page alone (what "Show more comments" appends), when it is opened as a page.
    return (
      <div>
        <p className="text-sm">
          <Link to={`/episodes/${slug}`}>← {data.episode.title}</Link>
        </p>
        {discussion}
      </div>
    );
  }

  const page = (
    <>
      {/* The shared fragments are the same for every member with the same view of them: rendered once, their HTML reused (ADR 0041). */}
      <SharedFragment name="article">
        <EpisodeArticle
          episode={data.episode}
          programSlugs={data.discussion.programSlugs}
          canFlag={data.viewer.canFlag}
          tools={<ClaimNavigator count={data.claimCount} />}
        />
      </SharedFragment>
      {data.viewer.watch ? (
        <div className="mx-auto mt-8 max-w-3xl rounded-md border border-stone-200 p-3 dark:border-stone-700">
          <WatchControl targetType="episode" targetId={data.viewer.watch.episodeId} level={data.viewer.watch.episode} label="Notifications for this episode" />
        </div>
      ) : null}
      <SharedFragment name="discussion">{discussion}</SharedFragment>
    </>
  );
  return <LiveRegion>{data.viewer.canFlag ? <FlaggingProvider>{page}</FlaggingProvider> : page}</LiveRegion>;
}
