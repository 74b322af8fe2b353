import { RoleBadge } from "~/components/role-badge";
import type { AdminUser } from "~/models/users/index.server";
import type { Role } from "~/utils/permissions";

// Fixed locale and zone, so the server's and the browser's renderings agree.
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
export const formatDate = (date: Date) => dateFormat.format(date);

/** A role in the admin's views: staff carry their badge (RoleBadge decides who does); anyone else's role is said in plain words. */
export function RoleLabel({ role }: { role: Role }) {
  return RoleBadge({ role }) ?? <span className="text-stone-600 dark:text-stone-300">{role}</span>;
}

export function StatusLabel({ user }: { user: Pick<AdminUser, "suspendedAt" | "suspendedReason"> }) {
  if (!user.suspendedAt) return <span className="text-stone-600 dark:text-stone-300">active</span>;
  return (
    <span className="text-red-800 dark:text-red-300" title={user.suspendedReason ?? undefined}>
      suspended since <time dateTime={user.suspendedAt.toISOString()}>{formatDate(user.suspendedAt)}</time>
    </span>
  );
}
