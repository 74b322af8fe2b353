// Test factories: users with a role (traits) and a signed-in session cookie for requests.
import type { Role } from "@prisma/client";
import { createSession, generateSessionToken } from "~/models/session.server";
import { createUser } from "~/models/users/index.server";
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

/** A user with a chosen name (and optionally email and password), for tests that look people up by name. */
export async function createNamedUser(
  username: string,
  { role = "member", email = null, password = "test-password-123" }: { role?: Role; email?: string | null; password?: string } = {},
) {
  return createUser({ username, password, email, role });
}

/** A fresh session for an existing user: the Cookie header a browser of theirs would send. */
export async function sessionCookieFor(userId: number) {
  const token = generateSessionToken();
  await createSession(token, userId);
  return `${SESSION_COOKIE}=${token}`;
}

export type Outcome = { status: number; headers: Headers; body: any };

/** What the browser would get from a loader or action: a returned or thrown Response, or a `data()` result with its status. */
export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    if (value.headers.get("Content-Type")?.includes("application/json")) body = JSON.parse(text);
    return { status: value.status, headers: value.headers, body };
  }
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), body: data };
  }
  return { status: 200, headers: new Headers(), body: value };
}

/** A comment on an episode, numbered after the episode's last one; visible unless told otherwise. */
export async function createTestComment({
  episodeId,
  authorId,
  body = "A comment.",
  status = "visible",
  postedAt = new Date(),
}: {
  episodeId: number;
  authorId: number;
  body?: string;
  status?: "visible" | "deleted" | "hidden";
  postedAt?: Date;
}) {
  const last = await prisma.comment.findFirst({ where: { episodeId, originalOrdinal: null }, orderBy: { ordinal: "desc" }, select: { ordinal: true } });
  return prisma.comment.create({
    data: { episodeId, authorId, body, status, postedAt, ordinal: (last?.ordinal ?? 0) + 1 },
    select: { id: true, ordinal: true, anchor: true },
  });
}
