import { Card } from "~/components/ui/card";
import { Link } from "@remix-run/react";
import type { HighlightPart, SearchResultType } from "~/schemas/search";
import { HighlightedText } from "./highlighted-text";

export type SearchResultItem = {
  type: SearchResultType;
  id: number;
  titleParts: HighlightPart[];
  context: string | null;
  url: string;
  snippet: HighlightPart[];
};

const TYPE_BADGES: Record<SearchResultType, { label: string; className: string }> = {
  episode: { label: "Episode", className: "bg-accent-100 text-accent-700 dark:bg-accent-700/40 dark:text-accent-100" },
  section: { label: "Section", className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200" },
  comment: { label: "Comment", className: "bg-violet-100 text-violet-800 dark:bg-violet-900/50 dark:text-violet-200" },
  source: { label: "Source", className: "bg-stone-200 text-stone-700 dark:bg-stone-700 dark:text-stone-100" },
};

export function TypeBadge({ type }: { type: SearchResultType }) {
  const badge = TYPE_BADGES[type];
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide ${badge.className}`}>{badge.label}</span>
  );
}

export function SearchResults({ results, start }: { results: SearchResultItem[]; start: number }) {
  return (
    <Card as="ol" divided start={start}>
      {results.map((result) => (
        <li key={`${result.type}-${result.id}`} className="px-4 py-4 sm:px-5">
          <article aria-labelledby={`result-${result.type}-${result.id}`} className="space-y-1.5">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <TypeBadge type={result.type} />
              {result.context ? (
                <span className="min-w-0 text-sm text-stone-500 [overflow-wrap:anywhere] dark:text-stone-400">{result.context}</span>
              ) : null}
            </div>
            <h3 id={`result-${result.type}-${result.id}`} className="font-serif text-lg font-semibold leading-snug [overflow-wrap:anywhere]">
              <Link to={result.url}>
                <HighlightedText parts={result.titleParts} />
              </Link>
            </h3>
            {result.snippet.length > 0 ? (
              <p className="text-sm leading-relaxed text-stone-700 [overflow-wrap:anywhere] dark:text-stone-300">
                <HighlightedText parts={result.snippet} />
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </Card>
  );
}
