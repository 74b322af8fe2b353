import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readerOf } from "~/models/presenters/reader";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/card";
import { z } from "zod";
import { listNotifications, markNotificationsRead } from "~/models/notification.server";
import { requireUser } from "~/utils/auth.server";
import { requireForm } from "~/utils/http";
import { idSchema } from "~/utils/input";
import { commentPermalink } from "~/utils/comment-anchor";
import { Time } from "~/components/ui/time";

export const meta: MetaFunction = () => [{ title: "Notifications — Footnote" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const notifications = await listNotifications(readerOf(user)!);
  return {
    notifications: notifications.map((notification) => ({
      id: notification.id,
      unread: notification.readAt === null,
      at: notification.createdAt.toISOString(),
      text: notification.text,
      href: notification.path,
      excerpt: notification.excerpt,
    })),
  };
}

const MarkReadSchema = z.union([
  z.object({ intent: z.literal("mark-all-read") }),
  z.object({ intent: z.literal("mark-read"), id: idSchema("Choose which notifications to mark as read.") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await requireForm(request, MarkReadSchema, "Choose which notifications to mark as read.");
  await markNotificationsRead(user.id, form.intent === "mark-all-read" ? "all" : [form.id]);
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
          <p className="mt-1 text-stone-600 dark:text-stone-300">
            {unread === 0 ? "You are up to date." : `${unread} unread`} · <Link to="/settings/notifications">Settings, e-mail and feed</Link>
          </p>
        </div>
        {unread > 0 ? (
          <Form method="post">
            <Button variant="secondary" size="sm" name="intent" value="mark-all-read">
              Mark all as read
            </Button>
          </Form>
        ) : null}
      </header>
      {notifications.length === 0 ? (
        <EmptyState>
          Replies to your comments, mentions of you, new comments on what you watch and news about claims will appear here. Choose what you
          watch and how you hear about it in <Link to="/settings/notifications">notification settings</Link>.
        </EmptyState>
      ) : (
        <Card as="ul" divided>
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
                  <Time date={notification.at} />
                </p>
              </div>
              {notification.unread ? (
                <Form method="post" className="shrink-0">
                  <input type="hidden" name="id" value={notification.id} />
                  <Button variant="quiet" name="intent" value="mark-read">
                    Mark read
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </Card>
      )}
    </div>
  );
}
