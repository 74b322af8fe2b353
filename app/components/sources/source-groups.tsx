import { Link } from "@remix-run/react";
import { citationCountLabel, sourceByline, type SourceFields } from "./source-format";

export type ListedSource = SourceFields & { id: number; title: string; citationCount: number };
export type SourceGroup = { name: string; sources: ListedSource[] };

/** The library, one card per outlet (books together, web pages under their site). */
export function SourceGroups({ groups }: { groups: SourceGroup[] }) {
  return (
    // Columns read down, then across: alphabetical order survives, and short cards leave no gaps.
    <div className="gap-4 md:columns-2">
      {groups.map((group, index) => (
        <section
          key={`${group.name}-${index}`}
          aria-labelledby={`group-${index}`}
          className="mb-4 min-w-0 break-inside-avoid rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900"
        >
          <h2
            id={`group-${index}`}
            className="flex items-baseline justify-between gap-3 border-b border-stone-200 px-4 py-2.5 font-serif text-lg font-semibold dark:border-stone-800"
          >
            <span className="min-w-0 [overflow-wrap:anywhere]">{group.name}</span>
            <span className="shrink-0 font-sans text-xs font-normal text-stone-500 dark:text-stone-400">
              {group.sources.length === 1 ? "1 source" : `${group.sources.length} sources`}
            </span>
          </h2>
          <ul className="divide-y divide-stone-100 dark:divide-stone-800">
            {group.sources.map((source) => (
              <li key={source.id} className="flex items-start justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <Link to={`/sources/${source.id}`} className="font-medium leading-snug [overflow-wrap:anywhere]">
                    {source.title}
                  </Link>
                  {sourceByline(source) ? (
                    <p className="mt-0.5 text-sm text-stone-500 [overflow-wrap:anywhere] dark:text-stone-400">{sourceByline(source)}</p>
                  ) : null}
                </div>
                <span className="shrink-0 rounded-full bg-stone-100 px-2 py-0.5 text-xs tabular-nums text-stone-600 dark:bg-stone-800 dark:text-stone-300">
                  {citationCountLabel(source.citationCount)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
