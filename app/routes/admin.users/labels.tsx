import type { AdminUser } from "~/models/user.server";
import type { Role } from "~/utils/permissions";

// Fixed locale and zone, so the server's and the browser's renderings agree.
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
export const formatDate = (date: Date) => dateFormat.format(date);

export function RoleLabel({ role }: { role: Role }) {
  if (role === "member") return <span className="text-stone-600 dark:text-stone-300">member</span>;
  return (
    <span className="rounded-full bg-accent-100 px-2 py-0.5 text-xs font-semibold text-accent-700 dark:bg-accent-700/40 dark:text-accent-100">
      {role}
    </span>
  );
}

export function StatusLabel({ user }: { user: Pick<AdminUser, "suspendedAt" | "suspendedReason"> }) {
  if (!user.suspendedAt) return <span className="text-stone-600 dark:text-stone-300">active</span>;
  return (
    <span className="text-red-800 dark:text-red-300" title={user.suspendedReason ?? undefined}>
      suspended since <time dateTime={user.suspendedAt.toISOString()}>{formatDate(user.suspendedAt)}</time>
    </span>
  );
}
