import { Link, useLocation } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";

/**
 * What an admin action did, beside the forms it leaves open, until dismissed (the link loads the same
 * address again, without the answer).
 */
export function DoneNotice({ message }: { message: string }) {
  const location = useLocation();
  return (
    <Notice tone="success" role="status" className="flex items-start justify-between gap-4">
      <span>{message}</span>
      <Link
        to={location.pathname + location.search}
        preventScrollReset
        replace
        className="shrink-0 rounded px-1 text-sm font-medium text-emerald-900 underline dark:text-emerald-100"
      >
        Dismiss
      </Link>
    </Notice>
  );
}
