import { Prisma, type Role } from "@prisma/client";
import { articledRole } from "~/models/presenters/user";
import { logModeratorAction } from "~/models/claims/index.server";
import { prisma } from "~/utils/db.server";
import { nameSkeleton } from "~/utils/name-skeleton";
import { LISTED_COMMENT } from "~/models/presenters/comment";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export function usernameKey(username: string) {
  return username.trim().toLowerCase();
}

export async function createUser({
  username,
  password,
  email = null,
  role = "member",
}: {
  username: string;
  password: string;
  email?: string | null;
  role?: Role;
}) {
  return prisma.user.create({
    data: {
      username: username.trim(),
      usernameKey: usernameKey(username),
      nameSkeleton: nameSkeleton(username.trim()),
      email: email?.trim().toLowerCase() || null,
      passwordHash: await hashPassword(password),
      role,
    },
    select: { id: true, username: true, role: true },
  });
}

export function countUsers() {
  return prisma.user.count();
}

// A fixed argon2id hash, verified when the username does not exist so that response time
// does not reveal which usernames are taken.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$YWJjZGVmZ2hpamtsbW5vcA$6VZ0h8IPkJPYVZ8vvQ8cUQ6XbV0fH2zq8i4yYcJm3r4";

/** The user whose credentials these are, or null. */
export async function verifyCredentials({ username, password }: { username: string; password: string }) {
  const user = await prisma.user.findUnique({
    where: { usernameKey: usernameKey(username) },
    select: { id: true, username: true, role: true, suspendedAt: true, passwordHash: true },
  });
  if (!user) {
    await verifyPassword(DUMMY_HASH, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

// ——— Sign-up ———

/** What stands in the way of a new account with this username and email. */
export async function findSignUpConflicts({ username, email }: { username: string; email: string | null }) {
  const [byName, byEmail, lookalike] = await Promise.all([
    prisma.user.findUnique({ where: { usernameKey: usernameKey(username) }, select: { id: true } }),
    email ? prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } }) : null,
    findLookalikeName(username),
  ]);
  return {
    usernameTaken: byName !== null,
    emailTaken: byEmail !== null,
    usernameImported: lookalike?.kind === "imported-author",
    /** An existing member whose name this one could be taken for (not the same name: that is `usernameTaken`). */
    lookalikeMember: byName === null && lookalike?.kind === "member" ? lookalike.name : null,
  };
}

/**
 * The existing member or imported author a reader could take `name` for ("PterrafractyI" for
 * "Pterrafractyl", "DaveEm0ry" for "Dave Emory"), compared by confusables skeleton (ADR 0014).
 * Imported authors come first: nobody may sign up to speak in their name.
 */
export async function findLookalikeName(name: string): Promise<{ kind: "imported-author" | "member"; name: string } | null> {
  const skeleton = nameSkeleton(name.trim());
  if (!skeleton) return null;
  await fillMissingNameSkeletons();
  const [author, member] = await Promise.all([
    prisma.importedAuthor.findFirst({ where: { nameSkeleton: skeleton }, select: { name: true } }),
    prisma.user.findFirst({ where: { nameSkeleton: skeleton }, select: { username: true } }),
  ]);
  if (author) return { kind: "imported-author", name: author.name };
  if (member) return { kind: "member", name: member.username };
  return null;
}

/** True when `name` reads as the name of an author of imported comments. */
export async function isImportedAuthorName(name: string) {
  return (await findLookalikeName(name))?.kind === "imported-author";
}

/** Rows from before the skeleton column (or written by older code) get theirs; a no-op once all have one. */
async function fillMissingNameSkeletons() {
  const [users, authors] = await Promise.all([
    prisma.user.findMany({ where: { nameSkeleton: null }, select: { id: true, username: true } }),
    prisma.importedAuthor.findMany({ where: { nameSkeleton: null }, select: { id: true, name: true } }),
  ]);
  for (const user of users) {
    await prisma.user.update({ where: { id: user.id }, data: { nameSkeleton: nameSkeleton(user.username) }, select: { id: true } });
  }
  for (const author of authors) {
    await prisma.importedAuthor.update({ where: { id: author.id }, data: { nameSkeleton: nameSkeleton(author.name) }, select: { id: true } });
  }
}

