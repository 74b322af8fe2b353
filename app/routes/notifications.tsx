import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readerOf } from "~/models/presenters/reader";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listNotifications, markNotificationsRead } from "~/models/notification.server";
import { requireUser } from "~/utils/auth.server";
import { invariantResponse, readFormData } from "~/utils/http";
import { idSchema } from "~/utils/input";

export const meta: MetaFunction = () => [{ title: "Notifications — Footnote" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const notifications = await listNotifications(readerOf(user)!);
  return {
    notifications: notifications.map((notification) => ({
      id: notification.id,
      unread: notification.readAt === null,
      at: notification.createdAt.toISOString(),
      ...describe(notification),
    })),
  };
}

type Row = Awaited<ReturnType<typeof listNotifications>>[number];

/** What happened, in words, and where to see it. */
function describe(notification: Row): { text: string; href: string | null; excerpt: string | null } {
  const actor = notification.actor?.username ?? "Someone";
  const comment = notification.comment;
  if (notification.kind === "reply" && comment) {
    return {
      text: `${actor} replied to your comment on “${comment.episode.title}”`,
      href: `/episodes/${comment.episode.slug}?c=${comment.ordinal}#comment-${comment.ordinal}`,
      excerpt: comment.body === null ? null : excerptOf(comment.body),
    };
  }
  if (notification.kind === "claim-flagged" && notification.claim) {
    return {
      text: `${actor} asks for a source for a claim in your comment${comment ? ` on “${comment.episode.title}”` : ""}`,
      href: `/claims/${notification.claim.id}`,
      excerpt: `“${excerptOf(notification.claim.exact)}” — add a source before the marker is shown to everyone.`,
    };
  }
  if (notification.claim) {
    return {
      text: `A claim you flagged is now ${notification.claim.state.replace("_", " ")}: “${excerptOf(notification.claim.exact, 80)}”`,
      href: `/claims/${notification.claim.id}`,
      excerpt: null,
    };
  }
  return { text: `${actor}: ${notification.kind}`, href: null, excerpt: null };
}

function excerptOf(text: string, length = 200) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

const MarkReadSchema = z.union([
  z.object({ intent: z.literal("mark-all-read") }),
  z.object({ intent: z.literal("mark-read"), id: idSchema("Choose which notifications to mark as read.") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = MarkReadSchema.safeParse(Object.fromEntries(await readFormData(request)));
  invariantResponse(parsed.success, "Choose which notifications to mark as read.");
  await markNotificationsRead(user.id, parsed.data.intent === "mark-all-read" ? "all" : [parsed.data.id]);
  return redirect("/notifications", 303);
}

export default function NotificationsPage() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((notification) => notification.unread).length;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-semibold tracking-tight">Notifications</h1>
          <p className="mt-1 text-stone-600 dark:text-stone-300">{unread === 0 ? "You are up to date." : `${unread} unread`}</p>
        </div>
        {unread > 0 ? (
          <Form method="post">
            <button
              name="intent"
              value="mark-all-read"
              className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-accent-600 dark:border-stone-700 dark:bg-stone-900"
            >
              Mark all as read
            </button>
          </Form>
        ) : null}
      </header>
      {notifications.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 px-4 py-8 text-center text-stone-600 dark:border-stone-700 dark:text-stone-300">
          Replies to your comments and news about the claims you flagged will appear here.
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {notifications.map((notification) => (
            <li key={notification.id} className={`flex gap-3 px-4 py-3 ${notification.unread ? "bg-accent-50 dark:bg-stone-800" : ""}`}>
              <span aria-hidden="true" className={`mt-2 size-2 shrink-0 rounded-full ${notification.unread ? "bg-accent-600" : "bg-transparent"}`} />
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {notification.href ? <Link to={notification.href}>{notification.text}</Link> : notification.text}
                  {notification.unread ? <span className="sr-only"> (unread)</span> : null}
                </p>
                {notification.excerpt ? <p className="mt-1 truncate text-sm text-stone-600 dark:text-stone-300">{notification.excerpt}</p> : null}
                <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                  <time dateTime={notification.at}>{notification.at.slice(0, 16).replace("T", " ")} UTC</time>
                </p>
              </div>
              {notification.unread ? (
                <Form method="post" className="shrink-0">
                  <input type="hidden" name="id" value={notification.id} />
                  <button name="intent" value="mark-read" className="text-sm text-stone-600 hover:text-stone-900 dark:text-stone-300">
                    Mark read
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
