// Watching an episode, a claim or a thread (its top-level comment), and telling watchers what happened
// (issue 18, ADR 0035). Levels: watching (every new comment, every change of a claim's state), tracking
// (only replies to me and mentions of me: the default once I comment in a thread), muted (nothing).
// A thread's level overrides the episode's. The fan-out runs in a job after the write committed
// (app/jobs/notify.server.ts): a comment on an episode 10,000 members watch costs the request one job.
import { Prisma, type WatchLevel } from "@prisma/client";
import { prisma, sqlRows } from "~/utils/db.server";
import { mentionedNames } from "~/utils/mentions";
import { mailJobsSql, scheduleMailFor } from "./mail.server";
import { commentLabel, commentPermalink } from "~/utils/comment-anchor";

export type WatchTargetType = "episode" | "claim" | "thread";
export type WatchTarget = { type: WatchTargetType; id: number };
export const WATCH_LEVELS = ["watching", "tracking", "muted"] as const satisfies readonly WatchLevel[];

/** A watch's column: a thread is watched on its top-level comment. */
function column(type: WatchTargetType) {
  return type === "episode" ? "episodeId" : type === "claim" ? "claimId" : "commentId";
}

export class WatchError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** The thread a comment belongs to: its top-level comment's id (null when there is no such comment). */
async function threadOf(commentId: number) {
  const comment = await prisma.comment.findUnique({ where: { id: commentId }, select: { id: true, rootId: true } });
  return comment ? (comment.rootId ?? comment.id) : null;
}

async function targetExists({ type, id }: WatchTarget) {
  if (type === "episode") return (await prisma.episode.count({ where: { id } })) > 0;
  if (type === "claim") return (await prisma.claim.count({ where: { id } })) > 0;
  return (await prisma.comment.count({ where: { id, parentId: null } })) > 0;
}

/** Sets the member's level on a target, or forgets it ("default"): then the default rules apply again. */
export async function setWatchLevel({ user, target, level }: { user: { id: number }; target: WatchTarget; level: WatchLevel | "default" }) {
  const resolved = target.type === "thread" ? { type: "thread" as const, id: (await threadOf(target.id)) ?? 0 } : target;
  if (!(await targetExists(resolved))) throw new WatchError(`That ${target.type} does not exist.`);
  const key = column(resolved.type);
  if (level === "default") {
    await prisma.watch.deleteMany({ where: { userId: user.id, [key]: resolved.id } });
    return { target: resolved, level: null };
  }
  const existing = await prisma.watch.findFirst({ where: { userId: user.id, [key]: resolved.id }, select: { id: true } });
  if (existing) await prisma.watch.update({ where: { id: existing.id }, data: { level }, select: { id: true } });
  else await prisma.watch.createMany({ data: [{ userId: user.id, [key]: resolved.id, level }], skipDuplicates: true });
  return { target: resolved, level };
}

/** The member's own level on a target (null: none chosen). */
export async function getWatchLevel(userId: number, target: WatchTarget): Promise<WatchLevel | null> {
  const watch = await prisma.watch.findFirst({ where: { userId, [column(target.type)]: target.id }, select: { level: true } });
  return watch?.level ?? null;
}

/** The member's levels on an episode and its threads, for the episode page's controls. */
export async function getEpisodeWatchLevels(userId: number, episodeId: number) {
  // One raw statement for the episode's watch and its threads' (every signed-in page asks; ADR 0040).
  const watches = await sqlRows<{ episodeId: number | null; commentId: number | null; level: WatchLevel }>(Prisma.sql`
    SELECT w."episodeId", w."commentId", w.level::text AS level FROM "Watch" w
    WHERE w."userId" = ${userId}::int AND w."episodeId" = ${episodeId}::int
    UNION ALL
    SELECT w."episodeId", w."commentId", w.level::text AS level FROM "Watch" w JOIN "Comment" c ON c.id = w."commentId"
    WHERE w."userId" = ${userId}::int AND c."episodeId" = ${episodeId}::int`);
  const episode = watches.find((watch) => watch.episodeId === episodeId);
  const threads = watches.filter((watch) => watch.commentId !== null);
  return { episodeId, episode: episode?.level ?? null, threads: Object.fromEntries(threads.map((watch) => [String(watch.commentId), watch.level])) as Record<string, WatchLevel> };
}

