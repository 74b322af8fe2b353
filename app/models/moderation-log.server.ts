// The moderation log: every moderator and admin action with who, what, on what, and why.
// Rows are written in the same transaction as the action they record, so neither exists without the other.
import type { Prisma } from "@prisma/client";
import type { prisma } from "~/utils/db.server";

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
