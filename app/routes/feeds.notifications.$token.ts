// A member's private Atom feed of their notifications (issue 18): the secret in the address is the only
// key, so it is never cached by anyone and a revoked or replaced address answers 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { findFeedOwner } from "~/models/mail.server";
import { listNotifications } from "~/models/notification.server";
import { readerOf } from "~/models/presenters/reader";
import { addEntry, escapeHtml, newFeed, siteOrigin } from "~/utils/feeds.server";
import { invariantResponse, parseParams } from "~/utils/http";
import { xmlSafe } from "~/utils/input";

const UNKNOWN = "No feed has this address (it may have been replaced or switched off).";
const ParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, UNKNOWN) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = parseParams(params, ParamsSchema);
  const owner = await findFeedOwner(token);
  invariantResponse(owner, UNKNOWN, { status: 404 });
  const origin = siteOrigin(request);
  const notifications = await listNotifications(readerOf(owner)!, { take: 50 });
  const feed = newFeed({
    origin,
    path: `/feeds/notifications/${token}`,
    title: `Footnote notifications for ${owner.username}`,
    description: "Replies, mentions, new comments on what you watch and news about claims.",
    updated: notifications[0]?.createdAt ?? new Date(0),
  });
  for (const notification of notifications) {
    const link = notification.path ? `${origin}${notification.path}` : `${origin}/notifications`;
    addEntry(feed, {
      id: `${origin}/notifications#n-${notification.id}-${notification.count}`,
      link,
      title: notification.text,
      description: notification.excerpt ? escapeHtml(xmlSafe(notification.excerpt)) : undefined,
      date: notification.createdAt,
    });
  }
  return new Response(xmlSafe(feed.atom1()), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" },
  });
}
