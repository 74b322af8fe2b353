// The moderation log, its one home: every moderator and admin action with who, what, on what and why,
// written in the same transaction as the action it records (so neither exists without the other), and
// read as the public page /moderation/log.
import type { Prisma } from "@prisma/client";
import { seesModeratorNames, type Reader } from "~/models/presenters/reader";
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

function describeLogEntry(
  entry: { action: string; targetType: string; targetId: string; details: Prisma.JsonValue },
  names: { users: Map<number, string>; authors: Map<number, string> },
) {
  const details = (entry.details ?? {}) as Record<string, unknown>;
  const id = Number(entry.targetId);
  switch (entry.action) {
    case "claim.sourced":
      return { text: `accepted a source for claim #${id}`, href: `/claims/${id}` };
    case "claim.unsourced":
      return { text: `marked claim #${id} unsourced`, href: `/claims/${id}` };
    case "claim.dismissed":
      return { text: `dismissed claim #${id}${details.bulk ? " (with others)" : ""}`, href: `/claims/${id}` };
    case "claim.taken":
      return { text: `took claim #${id}`, href: `/claims/${id}` };
    case "claim.released":
      return { text: `let go of claim #${id}`, href: `/claims/${id}` };
    case "comment.hidden": {
      // Entries before ADR 0034 name the comment by its number alone; `?c=` still finds it.
      const ordinal = typeof details.anchor === "string" ? details.anchor : typeof details.ordinal === "number" ? String(details.ordinal) : null;
      const episode = typeof details.episode === "string" ? details.episode : null;
      const removed = Array.isArray(details.removedClaimIds) ? details.removedClaimIds.length : 0;
      return {
        text: `hid comment #${ordinal ?? "?"}${removed ? `; ${removed === 1 ? "its claim was" : `its ${removed} claims were`} removed` : ""}`,
        href: episode && ordinal ? `/episodes/${episode}?c=${ordinal}#comment-${ordinal}` : null,
      };
    }
    case "user.role_changed":
      return { text: `changed the role of ${names.users.get(id) ?? `user #${id}`} from ${String(details.from)} to ${String(details.to)}`, href: userHref(names.users.get(id)) };
    case "user.suspended":
      return { text: `suspended ${names.users.get(id) ?? `user #${id}`}`, href: userHref(names.users.get(id)) };
    case "user.unsuspended":
      return { text: `lifted the suspension of ${names.users.get(id) ?? `user #${id}`}`, href: userHref(names.users.get(id)) };
    case "author.linked":
      return { text: `linked the imported author ${names.authors.get(id) ?? `#${id}`} to an account`, href: null };
    case "author.unlinked":
      return { text: `unlinked the imported author ${names.authors.get(id) ?? `#${id}`}`, href: null };
    default:
      return { text: `${entry.action} on ${entry.targetType} #${entry.targetId}`, href: null };
  }
}

function userHref(username: string | undefined) {
  return username ? `/users/${encodeURIComponent(username)}` : null;
}

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
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.targetType === type).map((row) => Number(row.targetId)).filter(Number.isSafeInteger))];
  const [users, authors] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, username: true } }),
    prisma.importedAuthor.findMany({ where: { id: { in: idsOf("imported_author") } }, select: { id: true, name: true } }),
  ]);
  const names = { users: new Map(users.map((user) => [user.id, user.username])), authors: new Map(authors.map((author) => [author.id, author.name])) };
  return {
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / LOG_PER_PAGE)),
    showsNames: staff,
    entries: rows.map((row) => {
      const { text, href } = describeLogEntry(row, names);
      const anonymous = ADMIN_ACTIONS.test(row.action) ? "an admin" : "a moderator";
      return {
        id: row.id,
        action: row.action,
        actor: staff ? (row.actor?.username ?? "the system") : anonymous,
        text,
        href,
        reason: row.reason,
        createdAt: row.createdAt,
      };
    }),
  };
}
