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
