import { redirect } from "@remix-run/node";
import { can, type Permission } from "~/utils/permissions";
import { createSession, generateSessionToken, invalidateSession, validateSessionToken, type SessionUser } from "~/models/session.server";
import { blankSessionCookie, readSessionToken, sessionCookie } from "~/utils/session.server";
import { forgetInRequest, oncePerRequest } from "~/utils/request-scope.server";

/** The session of a token, looked up once per request however many loaders ask (request-scope.server.ts). */
function lookUpSession(token: string) {
  return oncePerRequest(`session:${token}`, () => validateSessionToken(token));
}

/** The signed-in user, or null. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  return (await lookUpSession(token))?.user ?? null;
}

export async function getSession(request: Request) {
  const token = readSessionToken(request);
  return token ? lookUpSession(token) : null;
}

/**
 * The signed-in user, with the `Set-Cookie` that keeps the cookie's expiry in step with the session's
 * sliding expiry (Lucia's design sets the cookie again on every validation), or that clears a cookie
 * whose session has ended. The root loader calls this once per request.
 */
export async function getUserAndCookie(request: Request): Promise<{ user: SessionUser | null; setCookie: string | null }> {
  const token = readSessionToken(request);
  if (!token) return { user: null, setCookie: null };
  const result = await lookUpSession(token);
  if (!result) return { user: null, setCookie: blankSessionCookie() };
  return { user: result.user, setCookie: sessionCookie(token, result.session.expiresAt) };
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  return redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
}

/**
 * The user when they hold `permission` (epic-stack's name). Pages (GET) send anonymous readers to the
 * sign-in page; actions, and the JSON endpoints a page's script calls (`redirectToSignIn: false`: a
 * redirect to an HTML page is no answer for them), answer 401. A signed-in user without the permission
 * gets 403 either way.
 */
export async function requireUserWithPermission(request: Request, permission: Permission, { redirectToSignIn = true }: { redirectToSignIn?: boolean } = {}) {
  const user = await getUser(request);
  if (!user) {
    if (redirectToSignIn && (request.method === "GET" || request.method === "HEAD")) throw loginRedirect(request);
    throw new Response("Sign in to do that.", { status: 401 });
  }
  if (!can(user, permission)) {
    const message = user.suspendedAt ? "Your account is suspended." : "Your role does not allow this.";
    throw new Response(message, { status: 403 });
  }
  return user;
}

/** @deprecated The old name of `requireUserWithPermission`, until every route has moved to it. */
export const requirePermission = requireUserWithPermission;

/**
 * The signed-in user. A suspended account may still read its own pages, but keeps no action
 * (docs/authorization.md: it has only what an anonymous reader has): its actions answer 403.
 */
export async function requireUser(request: Request) {
  const user = await getUser(request);
  if (!user) {
    if (request.method === "GET" || request.method === "HEAD") throw loginRedirect(request);
    throw new Response("Sign in to do that.", { status: 401 });
  }
  if (user.suspendedAt && request.method !== "GET" && request.method !== "HEAD") {
    throw new Response("Your account is suspended.", { status: 403 });
  }
  return user;
}

/**
 * The end of signing in or up (epic-stack's `handleNewSession`): a new session for `userId` replaces
 * the one this browser had, so that one does not linger in the database, and the reader goes on to
 * `redirectTo` (a path of this site) with the new cookie.
 */
export async function handleNewSession(request: Request, userId: number, redirectTo: string | undefined) {
  const previous = await getSession(request);
  if (previous) {
    await invalidateSession(previous.session.id);
    forgetInRequest(`session:${readSessionToken(request)}`);
  }
  const token = generateSessionToken();
  const session = await createSession(token, userId);
  return redirect(safeRedirect(redirectTo), { status: 303, headers: { "Set-Cookie": sessionCookie(token, session.expiresAt) } });
}

/**
 * A redirect target only when it stays on this site: a path that starts with exactly one "/" and, read
 * as a browser reads it against our origin, still has our origin. Control characters (a browser drops
 * TAB, CR and LF from URLs, so "/\t/evil.example" is "//evil.example") and backslashes are refused.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (!to || typeof to !== "string") return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  const base = "http://footnote.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname.startsWith("//")) return fallback;
  // As the URL parser wrote it: percent-encoded, so it is always a valid Location header.
  return `${url.pathname}${url.search}${url.hash}`;
}
