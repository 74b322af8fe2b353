// The user presenter: what any reader sees of an account (its public profile), and how a role is named.
import type { Role } from "~/utils/permissions";

/** A profile as every reader sees it: name, role, since when, and whether it is suspended (never why). */
export function publicProfile(user: { username: string; role: Role; createdAt: Date; suspendedAt: Date | null }) {
  return { username: user.username, role: user.role, createdAt: user.createdAt, suspendedAt: user.suspendedAt };
}

/** "an admin", "a moderator", "a member": the article goes by the sound, never by which role it is. */
export function articledRole(role: Role) {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
