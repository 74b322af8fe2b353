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
  readAt: true,
  createdAt: true,
  actor: { select: { username: true } },
  episode: { select: { slug: true, title: true } },
  comment: { select: { ordinal: true, anchor: true, body: true, status: true, episode: { select: { slug: true, title: true } } } },
  claim: { select: { id: true, exact: true, state: true } },
} as const;

/**
 * How many comments each "new comments" notification stands for, counted now (ADR 0048): the visible
 * comments by others on its episode from the one that made it on — up to the member's next such
 * notification of that episode, or, once read, up to when it was read — less those that told the member on
 * their own (a reply to them, a mention). The fan-out writes the notification once and never counts it
 * up, so a comment costs nothing per watcher who has not read the last one.
 */
async function countNewComments(ids: number[]) {
  if (ids.length === 0) return new Map<number, number>();
  const rows = await sqlRows<{ id: number; count: number }>(Prisma.sql`
    SELECT n.id, (
      SELECT count(*)::int FROM "Comment" c
      WHERE c."episodeId" = n."episodeId" AND c.id >= n."commentId" AND c.status = 'visible' AND c."authorId" IS DISTINCT FROM n."userId"
        AND c.id < COALESCE((
          SELECT min(later."commentId") FROM "Notification" later
          WHERE later."userId" = n."userId" AND later."episodeId" = n."episodeId" AND later.kind = 'new-comments' AND later."commentId" > n."commentId"
        ), 2147483647)
        AND (n."readAt" IS NULL OR c."createdAt" <= n."readAt")
        -- A reply to the member or a mention of them told them on its own: once each.
        AND NOT EXISTS (SELECT 1 FROM "Notification" own WHERE own."commentId" = c.id AND own."userId" = n."userId" AND own.kind IN ('reply', 'mention'))
    ) AS count
    FROM "Notification" n WHERE n.id = ANY(${ids}::int[])`);
  return new Map(rows.map((row) => [row.id, row.count]));
}

/** The reader's notifications, newest first; a comment's text as the comment presenter lets the reader read it. */
export async function listNotifications(reader: NonNullable<Reader>, { take = 50, ids }: { take?: number; ids?: number[] } = {}): Promise<(NotificationRow & ReturnType<typeof describeNotification>)[]> {
  const rows = await prisma.notification.findMany({
    where: { userId: reader.id, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: NOTIFICATION_SELECT,
  });
  const counts = await countNewComments(rows.filter((row) => row.kind === "new-comments").map((row) => row.id));
  return rows.map(({ comment, ...row }) => {
    // A group whose comments were all hidden since still names the one that made it.
    const count = Math.max(counts.get(row.id) ?? 1, 1);
    const presented = { ...row, count, comment: comment && { ...comment, body: presentCommentText(comment, reader, comment.body as string | null, null).text } };
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
