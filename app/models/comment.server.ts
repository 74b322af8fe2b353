import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";

const FEED_COMMENT_SELECT = {
  id: true,
  ordinal: true,
  body: true,
  postedAt: true,
  author: { select: { username: true } },
  importedAuthor: { select: { name: true, linkedUser: { select: { username: true } } } },
  episode: { select: { slug: true, title: true } },
} as const;

/** The newest visible comments, site-wide or of one episode, for feeds. Deleted and hidden comments never appear. */
export function listRecentComments({ episodeId, take = 50 }: { episodeId?: number; take?: number } = {}) {
  const where: Prisma.CommentWhereInput = { status: "visible", ...(episodeId ? { episodeId } : {}) };
  return prisma.comment.findMany({
    where,
    orderBy: [{ postedAt: "desc" }, { id: "desc" }],
    take,
    select: FEED_COMMENT_SELECT,
  });
}

export type FeedComment = Awaited<ReturnType<typeof listRecentComments>>[number];

export function feedCommentAuthor(comment: FeedComment) {
  return comment.author?.username ?? comment.importedAuthor?.linkedUser?.username ?? comment.importedAuthor?.name ?? "unknown";
}

/** A comment action that cannot be done; `status` is the HTTP answer, `message` is for the member. */
export class CommentError extends Error {
  constructor(
    message: string,
    public readonly status: 403 | 404 | 409,
  ) {
    super(message);
  }
}

type Actor = { id: number };

/** Posts a comment or a reply. Replies land under their parent; the parent's author is notified. */
export async function createComment({ episodeId, parentId, author, body }: { episodeId: number; parentId: number | null; author: Actor; body: string }) {
  return prisma.$transaction(async (tx) => {
    // Numbers are given out one at a time per episode: #comment-N permalinks stay unique and gapless.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`comments:${episodeId}`}))`;
    let parent: { id: number; rootId: number | null; recipientId: number | null } | null = null;
    if (parentId !== null) {
      const row = await tx.comment.findFirst({
        where: { id: parentId, episodeId },
        select: { id: true, rootId: true, status: true, authorId: true, importedAuthor: { select: { linkedUserId: true } } },
      });
      if (!row) throw new CommentError("The comment you are replying to does not exist.", 404);
      if (row.status !== "visible") throw new CommentError("That comment was removed, so it cannot be replied to.", 409);
      parent = { id: row.id, rootId: row.rootId, recipientId: row.authorId ?? row.importedAuthor?.linkedUserId ?? null };
    }
    const last = await tx.comment.aggregate({ where: { episodeId }, _max: { ordinal: true } });
    const comment = await tx.comment.create({
      data: {
        episodeId,
        ordinal: (last._max.ordinal ?? 0) + 1,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        authorId: author.id,
        format: "markdown",
        body,
        postedAt: new Date(),
      },
      select: { id: true, ordinal: true, parentId: true },
    });
    if (parent?.recipientId && parent.recipientId !== author.id) {
      await tx.notification.create({
        data: { userId: parent.recipientId, actorId: author.id, kind: "reply", commentId: comment.id },
        select: { id: true },
      });
    }
    return comment;
  });
}

/** The author edits their own comment; the previous text is kept as a revision. */
export async function editComment({ commentId, editor, body }: { commentId: number; editor: Actor; body: string }) {
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: { id: true, ordinal: true, authorId: true, status: true, body: true, revision: true },
    });
    if (!comment) throw new CommentError("That comment does not exist.", 404);
    if (comment.authorId !== editor.id) throw new CommentError("You can only edit your own comments.", 403);
    if (comment.status !== "visible") throw new CommentError("A removed comment cannot be edited.", 409);
    if (comment.body === body) return { id: comment.id, ordinal: comment.ordinal, changed: false };
    await tx.commentRevision.create({
      data: { commentId, revision: comment.revision, body: comment.body, editorId: editor.id },
      select: { id: true },
    });
    // The revision check makes a concurrent second edit fail instead of silently overwriting the first.
    const updated = await tx.comment.updateMany({
      where: { id: commentId, revision: comment.revision },
      data: { body, revision: { increment: 1 }, editedAt: new Date() },
    });
    if (updated.count !== 1) throw new CommentError("The comment changed while you were editing it; reload and try again.", 409);
    return { id: comment.id, ordinal: comment.ordinal, changed: true };
  });
}

/** The author deletes their own comment: it stays in the thread as "deleted by the author". */
export async function deleteOwnComment({ commentId, actor }: { commentId: number; actor: Actor }) {
  const comment = await prisma.comment.findUnique({ where: { id: commentId }, select: { id: true, ordinal: true, authorId: true, status: true } });
  if (!comment) throw new CommentError("That comment does not exist.", 404);
  if (comment.authorId !== actor.id) throw new CommentError("You can only delete your own comments.", 403);
  if (comment.status === "deleted") return comment;
  if (comment.status !== "visible") throw new CommentError("A moderator already hid this comment.", 409);
  await prisma.comment.update({
    where: { id: commentId },
    data: { status: "deleted", statusChangedAt: new Date(), statusReason: "deleted by the author" },
    select: { id: true },
  });
  return comment;
}

/** Earlier versions of a comment, newest first, for the "edited" history. Removed comments show none. */
export async function getCommentHistory(commentId: number) {
  const comment = await prisma.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      ordinal: true,
      body: true,
      status: true,
      editedAt: true,
      postedAt: true,
      episode: { select: { slug: true, title: true } },
      author: { select: { username: true } },
      revisions: { orderBy: { revision: "desc" }, select: { revision: true, body: true, createdAt: true } },
    },
  });
  return comment;
}
