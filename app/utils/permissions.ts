// The role → permission table. docs/authorization.md states the same table for people.
export const ROLES = ["member", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "comment:create": ["member", "moderator", "admin"],
  "comment:edit-own": ["member", "moderator", "admin"],
  "comment:delete-own": ["member", "moderator", "admin"],
  "claim:flag": ["member", "moderator", "admin"],
  "claim:propose-source": ["member", "moderator", "admin"],
  "moderation:view-queue": ["moderator", "admin"],
  "moderation:resolve-claim": ["moderator", "admin"],
  "moderation:hide-comment": ["moderator", "admin"],
  "moderation:see-hidden": ["moderator", "admin"],
  "moderation:see-moderator-names": ["moderator", "admin"],
  "admin:import": ["admin"],
  "admin:manage-users": ["admin"],
  "admin:read-mail": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Suspended users keep only what every reader has: nothing in this table. */
export function can(user: { role: Role; suspendedAt: Date | string | null } | null, permission: Permission) {
  if (!user || user.suspendedAt) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}
