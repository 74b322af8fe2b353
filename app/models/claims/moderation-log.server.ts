// The moderation log, its one home: every moderator and admin action with who, what, on what and why,
// written in the same transaction as the action it records (so neither exists without the other), and
// read as the public page /moderation/log.
import type { Prisma } from "@prisma/client";
import { logSentence, logText, type LogLookups } from "~/models/presenters/moderation-log";
import { seesModeratorNames, type Reader } from "~/models/presenters/reader";
import { commentLabel, commentPermalink } from "~/utils/comment-anchor";
import { prisma } from "~/utils/db.server";

type Db = Prisma.TransactionClient | typeof prisma;

/** The actions recorded so far; later features add theirs (the `string & {}` keeps other names possible). */
export type ModerationAction =
  | "user.role_changed"
  | "user.suspended"
  | "user.unsuspended"
  | "author.linked"
  | "author.unlinked"
  | (string & {});

export type ModerationTargetType = "user" | "imported_author" | (string & {});

export interface ModeratorActionInput {
  /** Null only for actions taken by the system rather than a person. */
  actorId: number | null;
  action: ModerationAction;
  targetType: ModerationTargetType;
  targetId: string | number;
  reason: string | null;
  details?: Prisma.InputJsonObject;
}

/** Records one action. Pass the transaction the action runs in. */
export function logModeratorAction(db: Db, { actorId, action, targetType, targetId, reason, details }: ModeratorActionInput) {
  return db.moderationLog.create({
    data: { actorId, action, targetType, targetId: String(targetId), reason, details },
    select: { id: true, createdAt: true },
  });
}

export const LOG_PER_PAGE = 50;

const ADMIN_ACTIONS = /^(user|author)\./;

/**
 * The moderation log, newest first: actions and reasons for everyone, the moderators' names to those who
 * may see them. Decisions about accounts (roles, suspensions) and on suggestions (which never appear to
 * readers, docs/claims.md) are listed only to those who may see moderator names.
 */
export async function listModerationLog({ viewer, page = 1 }: { viewer: Reader; page?: number }) {
  const staff = seesModeratorNames(viewer);
  const where: Prisma.ModerationLogWhereInput = staff ? {} : { targetType: { notIn: ["user", "claim_suggestion"] } };
  const [total, rows] = await Promise.all([
    prisma.moderationLog.count({ where }),
    prisma.moderationLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * LOG_PER_PAGE,
      take: LOG_PER_PAGE,
      select: { id: true, action: true, targetType: true, targetId: true, reason: true, details: true, createdAt: true, actor: { select: { username: true } } },
    }),
  ]);
  const lookups = await logLookups(rows);
  return {
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / LOG_PER_PAGE)),
    showsNames: staff,
    entries: rows.map((row) => {
      const anonymous = ADMIN_ACTIONS.test(row.action) ? "an admin" : "a moderator";
      const actor = staff ? (row.actor?.username ?? "the system") : anonymous;
      const sentence = logSentence({ ...row, actor }, lookups);
      return {
        id: row.id,
        action: row.action,
        actor,
        /** The entry as one sentence in plain words, with its links (presenters/moderation-log.ts). */
        sentence,
        text: logText(sentence),
        reason: row.reason,
        createdAt: row.createdAt,
      };
    }),
  };
}

/** The names and places one page of the log speaks of, each kind in one query. */
async function logLookups(rows: { targetType: string; targetId: string; details: Prisma.JsonValue }[]): Promise<LogLookups> {
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.targetType === type).map((row) => Number(row.targetId)).filter(Number.isSafeInteger))];
  const detail = (row: { details: Prisma.JsonValue }, key: string) => (row.details && typeof row.details === "object" && !Array.isArray(row.details) ? row.details[key] : undefined);
  const linkedUserIds = rows.map((row) => detail(row, "userId")).filter((value): value is number => typeof value === "number");
  const slugs = [...new Set(rows.map((row) => detail(row, "episode")).filter((value): value is string => typeof value === "string"))];
  const [users, authors, claims, suggestions, episodes] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: [...idsOf("user"), ...linkedUserIds] } }, select: { id: true, username: true } }),
    prisma.importedAuthor.findMany({ where: { id: { in: idsOf("imported_author") } }, select: { id: true, name: true } }),
    prisma.claim.findMany({
      where: { id: { in: idsOf("claim") } },
      select: { id: true, episode: { select: { slug: true, title: true } }, section: { select: { label: true } }, comment: { select: { anchor: true } } },
    }),
    prisma.claimSuggestion.findMany({ where: { id: { in: idsOf("claim_suggestion") } }, select: { id: true, exact: true, episode: { select: { slug: true, title: true } } } }),
    prisma.episode.findMany({ where: { slug: { in: slugs } }, select: { slug: true, title: true } }),
  ]);
  return {
    users: new Map(users.map((user) => [user.id, user.username])),
    authors: new Map(authors.map((author) => [author.id, author.name])),
    claims: new Map(
      claims.map(({ id, episode, section, comment }) => [
        id,
        {
          episode,
          place: comment
            ? { label: `comment ${commentLabel(comment.anchor)}`, href: commentPermalink(episode.slug, comment.anchor) }
            : { label: `section ${section?.label ?? "?"}`, href: `/episodes/${episode.slug}#section-${section?.label ?? ""}` },
        },
      ]),
    ),
    suggestions: new Map(suggestions.map(({ id, exact, episode }) => [id, { exact, episode }])),
    episodes: new Map(episodes.map((episode) => [episode.slug, episode.title])),
  };
}
