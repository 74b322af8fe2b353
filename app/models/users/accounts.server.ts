// Accounts and signing in: a username's key, creating an account, checking credentials.
import type { Role } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { nameSkeleton } from "~/utils/name-skeleton";
import { hashPassword, verifyPassword } from "~/utils/password.server";

/** The form of a username that two accounts may not share: trimmed, any case. */
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
