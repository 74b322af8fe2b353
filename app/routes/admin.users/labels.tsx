import { RoleBadge } from "~/components/role-badge";
import type { AdminUser } from "~/models/users/index.server";
import type { Role } from "~/utils/permissions";
import { Time } from "~/components/ui/time";

/** A role in the admin's views: staff carry their badge (RoleBadge decides who does); anyone else's role is said in plain words. */
export function RoleLabel({ role }: { role: Role }) {
  return RoleBadge({ role }) ?? <span className="text-stone-600 dark:text-stone-300">{role}</span>;
}

export function StatusLabel({ user }: { user: Pick<AdminUser, "suspendedAt" | "suspendedReason"> }) {
  if (!user.suspendedAt) return <span className="text-stone-600 dark:text-stone-300">active</span>;
  return (
    <span className="text-red-800 dark:text-red-300" title={user.suspendedReason ?? undefined}>
      suspended since <Time date={user.suspendedAt} />
    </span>
  );
}
