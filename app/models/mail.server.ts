// Mail to members (issue 18, ADR 0035): their notifications immediately or in a daily digest, and the
// link that verifies their address. Every mail is first written to the Mail table with an idempotency key
// (one mail per batch of notifications, one per verification link), then sent by the `send-mail` job,
// which sends a row at most once and retries a failed delivery. Nothing but the verification mail goes
// to an address before it is verified, and nothing at all after the member unsubscribed.
import { randomBytes } from "node:crypto";
import { Prisma, type EmailDelivery } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { appOrigin } from "~/utils/env.server";
import { deliverMail } from "~/utils/mailer.server";
import { enqueueJob } from "./jobs.server";
import { listNotifications } from "./notification.server";
import { readerOf } from "./presenters/reader";

type Db = Prisma.TransactionClient | typeof prisma;

/** The daily digest goes out at this hour (UTC). */
export const DIGEST_HOUR_UTC = 7;

export function newSecret() {
  return randomBytes(24).toString("base64url");
}

/** The next digest time after `now`. */
export function nextDigestAt(now = new Date()) {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

const SETTINGS_SELECT = { emailDelivery: true, verifiedEmail: true, verifyEmail: true, feedToken: true, unsubscribeToken: true, user: { select: { email: true } } } as const;

/** The member's settings as they are (the defaults when the member never changed any): for pages. */
export async function readNotificationSettings(userId: number) {
  const found = await prisma.notificationSettings.findUnique({ where: { userId }, select: SETTINGS_SELECT });
  if (found) return { ...found, verified: found.verifiedEmail !== null && found.verifiedEmail === found.user.email };
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  return { emailDelivery: "daily" as EmailDelivery, verifiedEmail: null, verifyEmail: null, feedToken: null, unsubscribeToken: null, user, verified: false };
}

/** The member's settings row, made with the defaults on first use: for writes and mail. */
export async function getNotificationSettings(userId: number, db: Db = prisma): Promise<Prisma.NotificationSettingsGetPayload<{ select: typeof SETTINGS_SELECT }> & { verified: boolean }> {
  const found = await db.notificationSettings.findUnique({ where: { userId }, select: SETTINGS_SELECT });
  if (found) return { ...found, verified: found.verifiedEmail !== null && found.verifiedEmail === found.user.email };
  await db.notificationSettings.createMany({ data: [{ userId, unsubscribeToken: newSecret() }], skipDuplicates: true });
  return getNotificationSettings(userId, db);
}

export async function setEmailDelivery(userId: number, emailDelivery: EmailDelivery) {
  await getNotificationSettings(userId);
  await prisma.notificationSettings.update({ where: { userId }, data: { emailDelivery }, select: { userId: true } });
}

/**
 * Queues one `mail-notifications` job per member who has unread, unmailed notifications about the
 * comment or claim (or for the member) and wants mail at a verified address: now for "immediate", at the
 * next digest hour for "daily". The job key keeps one pending job per member, so a burst of notifications
 * makes one mail. One statement, whatever the number of members.
 */
export async function scheduleMailFor(db: Db, about: { commentId: number } | { claimId: number } | { userId: number }) {
  const commentId = "commentId" in about ? about.commentId : null;
  const claimId = "claimId" in about ? about.claimId : null;
  const userId = "userId" in about ? about.userId : null;
  await db.$queryRaw(
    mailJobsSql(Prisma.sql`
      SELECT n."userId" FROM "Notification" n
      WHERE n."readAt" IS NULL AND n."emailedAt" IS NULL
        AND (${commentId}::int IS NULL OR n."commentId" = ${commentId}::int)
        AND (${claimId}::int IS NULL OR n."claimId" = ${claimId}::int)
        AND (${userId}::int IS NULL OR n."userId" = ${userId}::int)`),
  );
}

/**
 * scheduleMailFor's statement for the members `recipients` (a query of user ids) names: a statement that
 * writes their notifications names them by what it wrote (app/models/watch.server.ts), as its own reads
 * do not see its writes.
 */
export function mailJobsSql(recipients: Prisma.Sql) {
  return Prisma.sql`
    SELECT graphile_worker.add_job('mail-notifications', json_build_object('userId', s."userId"),
             run_at => CASE WHEN s."emailDelivery" = 'daily' THEN ${nextDigestAt()}::timestamptz ELSE now() END,
             job_key => 'mail-notifications:' || s."userId")::text
    FROM "NotificationSettings" s JOIN "User" u ON u.id = s."userId"
    WHERE s."emailDelivery" <> 'none' AND s."verifiedEmail" = u.email AND u."suspendedAt" IS NULL
      AND s."userId" IN (${recipients})`;
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function unsubscribeUrl(token: string) {
  return `${appOrigin()}/mail/unsubscribe/${token}`;
}

/** The body every mail ends with: why it came and how to stop it. */
function footer(token: string) {
  const settings = `${appOrigin()}/settings/notifications`;
  return {
    text: `\n--\nYou get this mail because of your notification settings: ${settings}\nStop all mail from Footnote: ${unsubscribeUrl(token)}\n`,
    html: `<hr><p style="color:#57534e;font-size:13px">You get this mail because of your <a href="${escapeHtml(settings)}">notification settings</a>. <a href="${escapeHtml(unsubscribeUrl(token))}">Unsubscribe from all mail</a>.</p>`,
  };
}

/**
 * Writes one mail of the member's unread, unmailed notifications and marks them mailed, in one
 * transaction with the `send-mail` job that sends it: the notifications are mailed once whatever happens.
 */
export async function mailNotifications(userId: number) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true, suspendedAt: true, email: true } });
  if (!user?.email || user.suspendedAt) return null;
  const settings = await getNotificationSettings(userId);
  if (!settings.verified || settings.emailDelivery === "none") return null;
  return prisma.$transaction(async (tx) => {
    const pending = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL AND "emailedAt" IS NULL ORDER BY id FOR UPDATE`;
    if (pending.length === 0) return null;
    const ids = pending.map((row) => row.id);
    const items = await listNotifications(readerOf(user)!, { ids, take: ids.length });
    const digest = settings.emailDelivery === "daily";
    const total = items.reduce((sum, item) => sum + (item.kind === "new-comments" ? item.count : 1), 0);
    const subject = digest
      ? `Footnote daily digest: ${total} new ${total === 1 ? "notification" : "notifications"}`
      : items.length === 1
        ? items[0]!.text
        : `${items.length} new notifications on Footnote`;
    const origin = appOrigin();
    const end = footer(settings.unsubscribeToken);
    const text =
      `${digest ? "Your daily digest from Footnote" : "News from Footnote"}\n\n` +
      items.map((item) => `* ${item.text}${item.path ? `\n  ${origin}${item.path}` : ""}${item.excerpt ? `\n  ${item.excerpt}` : ""}`).join("\n\n") +
      `\n\nAll your notifications: ${origin}/notifications\n` +
      end.text;
    const html =
      `<h1 style="font-size:18px">${digest ? "Your daily digest from Footnote" : "News from Footnote"}</h1><ul>` +
      items
        .map(
          (item) =>
            `<li><p>${item.path ? `<a href="${escapeHtml(origin + item.path)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</p>` +
            (item.excerpt ? `<p style="color:#57534e">${escapeHtml(item.excerpt)}</p>` : "") +
            `</li>`,
        )
        .join("") +
      `</ul><p><a href="${escapeHtml(origin)}/notifications">All your notifications</a></p>` +
      end.html;
    const mail = await tx.mail.create({
      data: { userId, kind: digest ? "digest" : "notifications", to: user.email!, subject, text, html, idempotencyKey: `notifications:${userId}:${ids.at(-1)}` },
      select: { id: true },
    });
    await tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: new Date() } });
    await enqueueJob(tx, "send-mail", { mailId: mail.id }, { jobKey: `send-mail:${mail.id}`, maxAttempts: 10 });
    return mail.id;
  });
}

