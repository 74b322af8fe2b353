import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type ClaimSourceData = {
  id: number;
  kind: "article" | "book" | "web";
  title: string;
  authors: string[];
  outlet: string | null;
  publisher: string | null;
  date: Date | string | null;
  dateText: string | null;
  year: number | null;
  url: string | null;
};

function dateLabel(source: ClaimSourceData) {
  if (source.date) {
    const date = typeof source.date === "string" ? new Date(source.date) : source.date;
    return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);
  }
  return source.dateText ?? (source.year === null ? null : String(source.year));
}

/** A source as a compact card: title linking to its page in the library, who published it and when, its address. */
export function ClaimSourceCard({ source, children }: { source: ClaimSourceData; children?: ReactNode }) {
  const details = [source.authors.join(", "), source.outlet ?? source.publisher, dateLabel(source)].filter((detail): detail is string => Boolean(detail));
  return (
    <div className="rounded-md border border-stone-200 bg-stone-100/70 px-3.5 py-2.5 text-sm leading-snug dark:border-stone-700/80 dark:bg-stone-800/50">
      <p className="font-medium text-stone-900 [overflow-wrap:anywhere] dark:text-stone-100">
        <cite className={source.kind === "book" ? "italic" : "not-italic"}>
          <Link to={`/sources/${source.id}`}>{source.kind === "article" ? `“${source.title}”` : source.title}</Link>
        </cite>
      </p>
      {details.length > 0 ? <p className="mt-0.5 text-stone-600 dark:text-stone-300">{details.join(" · ")}</p> : null}
      {source.url ? (
        <p className="mt-0.5">
          {/* Addresses come from members: search engines must not read them as endorsed. */}
          <a href={source.url} rel="nofollow ugc noopener" className="[overflow-wrap:anywhere]">
            {source.url}
          </a>
        </p>
      ) : null}
      {children}
    </div>
  );
}
