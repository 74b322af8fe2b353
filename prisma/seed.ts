// Seed entry: demo accounts on an empty database. Their random passwords are shown once, never stored in clear.
import { randomBytes } from "node:crypto";
import type { Role } from "@prisma/client";
import { countUsers, createUser } from "~/models/users/index.server";

const DEMO_ACCOUNTS: { username: string; role: Role }[] = [
  { username: "admin", role: "admin" },
  { username: "moderator", role: "moderator" },
  { username: "member", role: "member" },
];

export interface DemoAccount {
  username: string;
  role: Role;
  password: string;
}

/** Creates one account per role when there are no users at all; returns them with their passwords, or [] if users exist. */
export async function seedDemoAccounts(): Promise<DemoAccount[]> {
  if ((await countUsers()) > 0) return [];
  const accounts: DemoAccount[] = [];
  for (const { username, role } of DEMO_ACCOUNTS) {
    const password = randomBytes(12).toString("base64url");
    await createUser({ username, password, role });
    accounts.push({ username, role, password });
  }
  return accounts;
}

/**
 * Production setup (`npm run setup`): one admin on a database without users, with `password` (from
 * ADMIN_PASSWORD) or a random one returned to be printed once. Null when users exist.
 */
export async function seedFirstAdmin(password?: string): Promise<DemoAccount | null> {
  if ((await countUsers()) > 0) return null;
  const chosen = password ?? randomBytes(12).toString("base64url");
  await createUser({ username: "admin", password: chosen, role: "admin" });
  return { username: "admin", role: "admin", password: chosen };
}