/** Writes the mail with a link that verifies the member's current address, and queues it. */
export async function requestEmailVerification(userId: number) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user?.email) return null;
  const settings = await getNotificationSettings(userId);
  if (settings.verified) return null;
  const token = newSecret();
  const link = `${appOrigin()}/mail/verify/${token}`;
  const end = footer(settings.unsubscribeToken);
  return prisma.$transaction(async (tx) => {
    await tx.notificationSettings.update({ where: { userId }, data: { verifyToken: token, verifyEmail: user.email }, select: { userId: true } });
    const mail = await tx.mail.create({
      data: {
        userId,
        kind: "verify",
        to: user.email!,
        subject: "Confirm your e-mail address for Footnote",
        text: `Follow this link to confirm that ${user.email} is yours and may receive Footnote's notifications:\n${link}\n\nIf you did not ask for this, ignore this mail.\n${end.text}`,
        html: `<p>Follow this link to confirm that ${escapeHtml(user.email!)} is yours and may receive Footnote's notifications:</p><p><a href="${escapeHtml(link)}">Confirm my address</a></p><p>If you did not ask for this, ignore this mail.</p>${end.html}`,
        idempotencyKey: `verify:${token}`,
      },
      select: { id: true },
    });
    await enqueueJob(tx, "send-mail", { mailId: mail.id }, { jobKey: `send-mail:${mail.id}`, maxAttempts: 10 });
    return mail.id;
  });
}