/** Everything the member watches, tracks or muted, newest first, for /settings/notifications. */
export async function listWatches(userId: number) {
  const rows = await prisma.watch.findMany({
    where: { userId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      level: true,
      episode: { select: { id: true, slug: true, title: true } },
      claim: { select: { id: true, exact: true, episode: { select: { title: true } } } },
      comment: { select: { id: true, anchor: true, episode: { select: { slug: true, title: true } } } },
    },
  });
  return rows.map((row) => {
    if (row.episode) return { id: row.id, level: row.level, type: "episode" as const, targetId: row.episode.id, label: row.episode.title, href: `/episodes/${row.episode.slug}` };
    if (row.claim) {
      const exact = row.claim.exact.length > 80 ? `${row.claim.exact.slice(0, 79)}…` : row.claim.exact;
      return { id: row.id, level: row.level, type: "claim" as const, targetId: row.claim.id, label: `“${exact}” (${row.claim.episode.title})`, href: `/claims/${row.claim.id}` };
    }
    const comment = row.comment!;
    return {
      id: row.id,
      level: row.level,
      type: "thread" as const,
      targetId: comment.id,
      label: `The thread of comment ${commentLabel(comment.anchor)} on ${comment.episode.title}`,
      href: commentPermalink(comment.episode.slug, comment.anchor),
    };
  });
}

