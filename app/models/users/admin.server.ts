// Admin: finding accounts, changing their role, suspending them and lifting a suspension. Each change
// is written with its moderation-log row in one transaction, by an admin who is still one.
import type { Prisma, Role } from "@prisma/client";
import { logModeratorAction } from "~/models/claims/index.server";
import { articledRole } from "~/models/presenters/user";
import { prisma } from "~/utils/db.server";
import { can } from "~/utils/permissions";

export const ADMIN_USERS_PER_PAGE = 25;

const ADMIN_USER_SELECT = {
  id: true,
  username: true,
  email: true,
  role: true,
  createdAt: true,
  suspendedAt: true,
  suspendedReason: true,
  _count: { select: { comments: true } },
} as const;

type AdminUserRow = Prisma.UserGetPayload<{ select: typeof ADMIN_USER_SELECT }>;

function adminUserView({ _count, ...user }: AdminUserRow) {
  return { ...user, commentCount: _count.comments };
}

export type AdminUser = ReturnType<typeof adminUserView>;

/** Accounts whose username or email contains `query` (any case), newest first. */
export async function searchUsers({ query = "", page = 1 }: { query?: string; page?: number }) {
  const where: Prisma.UserWhereInput = query
    ? {
        OR: [
          { username: { contains: query, mode: "insensitive" } },
          { email: { contains: query, mode: "insensitive" } },
        ],
      }
    : {};
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ADMIN_USERS_PER_PAGE,
      take: ADMIN_USERS_PER_PAGE,
      select: ADMIN_USER_SELECT,
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / ADMIN_USERS_PER_PAGE)), users: users.map(adminUserView) };
}

export async function getUserForAdmin(id: number) {
  const user = await prisma.user.findUnique({ where: { id }, select: ADMIN_USER_SELECT });
  return user ? adminUserView(user) : null;
}

export type UserActionErrorCode = "not-found" | "self" | "not-permitted" | "unchanged" | "unknown-user";

/** An admin action that cannot be done; `field` names the form field the message belongs beside, if any. */
export class UserActionError extends Error {
  constructor(
    public readonly code: UserActionErrorCode,
    message: string,
    public readonly field?: "username",
  ) {
    super(message);
  }
}

type Tx = Prisma.TransactionClient;
type LockedUser = { id: number; username: string; role: Role; suspendedAt: Date | null };

/**
 * Locks the acting admin's and the target's rows for the rest of the transaction (in id order, so two
 * admins acting on each other cannot deadlock) and checks that the actor may still manage users (an
 * active admin, by the permission table) and is not acting on themselves. With both rows locked, two
 * admins demoting each other at once cannot leave the forum without an admin: the second waits, then
 * finds they are no longer one.
 */
async function lockActorAndTarget(tx: Tx, actorId: number, targetId: number) {
  if (actorId === targetId) throw new UserActionError("self", "You cannot demote or suspend yourself.");
  const rows = await tx.$queryRaw<LockedUser[]>`
    SELECT id, username, role::text AS role, "suspendedAt" FROM "User"
    WHERE id IN (${actorId}, ${targetId}) ORDER BY id FOR UPDATE`;
  const actor = rows.find((row) => row.id === actorId);
  const target = rows.find((row) => row.id === targetId);
  if (!actor || !can(actor, "admin:manage-users")) {
    throw new UserActionError("not-permitted", "Only an active admin can do that.");
  }
  if (!target) throw new UserActionError("not-found", `No user has the id ${targetId}.`);
  return target;
}

export async function changeUserRole({ actorId, userId, role, reason }: { actorId: number; userId: number; role: Role; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const target = await lockActorAndTarget(tx, actorId, userId);
    if (target.role === role) throw new UserActionError("unchanged", `${target.username} is already ${articledRole(role)}.`);
    await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true } });
    await logModeratorAction(tx, {
      actorId,
      action: "user.role_changed",
      targetType: "user",
      targetId: userId,
      reason,
      details: { from: target.role, to: role },
    });
    return { username: target.username, from: target.role, to: role };
  });
}

/** Suspends the account and ends all of its sessions at once: a suspended user is signed out everywhere. */
export async function suspendUser({ actorId, userId, reason }: { actorId: number; userId: number; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const target = await lockActorAndTarget(tx, actorId, userId);
    if (target.suspendedAt) throw new UserActionError("unchanged", `${target.username} is already suspended.`);
    const suspendedAt = new Date();
    await tx.user.update({ where: { id: userId }, data: { suspendedAt, suspendedReason: reason }, select: { id: true } });
    // What invalidateUserSessions does, inside this transaction: no session outlives the suspension.
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await logModeratorAction(tx, {
      actorId,
      action: "user.suspended",
      targetType: "user",
      targetId: userId,
      reason,
      details: { sessionsEnded: count },
    });
    return { username: target.username, suspendedAt };
  });
}

export async function unsuspendUser({ actorId, userId, reason }: { actorId: number; userId: number; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const target = await lockActorAndTarget(tx, actorId, userId);
    if (!target.suspendedAt) throw new UserActionError("unchanged", `${target.username} is not suspended.`);
    await tx.user.update({ where: { id: userId }, data: { suspendedAt: null, suspendedReason: null }, select: { id: true } });
    await logModeratorAction(tx, {
      actorId,
      action: "user.unsuspended",
      targetType: "user",
      targetId: userId,
      reason,
      details: { suspendedAt: target.suspendedAt.toISOString() },
    });
    return { username: target.username };
  });
}
