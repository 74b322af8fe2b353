import { Link } from "@remix-run/react";
import type { AdminUser } from "~/models/users/index.server";
import { RoleLabel, StatusLabel } from "./labels";
import { Time } from "~/components/ui/time";

/** One page of accounts; the open one is highlighted and each row links to its controls. */
export function UserTable({
  users,
  viewerId,
  managedId,
  manageHref,
}: {
  users: AdminUser[];
  viewerId: number;
  managedId: number | null;
  manageHref: (userId: number) => string;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <thead className="bg-stone-100 dark:bg-stone-800">
          <tr>
            <th scope="col" className="px-3 py-2">Username</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2">Joined</th>
            <th scope="col" className="px-3 py-2 text-right">Comments</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200 bg-white dark:divide-stone-800 dark:bg-stone-900">
          {users.map((user) => (
            <tr key={user.id} className={managedId === user.id ? "bg-accent-50 dark:bg-stone-800/60" : undefined}>
              <th scope="row" className="min-w-[10rem] px-3 py-2 font-normal">
                <Link to={`/users/${encodeURIComponent(user.username)}`} className="font-medium">
                  {user.username}
                </Link>
                {user.id === viewerId ? <span className="ml-1 text-stone-500 dark:text-stone-400">(you)</span> : null}
                {user.email ? <p className="break-all text-xs text-stone-500 dark:text-stone-400">{user.email}</p> : null}
              </th>
              <td className="px-3 py-2">
                <RoleLabel role={user.role} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <Time date={user.createdAt} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{user.commentCount}</td>
              <td className="min-w-[12rem] px-3 py-2">
                <StatusLabel user={user} />
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right">
                <Link to={`${manageHref(user.id)}#manage`} aria-label={`Manage ${user.username}`} preventScrollReset>
                  Manage
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