/** Members who took part in a thread (or, with no thread, the episode), whose name starts with `prefix`: the mention suggestions. */
export async function listMentionCandidates({ episodeId, threadId, prefix, take = 8 }: { episodeId: number; threadId: number | null; prefix: string; take?: number }) {
  const thread = threadId === null ? null : await threadOf(threadId);
  const rows = await prisma.$queryRaw<{ username: string }[]>`
    SELECT u.username FROM "User" u
    WHERE u."suspendedAt" IS NULL AND u."usernameKey" LIKE ${`${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
      AND EXISTS (
        SELECT 1 FROM "Comment" c LEFT JOIN "ImportedAuthor" a ON a.id = c."importedAuthorId"
        WHERE c."episodeId" = ${episodeId} AND c.status = 'visible'
          AND (${thread}::int IS NULL OR c.id = ${thread}::int OR c."rootId" = ${thread}::int)
          AND (c."authorId" = u.id OR a."linkedUserId" = u.id))
    ORDER BY u."usernameKey" LIMIT ${take}`;
  return rows.map((row) => row.username);
}

/**
 * Tells everyone concerned about a new comment, once each: the parent's author was told in the comment's
 * own transaction (a reply; withdrawn here when they muted the thread or episode); members it mentions get
 * a mention unless they muted it; members watching the thread or the episode get the episode's one
 * "new comments" notification, made by the first comment they have not seen and counted when read
 * (ADR 0048). The author tracks the thread from now on.
 */
export async function notifyNewComment(commentId: number) {
  // Two statements past Prisma (ADR 0045): every new comment runs this job.
  const [comment] = await sqlRows<{ episodeId: number; thread: number; authorId: number | null; body: string; visible: boolean; parentRecipient: number | null }>(Prisma.sql`
    SELECT c."episodeId", COALESCE(c."rootId", c.id) AS thread, c."authorId", c.body, c.status = 'visible' AS visible,
           COALESCE(p."authorId", a."linkedUserId") AS "parentRecipient"
    FROM "Comment" c LEFT JOIN "Comment" p ON p.id = c."parentId" LEFT JOIN "ImportedAuthor" a ON a.id = p."importedAuthorId"
    WHERE c.id = ${commentId}`);
  // A comment hidden or deleted before its job ran tells nobody.
  if (!comment || !comment.visible || comment.authorId === null) return;
  const { episodeId, thread, authorId, parentRecipient } = comment;
  const names = mentionedNames(comment.body);
  // One statement: the author's tracking, the levels (the thread's over the episode's), the reply silenced
  // when muted, mentions, watchers, and the mail of everyone it leaves an unread notification.
  await sqlRows(Prisma.sql`
    WITH tracked AS (
      -- Tracking is the default once I comment, unless I muted the whole episode (then the thread stays muted).
      INSERT INTO "Watch" ("userId", "commentId", level, "createdAt", "updatedAt")
      SELECT ${authorId}::int, ${thread}::int, 'tracking', now(), now()
      WHERE NOT EXISTS (SELECT 1 FROM "Watch" WHERE "userId" = ${authorId}::int AND "episodeId" = ${episodeId}::int AND level = 'muted')
      ON CONFLICT DO NOTHING
    ),
    levels AS (
      SELECT COALESCE(t."userId", e."userId") AS "userId", COALESCE(t.level, e.level) AS level
      FROM (SELECT "userId", level FROM "Watch" WHERE "episodeId" = ${episodeId}::int) e
      FULL JOIN (SELECT "userId", level FROM "Watch" WHERE "commentId" = ${thread}::int) t ON t."userId" = e."userId"
    ),
    muted_reply AS (
      DELETE FROM "Notification" n
      WHERE n."commentId" = ${commentId}::int AND n.kind = 'reply'
        AND EXISTS (SELECT 1 FROM levels l WHERE l."userId" = n."userId" AND l.level = 'muted')
      RETURNING n.id
    ),
    mentioned AS (
      SELECT u.id FROM "User" u
      WHERE u."usernameKey" = ANY(${names}::text[]) AND u.id <> ${authorId}::int AND u.id IS DISTINCT FROM ${parentRecipient}::int
        AND u."suspendedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM levels l WHERE l."userId" = u.id AND l.level = 'muted')
    ),
    mention AS (
      INSERT INTO "Notification" ("userId", "actorId", "kind", "commentId", "episodeId")
      SELECT id, ${authorId}::int, 'mention', ${commentId}::int, ${episodeId}::int FROM mentioned
      RETURNING "userId"
    ),
    watchers AS (
      -- Written once, by the first comment a watcher has not seen (ADR 0048): while that notification is
      -- unread and unmailed, later comments leave it as it is, and its count is taken when it is read.
      INSERT INTO "Notification" ("userId", "actorId", "kind", "commentId", "episodeId")
      SELECT l."userId", ${authorId}::int, 'new-comments', ${commentId}::int, ${episodeId}::int FROM levels l
      WHERE l.level = 'watching' AND l."userId" <> ${authorId}::int AND l."userId" IS DISTINCT FROM ${parentRecipient}::int
        AND l."userId" NOT IN (SELECT id FROM mentioned)
      ON CONFLICT ("userId", "episodeId") WHERE kind = 'new-comments' AND "readAt" IS NULL AND "emailedAt" IS NULL
      DO NOTHING
      RETURNING "userId"
    ),
    mail AS (
      ${mailJobsSql(Prisma.sql`
        SELECT "userId" FROM mention UNION SELECT "userId" FROM watchers
        UNION SELECT n."userId" FROM "Notification" n
        WHERE n."commentId" = ${commentId}::int AND n."readAt" IS NULL AND n."emailedAt" IS NULL AND n.id NOT IN (SELECT id FROM muted_reply)`)}
    )
    SELECT count(*)::int AS mailed FROM mail`);
}

/**
 * Tells the members watching a claim that its state changed (one ClaimEvent; a trigger queues the job).
 * Members the change already told in its own transaction (flaggers of a settled claim, the author of a
 * flagged comment) are not told twice.
 */
export async function notifyClaimEvent(eventId: number) {
  const event = await prisma.claimEvent.findUnique({ where: { id: eventId }, select: { id: true, claimId: true, actorId: true, action: true, createdAt: true, claim: { select: { episodeId: true } } } });
  if (!event) return;
  // A re-check that found the cited page gone or the quote lost (docs/claims.md, "Evidence") says so; any other event is a change of the claim.
  const kind = event.action === "source-check-failed" ? "source-check-failed" : "claim-changed";
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Notification" ("userId", "actorId", "kind", "claimId", "episodeId")
      SELECT w."userId", ${event.actorId}::int, ${kind}, ${event.claimId}, ${event.claim.episodeId}
      FROM "Watch" w
      WHERE w."claimId" = ${event.claimId} AND w.level = 'watching' AND w."userId" IS DISTINCT FROM ${event.actorId}::int
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = w."userId" AND n."claimId" = ${event.claimId} AND n."createdAt" >= ${event.createdAt})`;
    await scheduleMailFor(tx, { claimId: event.claimId });
  });
}
