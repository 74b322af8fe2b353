// Atom feeds. Summaries are `type="html"`, which readers render as HTML: every user- or
// import-supplied text is HTML-escaped first, so markup in a comment shows as text in a reader, and
// characters XML 1.0 forbids (control characters such as ESC, which older comments may hold) are dropped.
import { Feed, type Item } from "feed";
import type { FeedComment } from "~/models/comment.server";
import { feedCommentAuthor } from "~/models/comment.server";
import { cacheForAnonymous } from "~/utils/http-cache.server";
import { xmlSafe } from "~/utils/input";
import { commentFragment, commentLabel, commentPermalink } from "~/utils/comment-anchor";

export function siteOrigin(request: Request) {
  return new URL(request.url).origin;
}

const EXCERPT_LENGTH = 600;

/** The start of `text` on one line, HTML-escaped for a feed summary. */
export function excerpt(text: string, length = EXCERPT_LENGTH) {
  const flat = xmlSafe(text).replace(/\s+/g, " ").trim();
  return escapeHtml(flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`);
}

/**
 * Every feed's one way to add an entry: the feed package writes entry titles as `type="html"`, so the
 * title — plain text here (an episode's title, an author's name, a claim's words) — is escaped like a summary.
 */
export function addEntry(feed: Feed, { title, ...entry }: Item) {
  feed.addItem({ ...entry, title: escapeHtml(xmlSafe(title).replace(/\s+/g, " ").trim()) });
}

export function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function newFeed({ origin, path, title, description, updated }: { origin: string; path: string; title: string; description: string; updated: Date }) {
  return new Feed({
    id: `${origin}${path}`,
    title,
    description,
    link: origin,
    language: "en",
    updated,
    generator: "Footnote",
    favicon: `${origin}/favicon.svg`,
    copyright: "The authors of the programs, articles and comments",
    feedLinks: { atom: `${origin}${path}` },
  });
}

export function addComments(feed: Feed, origin: string, comments: FeedComment[]) {
  for (const comment of comments) {
    addEntry(feed, {
      // The id stays the address it always had; the link finds the comment on whichever page holds it.
      id: `${origin}/episodes/${comment.episode.slug}${commentFragment(comment.anchor)}`,
      link: `${origin}${commentPermalink(comment.episode.slug, comment.anchor)}`,
      title: `${feedCommentAuthor(comment)} on “${comment.episode.title}” (${commentLabel(comment.anchor)})`,
      description: excerpt(comment.body),
      date: comment.postedAt,
      published: comment.postedAt,
      author: [{ name: feedCommentAuthor(comment) }],
    });
  }
}

export function atomResponse(request: Request, feed: Feed) {
  // The whole document, so that no title, name or summary can carry a forbidden character into it.
  const response = new Response(xmlSafe(feed.atom1()), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
  return cacheForAnonymous(request, response);
}
