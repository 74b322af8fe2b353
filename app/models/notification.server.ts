import { prisma } from "~/utils/db.server";
import { presentCommentText } from "~/models/presenters/comment";
import type { Reader } from "~/models/presenters/reader";

export function countUnreadNotifications(userId: number) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** The reader's notifications, newest first; a comment's text as the comment presenter lets the reader read it. */
export async function listNotifications(reader: NonNullable<Reader>, { take = 50 }: { take?: number } = {}) {
  const rows = await prisma.notification.findMany({
    where: { userId: reader.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      readAt: true,
      createdAt: true,
      actor: { select: { username: true } },
      comment: { select: { ordinal: true, anchor: true, body: true, status: true, episode: { select: { slug: true, title: true } } } },
      claim: { select: { id: true, exact: true, state: true } },
    },
  });
  return rows.map(({ comment, ...row }) => ({
    ...row,
    comment: comment && { ...comment, body: presentCommentText(comment, reader, comment.body as string | null, null).text },
  }));
}

/** Marks the user's notifications read: the given ones, or all of them. Only ever the user's own. */
export async function markNotificationsRead(userId: number, ids: number[] | "all") {
  const result = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return result.count;
}
