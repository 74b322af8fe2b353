// Builds the threaded view of a page of comments. Pure: the same on the server and in the browser.

export const COMMENT_SORTS = ["oldest", "newest"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

/**
 * Deepest indentation: a top-level comment is depth 0, its replies 1, and so on up to this depth.
 * Deeper replies are shown at this depth, after their parent, saying whom they reply to, so that a
 * long exchange stays readable on a phone.
 */
export const MAX_VISUAL_DEPTH = 4;

export interface TreeComment {
  id: number;
  parentId: number | null;
  ordinal: number;
  /** Its name on the page ("10", "L3"): `#comment-<anchor>`. */
  anchor: string;
  postedAt: Date;
  authorName: string;
}

export interface CommentNode<T extends TreeComment> {
  comment: T;
  /** Indentation level, 0 for a top-level comment, never above the cap. */
  depth: number;
  /** Set when the comment is shown at the cap, below a comment it does not reply to directly. */
  replyingTo: { anchor: string; authorName: string } | null;
  replies: CommentNode<T>[];
  /** Every comment below this one in its subtree (what collapsing it hides). */
  replyCount: number;
}

/**
 * Top-level threads in `sort` order (ties broken by the comment number); replies always in the order
 * they were posted. A reply whose parent is not in `comments` is shown as a thread of its own.
 */
export function buildCommentTree<T extends TreeComment>(
  comments: readonly T[],
  { sort = "oldest", maxDepth = MAX_VISUAL_DEPTH }: { sort?: CommentSort; maxDepth?: number } = {},
): CommentNode<T>[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const children = new Map<number, T[]>();
  const roots: T[] = [];
  for (const comment of comments) {
    if (comment.parentId === null || !byId.has(comment.parentId)) {
      roots.push(comment);
      continue;
    }
    const siblings = children.get(comment.parentId);
    if (siblings) siblings.push(comment);
    else children.set(comment.parentId, [comment]);
  }
  for (const siblings of children.values()) siblings.sort(chronological);
  roots.sort(sort === "newest" ? (a, b) => chronological(b, a) : chronological);

  const seen = new Set<number>();
  const repliesOf = (comment: T) => (children.get(comment.id) ?? []).filter((reply) => !seen.has(reply.id));

  function node(comment: T, depth: number, replyingTo: CommentNode<T>["replyingTo"]): CommentNode<T> {
    seen.add(comment.id);
    let replies: CommentNode<T>[];
    if (depth + 1 < maxDepth) {
      replies = repliesOf(comment).map((reply) => node(reply, depth + 1, null));
    } else if (depth < maxDepth) {
      // The replies' level is the deepest: the whole subtree goes there, each reply after what it answers.
      replies = [];
      const flatten = (parent: T) => {
        for (const reply of repliesOf(parent)) {
          const visualParent = parent.id === comment.id ? null : { anchor: parent.anchor, authorName: parent.authorName };
          seen.add(reply.id);
          replies.push({ comment: reply, depth: depth + 1, replyingTo: visualParent, replies: [], replyCount: 0 });
          flatten(reply);
        }
      };
      flatten(comment);
    } else {
      replies = [];
    }
    const replyCount = replies.reduce((total, reply) => total + 1 + reply.replyCount, 0);
    return { comment, depth, replyingTo, replies, replyCount };
  }

  const tree = roots.map((root) => node(root, 0, null));
  // Comments caught in a parent cycle are unreachable from any thread; show them rather than lose them.
  for (const comment of comments) if (!seen.has(comment.id)) tree.push(node(comment, 0, null));
  return tree;
}

/** The order comments were posted in; comments posted in the same minute keep their page order. */
export function chronological(a: TreeComment, b: TreeComment) {
  return a.postedAt.getTime() - b.postedAt.getTime() || a.ordinal - b.ordinal || a.id - b.id;
}
