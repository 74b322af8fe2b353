// The session cookie. Sessions themselves live in app/models/session.server.ts.
import { cookieSecure } from "~/utils/env.server";

export const SESSION_COOKIE = "footnote_session";

export function readSessionToken(request: Request) {
  const cookies = request.headers.get("Cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    // A mangled cookie is no session, not an error on every page until the reader clears it.
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

type CookieOptions = { secure?: boolean };

export function sessionCookie(token: string, expiresAt: Date, options: CookieOptions = {}) {
  return serializeCookie(token, `Expires=${expiresAt.toUTCString()}`, options);
}

export function blankSessionCookie(options: CookieOptions = {}) {
  return serializeCookie("", "Max-Age=0", options);
}

function serializeCookie(value: string, lifetime: string, { secure = cookieSecure() }: CookieOptions) {
  const attributes = [`${SESSION_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", lifetime];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}
