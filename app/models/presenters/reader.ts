// Who reads. Every presenter (app/models/presenters/) takes the reader and returns what that reader may
// see; what a role may see is decided here, through the permission table only (app/utils/permissions.ts),
// never by comparing role names. The visibility matrix in docs/authorization.md states the result.
import { can, type Permission, type Role } from "~/utils/permissions";

/** The signed-in reader, or null for an anonymous one. A suspended account reads as anonymous does. */
export type Reader = { id: number; role: Role; suspendedAt?: Date | string | null } | null;

/** The reader of a session user (or of any object that has the same fields). */
export function readerOf(user: { id: number; role: Role; suspendedAt: Date | string | null } | null | undefined): Reader {
  return user ? { id: user.id, role: user.role, suspendedAt: user.suspendedAt } : null;
}

/** The reader every public surface (JSON API, feeds) reads as. */
export const ANONYMOUS: Reader = null;

/** Reads the text of hidden and deleted comments, removed claims, and the claims in their grace period. */
export function seesHidden(reader: Reader) {
  return mayRead(reader, "moderation:see-hidden");
}

/** Reads who took a moderator's decision (history, log, who is on a claim). */
export function seesModeratorNames(reader: Reader) {
  return mayRead(reader, "moderation:see-moderator-names");
}

function mayRead(reader: Reader, permission: Permission) {
  return can(reader ? { role: reader.role, suspendedAt: reader.suspendedAt ?? null } : null, permission);
}
