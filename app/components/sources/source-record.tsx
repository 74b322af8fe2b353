import type { ReactNode } from "react";
import { SOURCE_KIND_LABELS, sourceDate, type SourceFields } from "./source-format";

export type SourceRecordFields = SourceFields & {
  originalOutlet: string | null;
  isbn: string | null;
  url: string | null;
};

/** The structured record of a source below its title: only the fields it has, in a fixed order. */
export function SourceRecord({ source }: { source: SourceRecordFields }) {
  const rows: [string, ReactNode][] = [
    ["Kind", SOURCE_KIND_LABELS[source.kind]],
    [source.authors.length === 1 ? "Author" : "Authors", source.authors.length > 0 ? source.authors.join(", ") : null],
    ["Outlet", source.outlet],
    ["Originally in", source.originalOutlet],
    ["Publisher", source.publisher],
    ["Date", sourceDate(source)],
    ["ISBN", source.isbn],
    [
      "Address",
      source.url ? (
        // Addresses come from imported documents and members: search engines must not read them as endorsed.
        <a href={source.url} rel="nofollow ugc noopener" className="[overflow-wrap:anywhere]">
          {source.url}
        </a>
      ) : null,
    ],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white px-4 py-4 sm:grid-cols-[10rem_1fr] sm:px-5 dark:border-stone-800 dark:bg-stone-900">
      {rows
        .filter(([, value]) => value !== null && value !== "")
        .map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-sm font-semibold text-stone-500 sm:pt-0.5 dark:text-stone-400">{term}</dt>
            <dd className="mb-2 min-w-0 [overflow-wrap:anywhere] sm:mb-0">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
