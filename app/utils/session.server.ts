// The session cookie. Sessions themselves live in app/models/session.server.ts.
import { cookieSecure } from "~/utils/env.server";

export const SESSION_COOKIE = "footnote_session";

export function readSessionToken(request: Request) {
  const cookies = request.headers.get("Cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

export function sessionCookie(token: string, expiresAt: Date) {
  return serializeCookie(token, `Expires=${expiresAt.toUTCString()}`);
}

export function blankSessionCookie() {
  return serializeCookie("", "Max-Age=0");
}

function serializeCookie(value: string, lifetime: string) {
  const attributes = [`${SESSION_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", lifetime];
  if (cookieSecure()) attributes.push("Secure");
  return attributes.join("; ");
}
