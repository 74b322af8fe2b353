// The watch controls on episodes, claims and threads post here (a resource route: no page of its own).
import type { ActionFunctionArgs } from "@remix-run/node";
import { setWatchLevel, WatchError } from "~/models/watch.server";
import { WATCH_LEVEL_LABELS, WatchFormSchema } from "~/schemas/watch";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { invariantResponse, requireForm } from "~/utils/http";
import { redirectWithToast } from "~/utils/toast.server";

// A resource route answers with Responses: a thrown `data()` would reach the client as "Unexpected Server Error".
export async function loader() {
  invariantResponse(false, "Watch controls post here.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await requireForm(request, WatchFormSchema);
  try {
    const { level } = await setWatchLevel({ user, target: { type: form.targetType, id: form.targetId }, level: form.level });
    const what = form.targetType === "thread" ? "this thread" : `this ${form.targetType}`;
    const description = level === null ? `You no longer chose a level for ${what}.` : `${WATCH_LEVEL_LABELS[level].label} ${what}: ${WATCH_LEVEL_LABELS[level].help.toLowerCase()}.`;
    return redirectWithToast(safeRedirect(form.redirectTo, "/settings/notifications"), { description });
  } catch (error) {
    if (error instanceof WatchError) invariantResponse(false, error.message, { status: 404 });
    throw error;
  }
}
