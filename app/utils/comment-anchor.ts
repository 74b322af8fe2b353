// A comment's name on its page (ADR 0034): "10" for the original page's 10th comment, "L3" for the third
// comment posted on Footnote. The two numberings never collide, so a permalink never changes.

/** What `?c=` accepts: a page number or an L-number. */
export const COMMENT_ANCHOR_PATTERN = /^L?[1-9]\d{0,8}$/;

/** The fragment of a comment on its episode's page. */
export function commentFragment(anchor: string) {
  return `#comment-${anchor}`;
}

/** A link to a comment wherever it is in the discussion: `?c=` finds its page, the fragment scrolls to it. */
export function commentPermalink(slug: string, anchor: string) {
  return `/episodes/${slug}?c=${anchor}${commentFragment(anchor)}`;
}

/** How a comment is named in text: "#10", "#L3". */
export function commentLabel(anchor: string) {
  return `#${anchor}`;
}
