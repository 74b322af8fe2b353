import { prisma } from "~/utils/db.server";

export function countUnreadNotifications(userId: number) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: number, { take = 50 }: { take?: number } = {}) {
  return prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      readAt: true,
      createdAt: true,
      actor: { select: { username: true } },
      comment: { select: { ordinal: true, body: true, status: true, episode: { select: { slug: true, title: true } } } },
      claim: { select: { id: true, exact: true, state: true } },
    },
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
