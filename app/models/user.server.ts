import type { Role } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";

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
