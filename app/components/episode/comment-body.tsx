import { Blocks, FOLD_SUMMARY_CLASS } from "./blocks";
import type { CommentBodyData, ProgramSlugs } from "./types";

/**
 * A comment's text: its rendered Markdown (a long one folded under "Show more") or its imported blocks.
 * Rendered on the server into the comment's island (routes/episodes.$slug/islands.server.tsx).
 */
export function CommentBody({ body, programSlugs }: { body: CommentBodyData; programSlugs: ProgramSlugs }) {
  if (body.html === null) return <Blocks blocks={body.blocks} programSlugs={programSlugs} marks={body.marks} collapseLong />;
  // Markdown rendered by markdown-it with raw HTML off, then sanitized to an allowlist (utils/markdown.server).
  return (
    <>
      <div className="comment-markdown" dangerouslySetInnerHTML={{ __html: body.html }} />
      {body.htmlMore ? <MoreMarkdown more={body.htmlMore} /> : null}
    </>
  );
}

/** The folded rest of a long Markdown comment; open when a claim is marked in it. Its label is drawn outside the text (data-ui-text). */
function MoreMarkdown({ more }: { more: NonNullable<CommentBodyData["htmlMore"]> }) {
  const label = `Show more (${more.words.toLocaleString("en")} more words)`;
  return (
    <details data-comment-more="" open={more.html.includes("<mark ") || undefined} className="group/more">
      <summary className={FOLD_SUMMARY_CLASS} aria-label={label}>
        <span data-ui-text={label} className="group-open/more:hidden" />
        <span data-ui-text="Show less" className="hidden group-open/more:inline" />
      </summary>
      <div className="comment-markdown mt-[0.85em]" dangerouslySetInnerHTML={{ __html: more.html }} />
    </details>
  );
}