/** The member a verification link is for, and whether it still matches their address (for the confirm page). */
export async function findVerification(token: string) {
  const settings = await prisma.notificationSettings.findUnique({
    where: { verifyToken: token },
    select: { verifyEmail: true, verifiedEmail: true, user: { select: { username: true, email: true } } },
  });
  if (!settings) return null;
  const current = settings.verifyEmail === settings.user.email;
  return { username: settings.user.username, email: settings.verifyEmail, current, verified: current && settings.verifiedEmail === settings.verifyEmail };
}

/** Follows a verification link: the address it was sent to is verified if it is still the member's. */
export async function confirmVerification(token: string) {
  const settings = await prisma.notificationSettings.findUnique({ where: { verifyToken: token }, select: { userId: true, verifyEmail: true, user: { select: { email: true } } } });
  if (!settings || settings.verifyEmail !== settings.user.email) return false;
  await prisma.notificationSettings.update({ where: { userId: settings.userId }, data: { verifiedEmail: settings.verifyEmail }, select: { userId: true } });
  // What waited for the address goes out now.
  await scheduleMailFor(prisma, { userId: settings.userId });
  return true;
}

/** Whose unsubscribe link this is (for the confirm page), or null. */
export async function findUnsubscribe(token: string) {
  const settings = await prisma.notificationSettings.findUnique({ where: { unsubscribeToken: token }, select: { emailDelivery: true, user: { select: { username: true } } } });
  return settings && { username: settings.user.username, subscribed: settings.emailDelivery !== "none" };
}

/** The one-click unsubscribe: no more mail of any kind until the member chooses a delivery again. */
export async function unsubscribe(token: string) {
  const result = await prisma.notificationSettings.updateMany({ where: { unsubscribeToken: token }, data: { emailDelivery: "none" } });
  return result.count > 0;
}

/** The member's private feed token, made on first use. */
export async function getFeedToken(userId: number) {
  const settings = await getNotificationSettings(userId);
  if (settings.feedToken) return settings.feedToken;
  return rotateFeedToken(userId);
}

/** A new secret for the private feed: the old address stops working. */
export async function rotateFeedToken(userId: number) {
  await getNotificationSettings(userId);
  const feedToken = newSecret();
  await prisma.notificationSettings.update({ where: { userId }, data: { feedToken }, select: { userId: true } });
  return feedToken;
}

/** Revokes the private feed: its address stops working, and none is made until the member asks again. */
export async function revokeFeedToken(userId: number) {
  await prisma.notificationSettings.updateMany({ where: { userId }, data: { feedToken: null } });
}

/** The member a private feed address belongs to (null: no such feed, or revoked). */
export async function findFeedOwner(token: string) {
  const settings = await prisma.notificationSettings.findUnique({ where: { feedToken: token }, select: { user: { select: { id: true, username: true, role: true, suspendedAt: true } } } });
  return settings?.user ?? null;
}

/**
 * Sends one stored mail, at most once: a sent row is never sent again, and a mail to a member who
 * unsubscribed since it was written is withheld. A refused delivery throws, so the job is retried.
 */
export async function sendStoredMail(mailId: number) {
  const mail = await prisma.mail.findUnique({
    where: { id: mailId },
    select: { id: true, userId: true, kind: true, to: true, subject: true, text: true, html: true, idempotencyKey: true, sentAt: true, transport: true },
  });
  if (!mail || mail.sentAt || mail.transport === "withheld") return;
  const settings = mail.userId === null ? null : await getNotificationSettings(mail.userId);
  if (settings && mail.kind !== "verify" && (settings.emailDelivery === "none" || !settings.verified)) {
    await prisma.mail.update({ where: { id: mail.id }, data: { transport: "withheld" }, select: { id: true } });
    return;
  }
  const headers: Record<string, string> = { "X-Footnote-Mail": mail.idempotencyKey };
  if (settings) {
    headers["List-Unsubscribe"] = `<${unsubscribeUrl(settings.unsubscribeToken)}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  await prisma.mail.update({ where: { id: mail.id }, data: { attempts: { increment: 1 } }, select: { id: true } });
  let transport: "smtp" | "catcher";
  try {
    const host = new URL(appOrigin()).hostname;
    transport = await deliverMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<mail-${mail.id}@${host}>`, headers });
  } catch (error) {
    await prisma.mail.update({ where: { id: mail.id }, data: { lastError: error instanceof Error ? error.message : String(error) }, select: { id: true } });
    throw error;
  }
  await prisma.mail.updateMany({ where: { id: mail.id, sentAt: null }, data: { sentAt: new Date(), transport, lastError: null } });
}

/** The newest mail written, for admins (/admin/mail): what the catcher caught, or what went out. */
export async function listMail({ take = 50 }: { take?: number } = {}) {
  return prisma.mail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, to: true, subject: true, text: true, transport: true, attempts: true, lastError: true, sentAt: true, createdAt: true },
  });
}
