import { Link } from "@remix-run/react";

/** Previous / "Page n of m" / next, for any list whose page is a query parameter. */
export function Pager({ page, pageCount, href, label = "Pages" }: { page: number; pageCount: number; href: (page: number) => string; label?: string }) {
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link to={href(Math.min(page - 1, pageCount))} rel="prev" className="rounded-md px-2 py-1">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-stone-500 dark:text-stone-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className="rounded-md px-2 py-1">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
