import { Prisma } from "@prisma/client";
import { prisma, sqlRows } from "~/utils/db.server";
import { presentCommentText } from "~/models/presenters/comment";
import { describeNotification, type NotificationRow } from "~/models/presenters/notification";
import type { Reader } from "~/models/presenters/reader";

/**
 * The bell's count, asked by the root loader on every signed-in request: one raw statement, which skips
 * Prisma's per-query compilation of a model query (about 0.5 ms of the main thread, ADR 0040).
 */
export async function countUnreadNotifications(userId: number) {
  const [row] = await sqlRows<{ count: number }>(Prisma.sql`SELECT count(*)::int AS count FROM "Notification" WHERE "userId" = ${userId}::int AND "readAt" IS NULL`);
  return row?.count ?? 0;
}

const NOTIFICATION_SELECT = {
  id: true,
  kind: true,
  count: true,
  readAt: true,
  createdAt: true,
  actor: { select: { username: true } },
  episode: { select: { slug: true, title: true } },
  comment: { select: { ordinal: true, anchor: true, body: true, status: true, episode: { select: { slug: true, title: true } } } },
  claim: { select: { id: true, exact: true, state: true } },
} as const;

/** The reader's notifications, newest first; a comment's text as the comment presenter lets the reader read it. */
export async function listNotifications(reader: NonNullable<Reader>, { take = 50, ids }: { take?: number; ids?: number[] } = {}): Promise<(NotificationRow & ReturnType<typeof describeNotification>)[]> {
  const rows = await prisma.notification.findMany({
    where: { userId: reader.id, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: NOTIFICATION_SELECT,
  });
  return rows.map(({ comment, ...row }) => {
    const presented = { ...row, comment: comment && { ...comment, body: presentCommentText(comment, reader, comment.body as string | null, null).text } };
    return { ...presented, ...describeNotification(presented) };
  });
}

/** Marks the user's notifications read: the given ones, or all of them. Only ever the user's own. */
export async function markNotificationsRead(userId: number, ids: number[] | "all") {
  const result = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return result.count;
}