/** A unique field that another account took between the check and the insert. */
export class AccountTakenError extends Error {
  constructor(public readonly field: "username" | "email") {
    super(`That ${field} is taken.`);
  }
}

/** A new member account; throws AccountTakenError when the username or email is taken, even by a concurrent sign-up. */
export async function createMember({ username, password, email }: { username: string; password: string; email: string | null }) {
  try {
    return await createUser({ username, password, email, role: "member" });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // With the pg adapter the column is in meta.driverAdapterError; without it, in meta.target.
      throw new AccountTakenError(JSON.stringify(error.meta ?? {}).includes("email") ? "email" : "username");
    }
    throw error;
  }
}

// ——— Public profiles ———

export async function getPublicProfile(username: string) {
  return prisma.user.findUnique({
    where: { usernameKey: usernameKey(username) },
    select: { id: true, username: true, role: true, createdAt: true, suspendedAt: true },
  });
}

/** The imported author called exactly `name` (any case), for telling a reader why such a name has no profile. */
export function getImportedAuthorByName(name: string) {
  return prisma.importedAuthor.findFirst({
    where: { name: { equals: name.trim(), mode: "insensitive" } },
    select: { id: true, name: true },
  });
}

export const PROFILE_COMMENTS_PER_PAGE = 20;
const EXCERPT_LENGTH = 200;

export function excerpt(text: string, length = EXCERPT_LENGTH) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  return `${flat.slice(0, length - 1).trimEnd()}…`;
}

/**
 * A member's comments, newest first: those they wrote and those of imported authors linked to them
 * (shown under their name everywhere). Only visible comments: deleted and hidden ones never appear here.
 */
