import { Link } from "@remix-run/react";
import { useRef, useState } from "react";
import type { CommentNode } from "~/utils/comment-tree";
import { Island } from "~/components/ui/island";
import { FlagSentenceControls, useSentenceTarget } from "./claim-flagger";
import { FallbackFlagForm } from "./fallback-flag-form";
import { WatchControl } from "~/components/watch-control";
import { CommentForm, DeleteCommentForm } from "./comment-form";
import type { CommentData, DiscussionViewer } from "./types";
import { Time } from "~/components/ui/time";
import { formatUtc, toDate } from "~/utils/time-format";

type Node = CommentNode<CommentData>;

type ThreadContext = {
  /** The permalink of a comment: "#comment-N" when it is on this page of the discussion. */
  permalink: (anchor: string) => string;
  /** Where a comment's Reply or "Flag a claim" leads without JavaScript: the page with that form open. */
  formHref: (kind: "reply" | "flag", anchor: string) => string;
  viewer: DiscussionViewer;
};

/**
 * Brings a comment just posted or edited into view and gives it the focus; `elsewhere` is called when it
 * is on a page of the discussion not shown (a new thread lands last, oldest first).
 */
export function revealComment(anchor: string, elsewhere?: () => void) {
  requestAnimationFrame(() => {
    const element = document.getElementById(`comment-${anchor}`);
    if (!element) return elsewhere?.();
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
  });
}

/** Threads as nested lists: a reply sits under its parent, indented behind a rule, collapsible with its subtree. */
export function CommentThreads({ nodes, ...context }: { nodes: Node[] } & ThreadContext) {
  return (
    <>
      {nodes.map((node) => (
        <li key={node.comment.id}>
          <CommentSubtree node={node} {...context} />
        </li>
      ))}
    </>
  );
}

