import { Link } from "@remix-run/react";
import type { SearchKind } from "~/schemas/search";
import { SEARCH_KINDS } from "~/schemas/search";

export const KIND_LABELS: Record<SearchKind, string> = {
  all: "All",
  episodes: "Episodes",
  sections: "Sections",
  comments: "Comments",
  sources: "Sources",
};

/** One link per result type with its count; the current one is marked for assistive technology too. */
export function KindTabs({ kind, counts, href }: { kind: SearchKind; counts: Record<SearchKind, number>; href: (kind: SearchKind) => string }) {
  return (
    <nav aria-label="Result types">
      <ul className="flex flex-wrap gap-2 border-b border-stone-200 pb-3 dark:border-stone-800">
        {SEARCH_KINDS.map((item) => {
          const current = item === kind;
          return (
            <li key={item}>
              <Link
                to={href(item)}
                aria-current={current ? "page" : undefined}
                className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm no-underline hover:no-underline ${
                  current
                    ? "border-accent-700 bg-accent-700 font-semibold text-white dark:border-accent-300 dark:bg-accent-300 dark:text-stone-950"
                    : "border-stone-300 bg-white text-stone-700 hover:border-stone-400 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200 dark:hover:bg-stone-800"
                }`}
              >
                {KIND_LABELS[item]}
                <span
                  className={`rounded-full px-1.5 text-xs tabular-nums ${
                    current ? "bg-white/20 dark:bg-stone-950/20" : "bg-stone-100 text-stone-600 dark:bg-stone-800 dark:text-stone-300"
                  }`}
                >
                  {counts[item]}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
