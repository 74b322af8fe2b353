import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { invalidateSession, invalidateUserSessions } from "~/models/session.server";
import { SignOutSchema } from "~/schemas/auth";
import { getSession } from "~/utils/auth.server";
import { requireForm } from "~/utils/http";
import { blankSessionCookie } from "~/utils/session.server";

// Signing out changes state, so only a POST does it; a GET (a prefetch, a crawler, a pasted link) does nothing.
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireForm(request, SignOutSchema, "Choose where to sign out: this device or everywhere.");
  const current = await getSession(request);
  if (current) {
    if (scope === "everywhere") await invalidateUserSessions(current.user.id);
    else await invalidateSession(current.session.id);
  }
  return redirect("/", { status: 303, headers: { "Set-Cookie": blankSessionCookie() } });
}
