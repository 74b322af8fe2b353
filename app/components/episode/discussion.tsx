import { Link, useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { buildCommentTree, type CommentSort } from "~/utils/comment-tree";
import { absorbIslands } from "~/components/ui/island";
import { CommentForm } from "./comment-form";
import { CommentThreads, revealComment } from "./comment-thread";
import type { DiscussionViewer, ThreadPageData } from "./types";

export type DiscussionProps = {
  title: string;
  commentCount: number;
  /** The page of threads the server rendered. */
  initialPage: ThreadPageData;
  /** Address of a page of the discussion; `part: "comments"` asks for that page's data alone. */
  pageHref: (page: number, options?: { sort?: CommentSort; part?: "comments" }) => string;
  viewer: DiscussionViewer;
};

const SORT_LABELS: Record<CommentSort, string> = { oldest: "Oldest first", newest: "Newest first" };

/**
 * The comments, a page of threads at a time. "Load more comments" is a link to the next page (it works
 * without JavaScript); with JavaScript it appends that page below the threads already shown.
 */
export function Discussion({ title, commentCount, initialPage, pageHref, viewer }: DiscussionProps) {
  const { sort } = initialPage;
  const fetcher = useFetcher<{ discussion: ThreadPageData; islands?: Record<string, string> }>();
  // Before the appended threads render: the islands holding their text (components/ui/island.tsx).
  absorbIslands(fetcher.data?.islands);
  const [morePages, setMorePages] = useState<ThreadPageData[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const pageLists = useRef(new Map<number, HTMLOListElement>());

  useEffect(() => {
    const next = fetcher.data?.discussion;
    if (!next || next.sort !== sort) return;
    setMorePages((pages) => (pages.some((page) => page.page === next.page) || next.page <= initialPage.page ? pages : [...pages, next]));
  }, [fetcher.data, sort, initialPage.page]);

  const lastPage = morePages.at(-1) ?? initialPage;
  const pages = useMemo(() => [initialPage, ...morePages], [initialPage, morePages]);

  // Keyboard and screen-reader users continue where the new threads begin.
  const appended = morePages.at(-1)?.page;
  useEffect(() => {
    if (appended === undefined) return;
    pageLists.current.get(appended)?.focus();
    const added = morePages.at(-1)!;
    const threads = Math.min(added.threadsPerPage, added.threadCount - (added.page - 1) * added.threadsPerPage);
    setAnnouncement(`${threads} more ${threads === 1 ? "thread" : "threads"} of comments shown.`);
  }, [appended, morePages]);

  const shownFrom = (initialPage.page - 1) * initialPage.threadsPerPage + 1;
  const shownTo = Math.min(lastPage.page * lastPage.threadsPerPage, lastPage.threadCount);
  const hasMore = lastPage.page < lastPage.pageCount;
  const loading = fetcher.state !== "idle";
  const onPage = new Set(pages.flatMap((page) => page.comments.map((comment) => comment.anchor)));
  // A comment on this page is one fragment away; one elsewhere is found by the server (?c=N).
  const permalink = (anchor: string) => (onPage.has(anchor) ? `#comment-${anchor}` : `?c=${anchor}#comment-${anchor}`);
  // Where a comment's Reply and "Flag a claim" lead without JavaScript: its page of the discussion with that form open.
  const pageOf = new Map(pages.flatMap((page) => page.comments.map((comment) => [comment.anchor, page.page] as const)));
  const formHref = (kind: "reply" | "flag", anchor: string) => {
    const href = pageHref(pageOf.get(anchor) ?? initialPage.page, { sort });
    return `${href}${href.includes("?") ? "&" : "?"}${kind}=${encodeURIComponent(anchor)}#comment-${anchor}`;
  };

  function showMore(event: MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (!loading) fetcher.load(pageHref(lastPage.page + 1, { sort, part: "comments" }));
  }

  return (
    <section aria-labelledby="discussion-title" className="mt-16 max-w-3xl border-t border-stone-200 pt-10 dark:border-stone-800">
      <h2 id="discussion-title" className="font-sans text-sm font-semibold uppercase tracking-wider text-stone-500 dark:text-stone-400">
        Discussion
      </h2>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <h3 id="comments" className="scroll-mt-12 text-balance font-serif text-xl font-semibold leading-snug sm:text-2xl">
          {commentCount === 0 ? (
            <>No comments yet on “{title}”</>
          ) : (
            <>
              {commentCount === 1 ? "1 comment" : `${commentCount} comments`} for “{title}”
            </>
          )}
        </h3>
        {initialPage.threadCount > 1 ? <SortControl sort={sort} pageHref={pageHref} /> : null}
      </div>

      <NewCommentBox viewer={viewer} />

      {initialPage.page > 1 ? (
        <p className="mt-6 text-sm">
          <Link to={`${pageHref(initialPage.page - 1, { sort })}#comments`}>← Earlier comments</Link>
        </p>
      ) : null}

      {pages.map((page) => (
        <ol
          key={page.page}
          ref={(element) => {
            if (element) pageLists.current.set(page.page, element);
            else pageLists.current.delete(page.page);
          }}
          tabIndex={page === initialPage ? undefined : -1}
          aria-label={page === initialPage ? undefined : `Comments, page ${page.page}`}
          className="mt-6 space-y-6 focus:outline-none"
        >
          <CommentThreads nodes={buildCommentTree(page.comments, { sort })} permalink={permalink} formHref={formHref} viewer={viewer} />
        </ol>
      ))}

      {initialPage.threadCount > initialPage.threadsPerPage ? (
        <div className="mt-8 flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-4 text-sm dark:border-stone-800">
          <p className="text-stone-500 dark:text-stone-400">
            Threads {shownFrom}–{shownTo} of {lastPage.threadCount}
          </p>
          {hasMore ? (
            <a
              href={`${pageHref(lastPage.page + 1, { sort })}#comments`}
              onClick={showMore}
              aria-disabled={loading || undefined}
              className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold text-stone-800 no-underline shadow-xs hover:border-accent-600 hover:no-underline dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
            >
              {loading ? "Loading comments…" : "Load more comments"}
            </a>
          ) : null}
        </div>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}

/** Order of the threads, as two links styled as one segmented control. */
function SortControl({ sort, pageHref }: { sort: CommentSort; pageHref: DiscussionProps["pageHref"] }) {
  return (
    <nav aria-label="Order of comments" className="inline-flex rounded-md border border-stone-300 p-0.5 text-sm dark:border-stone-700">
      {(Object.keys(SORT_LABELS) as CommentSort[]).map((option) => (
        <Link
          key={option}
          to={`${pageHref(1, { sort: option })}#comments`}
          aria-current={option === sort ? "true" : undefined}
          preventScrollReset
          className={`rounded px-3 py-1.5 font-medium no-underline hover:no-underline ${
            option === sort
              ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900"
              : "text-stone-600 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-stone-100"
          }`}
        >
          {SORT_LABELS[option]}
        </Link>
      ))}
    </nav>
  );
}

/** The form for a new top-level comment, or what a reader must do to get one. */
function NewCommentBox({ viewer }: { viewer: DiscussionViewer }) {
  const navigate = useNavigate();
  if (!viewer.signedIn) {
    return (
      <p className="mt-6 rounded-lg border border-dashed border-stone-300 px-4 py-3 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-300">
        <Link to={viewer.signInHref} className="underline">Sign in</Link> or <Link to="/signup" className="underline">create an account</Link> to join the discussion.
      </p>
    );
  }
  if (!viewer.canComment) {
    return (
      <p className="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
        Your account is suspended, so you cannot comment.
      </p>
    );
  }
  return (
    <div className="mt-6 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <CommentForm intent="post-comment" formKey="new" label="Add a comment" submitLabel="Post comment" onDone={(anchor) => revealComment(anchor, () => navigate(`?c=${anchor}#comment-${anchor}`))}
      />
    </div>
  );
}
