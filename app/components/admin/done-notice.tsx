import { Link, useLocation } from "@remix-run/react";

/** What an admin action did, until dismissed (the link reloads the same address without the answer). */
export function DoneNotice({ message }: { message: string }) {
  const location = useLocation();
  return (
    <div
      role="status"
      className="flex items-start justify-between gap-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      <p>{message}</p>
      <Link
        to={location.pathname + location.search}
        preventScrollReset
        replace
        className="shrink-0 rounded px-1 text-sm font-medium text-emerald-900 underline dark:text-emerald-100"
      >
        Dismiss
      </Link>
    </div>
  );
}

/** An admin action refused for a reason that belongs to no one field. */
export function RefusedNotice({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      {message}
    </p>
  );
}
