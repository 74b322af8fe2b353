// Test factories: users with a role (traits) and a signed-in session cookie for requests.
import type { Role } from "@prisma/client";
import { createSession, generateSessionToken } from "~/models/session.server";
import { createUser } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { SESSION_COOKIE } from "~/utils/session.server";

let counter = 0;

export async function createTestUser({ role = "member", suspended = false }: { role?: Role; suspended?: boolean } = {}) {
  counter += 1;
  const user = await createUser({ username: `${role}-${counter}`, password: "test-password-123", role });
  if (suspended) await prisma.user.update({ where: { id: user.id }, data: { suspendedAt: new Date(), suspendedReason: "test" } });
  return user;
}

/** A user of `role` and the Cookie header of a fresh session of theirs. */
export async function signedIn(role: Role, options: { suspended?: boolean } = {}) {
  const user = await createTestUser({ role, ...options });
  const token = generateSessionToken();
  await createSession(token, user.id);
  return { user, cookie: `${SESSION_COOKIE}=${token}` };
}

export function formRequest(url: string, form: FormData, cookie?: string) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body: form,
    headers: cookie ? { Cookie: cookie } : {},
  });
}

export const testContext = { clientIp: "127.0.0.1" };