function CommentSubtree({ node, ...context }: { node: Node } & ThreadContext) {
  const count = node.replyCount;
  const replies = count === 1 ? "1 reply" : `${count} replies`;
  return (
    <>
      <CommentArticle node={node} {...context} />
      {node.replies.length > 0 ? (
        // <details> collapses without JavaScript; the summary's words follow its state through CSS alone.
        <details open className="mt-2">
          <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded px-1 py-1 text-sm font-medium text-stone-600 select-none before:mx-0.5 before:block before:size-1.5 before:-rotate-45 before:border-r-[1.5px] before:border-b-[1.5px] before:border-current before:transition-transform hover:text-stone-900 [details[open]>&]:before:rotate-45 dark:text-stone-400 dark:hover:text-stone-100 [&::-webkit-details-marker]:hidden">
            <span className="[details[open]>summary>&]:hidden">Show {replies}</span>
            <span className="[details:not([open])>summary>&]:hidden">Hide {replies}</span>
          </summary>
          <ol className="mt-2 ml-1.5 space-y-4 border-l-2 border-stone-200 pl-3 sm:ml-2.5 sm:pl-5 dark:border-stone-700">
            {node.replies.map((reply) => (
              <li key={reply.comment.id}>
                <CommentSubtree node={reply} {...context} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}

const IMPORTED_TITLE = "Imported from the original page; not a Footnote account";

function CommentArticle({ node, permalink, formHref, viewer }: { node: Node } & ThreadContext) {
  const { comment, replyingTo } = node;
  const id = `comment-${comment.anchor}`;
  const targetProps = useSentenceTarget(`comment:${comment.id}`);
  return (
    <article
      id={id}
      tabIndex={-1}
      aria-label={`Comment #${comment.anchor} by ${comment.authorName}`}
      className="scroll-mt-4 rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-600 border border-stone-200 bg-white px-3.5 py-3 shadow-xs sm:px-5 sm:py-4 dark:border-stone-800 dark:bg-stone-900 target:border-accent-600 target:bg-accent-50 target:ring-2 target:ring-accent-600/70 dark:target:border-accent-300 dark:target:bg-stone-800 dark:target:ring-accent-300/70"
    >
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
        <h4 className="font-semibold text-stone-900 dark:text-stone-100">{comment.authorName}</h4>
        {comment.imported ? (
          <span
            title={IMPORTED_TITLE}
            className="rounded-full border border-stone-300 px-1.5 text-[0.7rem] font-medium leading-4 text-stone-500 dark:border-stone-600 dark:text-stone-400"
          >
            imported
          </span>
        ) : null}
        <Time date={comment.postedAt} printed={comment.printed} className="text-stone-500 dark:text-stone-400" />
        {comment.editedAt ? (
          <Link
            to={`/comments/${comment.id}/history`}
            title={`Edited ${formatUtc(toDate(comment.editedAt))}: see earlier versions`}
            className="text-stone-500 italic dark:text-stone-400"
          >
            edited
          </Link>
        ) : null}
        <a
          href={permalink(comment.anchor)}
          title="Link to this comment"
          className="ml-auto text-stone-500 tabular-nums no-underline hover:underline dark:text-stone-400"
        >
          #{comment.anchor}
        </a>
      </header>
      {replyingTo ? (
        <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          <span aria-hidden="true">↳ </span>replying to <a href={permalink(replyingTo.anchor)}>{replyingTo.authorName}</a>
        </p>
      ) : null}
      <div
        className="mt-2 max-w-[70ch] space-y-[0.85em] text-[0.9375rem] leading-relaxed sm:text-base text-stone-800 dark:text-stone-200 [overflow-wrap:break-word]"
        {...(comment.status === "visible" ? targetProps : {})}
      >
        {comment.notice ? <p className="italic text-stone-500 dark:text-stone-400">{comment.notice}</p> : null}
        {comment.body ? <Island islandKey={comment.body} className="space-y-[0.85em]" /> : null}
      </div>
      <CommentActions comment={comment} viewer={viewer} formHref={formHref} />
    </article>
  );
}

/**
 * Reply, flag, edit and delete. Reply and "Flag a claim" are under every comment, so their forms are
 * rendered when opened, not with the page (a page of a hundred comments would carry two hundred forms):
 * with JavaScript they open in place; without it they lead to the page with that one form open.
 */
function CommentActions({ comment, viewer, formHref }: { comment: CommentData; viewer: DiscussionViewer; formHref: ThreadContext["formHref"] }) {
  if (comment.status !== "visible") return null;
  if (!viewer.signedIn) return null;
  const detailsClass = "group [&[open]]:basis-full";
  const isOpen = (kind: "reply" | "flag") => viewer.openForm?.kind === kind && viewer.openForm.anchor === comment.anchor;
  const summaryClass =
    "cursor-pointer list-none text-sm font-medium text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-stone-100 [&::-webkit-details-marker]:hidden";
  return (
    <div className="mt-3 flex flex-wrap items-start gap-x-4 gap-y-2">
      {viewer.canComment ? (
        <ReplyAction comment={comment} href={formHref("reply", comment.anchor)} open={isOpen("reply")} linkClass={summaryClass} />
      ) : null}
      {viewer.canFlag ? (
        <>
          <FlagSentenceControls target={`comment:${comment.id}`} label={`Flag a sentence in comment #${comment.anchor}`} />
          <FallbackFlagForm
            targetType="comment"
            targetId={comment.id}
            label="Flag a claim"
            summaryClass={summaryClass}
            lazy={{ href: formHref("flag", comment.anchor), open: isOpen("flag") }}
          />
        </>
      ) : null}
      {comment.source !== null && viewer.canComment ? (
        <>
          <EditAction comment={comment} source={comment.source} detailsClass={detailsClass} summaryClass={summaryClass} />
          <DeleteCommentForm commentId={comment.id} anchor={comment.anchor} />
        </>
      ) : null}
      {viewer.watch && comment.parentId === null ? (
        <WatchControl targetType="thread" targetId={comment.id} level={viewer.watch.threads[String(comment.id)] ?? null} label={`Notifications for the thread of comment #${comment.anchor}`} compact />
      ) : null}
    </div>
  );
}

/** "Reply": a link to the page with this comment's reply form open, which JavaScript opens in place instead. */
function ReplyAction({ comment, href, open: openAtFirst, linkClass }: { comment: CommentData; href: string; open: boolean; linkClass: string }) {
  const [open, setOpen] = useState(openAtFirst);
  return (
    <div className={open ? "basis-full" : undefined}>
      <a
        href={href}
        aria-expanded={open}
        className={`${linkClass} no-underline`}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
          event.preventDefault();
          setOpen(!open);
        }}
      >
        Reply
      </a>
      {open ? (
        <div className="mt-2">
          <CommentForm
            intent="post-comment"
            formKey={`reply:${comment.id}`}
            parentId={comment.id}
            label={`Reply to ${comment.authorName}`}
            submitLabel="Post reply"
            onDone={(anchor) => {
              setOpen(false);
              revealComment(anchor);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

/** "Edit": the author's form in a <details>, which opens without JavaScript; saving closes it. */
function EditAction({ comment, source, detailsClass, summaryClass }: { comment: CommentData; source: string; detailsClass: string; summaryClass: string }) {
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details ref={details} className={detailsClass}>
      <summary className={summaryClass}>Edit</summary>
      <div className="mt-2">
        <CommentForm
          intent="edit-comment"
          formKey={`edit:${comment.id}`}
          commentId={comment.id}
          defaultBody={source}
          label={`Edit your comment #${comment.anchor}`}
          submitLabel="Save changes"
          onDone={(anchor) => {
            details.current?.removeAttribute("open");
            revealComment(anchor);
          }}
        />
      </div>
    </details>
  );
}
