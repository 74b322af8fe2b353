// Lucia's session design (docs/decisions/0003): a random token in the cookie, only its SHA-256 in
// the database, 30-day sessions that slide forward when used in their second half.
// The cookie itself is app/utils/session.server.ts.
import { Prisma } from "@prisma/client";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { prisma, sqlRows } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
const SESSION_RENEW_WITHIN = 15 * DAY;

export function generateSessionToken() {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdFromToken(token: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Every sign-in and sign-up sweeps the sessions that have expired, everyone's (an indexed delete). */
export async function createSession(token: string, userId: number) {
  await deleteExpiredSessions();
  return prisma.session.create({
    data: { id: sessionIdFromToken(token), userId, expiresAt: new Date(Date.now() + SESSION_LIFETIME) },
    select: { id: true, expiresAt: true },
  });
}

export type SessionUser = { id: number; username: string; role: Role; suspendedAt: Date | null };

/**
 * The session's user, or null for an unknown or expired token; extends sessions in their second half.
 * Every signed-in request starts here, so it is one statement: a relation select in Prisma reads the
 * session and its user in two round trips.
 */
export async function validateSessionToken(token: string) {
  const id = sessionIdFromToken(token);
  const [row] = await sqlRows<{ expiresAt: Date; userId: number; username: string; role: Role; suspendedAt: Date | null }>(Prisma.sql`
    SELECT s."expiresAt", u.id AS "userId", u.username, u.role::text AS role, u."suspendedAt"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${id}`);
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = row.expiresAt;
  if (expiresAt.getTime() - now < SESSION_RENEW_WITHIN) {
    expiresAt = new Date(now + SESSION_LIFETIME);
    await prisma.session.update({ where: { id }, data: { expiresAt }, select: { id: true } });
  }
  const user: SessionUser = { id: row.userId, username: row.username, role: row.role, suspendedAt: row.suspendedAt };
  return { session: { id, expiresAt }, user };
}

export async function deleteExpiredSessions() {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  return count;
}

export async function invalidateSession(sessionId: string) {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: number) {
  await prisma.session.deleteMany({ where: { userId } });
}
