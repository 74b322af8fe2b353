// The notification presenter: what happened, in words, and where to see it — the same words on the
// notifications page, in the private feed and in mail. Comment text has already passed the comment
// presenter (listNotifications); this only phrases.
import { commentPermalink } from "~/utils/comment-anchor";
export type NotificationRow = {
  id: number;
  kind: string;
  /** Of a "new comments" notification: how many comments it stands for, counted when read (1 for the others). */
  count: number;
  readAt: Date | null;
  createdAt: Date;
  actor: { username: string } | null;
  episode: { slug: string; title: string } | null;
  comment: { anchor: string; body: string | null; episode: { slug: string; title: string } } | null;
  claim: { id: number; exact: string; state: string } | null;
};

export type NotificationText = { text: string; path: string | null; excerpt: string | null };

export function excerptOf(text: string, length = 200) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

const commentPath = (comment: NonNullable<NotificationRow["comment"]>) => commentPermalink(comment.episode.slug, comment.anchor);

export function describeNotification(notification: NotificationRow): NotificationText {
  const actor = notification.actor?.username ?? "Someone";
  const comment = notification.comment;
  const claim = notification.claim;
  const excerpt = comment?.body ? excerptOf(comment.body) : null;
  if (notification.kind === "new-comments" && (notification.episode ?? comment)) {
    const episode = notification.episode ?? comment!.episode;
    const many = notification.count > 1;
    return {
      text: many ? `${notification.count} new comments on ${episode.title}` : `${actor} commented on ${episode.title}`,
      path: comment ? commentPath(comment) : `/episodes/${episode.slug}`,
      // The notification names the first comment the reader has not seen: the link starts there.
      excerpt: many ? `From the first, by ${actor}: ${excerpt ?? ""}`.trim() : excerpt,
    };
  }
  if (notification.kind === "reply" && comment) {
    return { text: `${actor} replied to your comment on “${comment.episode.title}”`, path: commentPath(comment), excerpt };
  }
  if (notification.kind === "mention" && comment) {
    return { text: `${actor} mentioned you on “${comment.episode.title}”`, path: commentPath(comment), excerpt };
  }
  if (notification.kind === "claim-flagged" && claim) {
    return {
      text: `${actor} asks for a source for a claim in your comment${comment ? ` on “${comment.episode.title}”` : ""}`,
      path: `/claims/${claim.id}`,
      excerpt: `“${excerptOf(claim.exact)}” — add a source before the marker is shown to everyone.`,
    };
  }
  if (notification.kind === "source-check-failed" && claim) {
    return { text: `The source of a claim you watch failed its check: “${excerptOf(claim.exact, 80)}”`, path: `/claims/${claim.id}`, excerpt: null };
  }
  if (notification.kind === "claim-changed" && claim) {
    return { text: `A claim you watch is now ${claim.state.replace("_", " ")}: “${excerptOf(claim.exact, 80)}”`, path: `/claims/${claim.id}`, excerpt: null };
  }
  if (claim) {
    return { text: `A claim you flagged is now ${claim.state.replace("_", " ")}: “${excerptOf(claim.exact, 80)}”`, path: `/claims/${claim.id}`, excerpt: null };
  }
  return { text: `${actor}: ${notification.kind}`, path: null, excerpt: null };
}
