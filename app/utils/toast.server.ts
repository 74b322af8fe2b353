// Flash messages (toasts): an action says what happened in a short-lived cookie, the next page's root
// loader reads it once and clears it (epic-stack's idiom; ADR 0020). Nothing travels in the address.
import { createCookie, redirect } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { cookieSecure } from "~/utils/env.server";

export const TOAST_COOKIE = "footnote_toast";

const ToastSchema = z.object({
  type: z.enum(["success", "message", "error"]).default("success"),
  description: z.string().max(500),
});

export type Toast = z.infer<typeof ToastSchema>;
export type ToastInput = z.input<typeof ToastSchema>;

// Signed with a key of this process: a toast is read within seconds of being set, and a restart only
// drops one message. The signature keeps anyone who can set a cookie from putting words in the site's mouth.
const toastCookie = createCookie(TOAST_COOKIE, {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60,
  secrets: [randomBytes(32).toString("base64url")],
});

/** The `Set-Cookie` that carries `toast` to the next page. */
export function toastCookieHeader(toast: ToastInput) {
  return toastCookie.serialize(ToastSchema.parse(toast), { secure: cookieSecure() });
}

/** A 303 to `url` that shows `toast` there once. */
export async function redirectWithToast(url: string, toast: ToastInput, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastCookieHeader(toast));
  return redirect(url, { status: 303, ...init, headers });
}

/** Whether the request carries a toast cookie at all (such a page is never cached: utils/http-cache.server.ts). */
export function hasToastCookie(request: Request) {
  return (request.headers.get("Cookie") ?? "").split(";").some((part) => part.trim().startsWith(`${TOAST_COOKIE}=`));
}

/** The toast the request carries (null when none, or forged), and the `Set-Cookie` that clears it. */
export async function getToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  if (!hasToastCookie(request)) return { toast: null, setCookie: null };
  const clear = await toastCookie.serialize("", { maxAge: 0, expires: new Date(0), secure: cookieSecure() });
  const raw = await toastCookie.parse(request.headers.get("Cookie")).catch(() => null);
  const parsed = ToastSchema.safeParse(raw);
  return { toast: parsed.success ? parsed.data : null, setCookie: clear };
}