export async function listProfileComments({ userId, page = 1 }: { userId: number; page?: number }) {
  const where: Prisma.CommentWhereInput = {
    ...LISTED_COMMENT,
    OR: [{ authorId: userId }, { importedAuthor: { linkedUserId: userId } }],
  };
  const [total, comments] = await Promise.all([
    prisma.comment.count({ where }),
    prisma.comment.findMany({
      where,
      orderBy: [{ postedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PROFILE_COMMENTS_PER_PAGE,
      take: PROFILE_COMMENTS_PER_PAGE,
      select: {
        id: true,
        ordinal: true,
        body: true,
        postedAt: true,
        episode: { select: { slug: true, title: true, timeZone: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PROFILE_COMMENTS_PER_PAGE)),
    comments: comments.map(({ body, ...comment }) => ({ ...comment, excerpt: excerpt(body) })),
  };
}

// ——— Admin: users ———

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
 * admins acting on each other cannot deadlock) and checks that the actor is still an active admin that is
 * not acting on themselves. With both rows locked, two admins demoting each other at once cannot leave
 * the forum without an admin: the second waits, then finds they are no longer one.
 */
async function lockActorAndTarget(tx: Tx, actorId: number, targetId: number) {
  if (actorId === targetId) throw new UserActionError("self", "You cannot demote or suspend yourself.");
  const rows = await tx.$queryRaw<LockedUser[]>`
    SELECT id, username, role::text AS role, "suspendedAt" FROM "User"
    WHERE id IN (${actorId}, ${targetId}) ORDER BY id FOR UPDATE`;
  const actor = rows.find((row) => row.id === actorId);
  const target = rows.find((row) => row.id === targetId);
  if (!actor || actor.role !== "admin" || actor.suspendedAt) {
    throw new UserActionError("not-permitted", "Only an active admin can do that.");
  }
  if (!target) throw new UserActionError("not-found", `No user has the id ${targetId}.`);
  return target;
}

export async function changeUserRole({ actorId, userId, role, reason }: { actorId: number; userId: number; role: Role; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const target = await lockActorAndTarget(tx, actorId, userId);
    if (target.role === role) throw new UserActionError("unchanged", `${target.username} is already ${articled(role)}.`);
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

const articled = articledRole;

// ——— Admin: imported authors ———

export const IMPORTED_AUTHORS_PER_PAGE = 25;

/** Authors of imported comments whose name contains `query`, by name, with their comment count and linked account. */
export async function listImportedAuthors({ query = "", page = 1 }: { query?: string; page?: number }) {
  const where: Prisma.ImportedAuthorWhereInput = query ? { name: { contains: query, mode: "insensitive" } } : {};
  const [total, authors] = await Promise.all([
    prisma.importedAuthor.count({ where }),
    prisma.importedAuthor.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * IMPORTED_AUTHORS_PER_PAGE,
      take: IMPORTED_AUTHORS_PER_PAGE,
      select: {
        id: true,
        name: true,
        linkedUser: { select: { id: true, username: true } },
        _count: { select: { comments: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / IMPORTED_AUTHORS_PER_PAGE)),
    authors: authors.map(({ _count, ...author }) => ({ ...author, commentCount: _count.comments })),
  };
}

async function lockImportedAuthor(tx: Tx, authorId: number) {
  const rows = await tx.$queryRaw<{ id: number; name: string; linkedUserId: number | null }[]>`
    SELECT id, name, "linkedUserId" FROM "ImportedAuthor" WHERE id = ${authorId} FOR UPDATE`;
  const author = rows[0];
  if (!author) throw new UserActionError("not-found", `No imported author has the id ${authorId}.`);
  return author;
}

/** From now on the account is shown as the author of the imported author's comments. */
export async function linkImportedAuthor({
  actorId,
  authorId,
  username,
  reason,
}: {
  actorId: number;
  authorId: number;
  username: string;
  reason: string;
}) {
  return prisma.$transaction(async (tx) => {
    const author = await lockImportedAuthor(tx, authorId);
    const user = await tx.user.findUnique({ where: { usernameKey: usernameKey(username) }, select: { id: true, username: true } });
    if (!user) throw new UserActionError("unknown-user", `No account is called “${username.trim()}”.`, "username");
    if (author.linkedUserId === user.id) {
      throw new UserActionError("unchanged", `${author.name} is already linked to ${user.username}.`);
    }
    if (author.linkedUserId !== null) {
      throw new UserActionError("unchanged", `${author.name} is linked to another account: unlink it first.`);
    }
    await tx.importedAuthor.update({ where: { id: authorId }, data: { linkedUserId: user.id }, select: { id: true } });
    await logModeratorAction(tx, {
      actorId,
      action: "author.linked",
      targetType: "imported_author",
      targetId: authorId,
      reason,
      details: { name: author.name, userId: user.id, username: user.username },
    });
    return { name: author.name, username: user.username };
  });
}

export async function unlinkImportedAuthor({ actorId, authorId, reason }: { actorId: number; authorId: number; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const author = await lockImportedAuthor(tx, authorId);
    if (author.linkedUserId === null) throw new UserActionError("unchanged", `${author.name} is not linked to an account.`);
    const previous = await tx.user.findUnique({ where: { id: author.linkedUserId }, select: { username: true } });
    await tx.importedAuthor.update({ where: { id: authorId }, data: { linkedUserId: null }, select: { id: true } });
    await logModeratorAction(tx, {
      actorId,
      action: "author.unlinked",
      targetType: "imported_author",
      targetId: authorId,
      reason,
      details: { name: author.name, userId: author.linkedUserId, username: previous?.username ?? null },
    });
    return { name: author.name, username: previous?.username ?? null };
  });
}
