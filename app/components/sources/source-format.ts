// How a source's fields read on the page. Pure: shared by the library list and the source page.

export type SourceFields = {
  kind: "article" | "book" | "web";
  authors: string[];
  outlet: string | null;
  publisher: string | null;
  date: string | null;
  dateText: string | null;
  year: number | null;
};

export const SOURCE_KIND_LABELS: Record<SourceFields["kind"], string> = { article: "Article", book: "Book", web: "Web page" };

/** "March 22, 2024" from an ISO date; otherwise the date as the citation printed it, or the year. */
export function sourceDate(source: Pick<SourceFields, "date" | "dateText" | "year">) {
  if (source.date) {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${source.date}T00:00:00Z`));
  }
  return source.dateText ?? (source.year === null ? null : String(source.year));
}

/** "Richard Labeviere · Algora Press · 2000": who, where, when, leaving out what is unknown. */
export function sourceByline(source: SourceFields) {
  const parts = [source.authors.join(", "), source.kind === "book" ? source.publisher : null, sourceDate(source)];
  return parts.filter((part): part is string => Boolean(part)).join(" · ");
}

export function citationCountLabel(count: number) {
  return count === 1 ? "1 citation" : `${count} citations`;
}

/** The outlet as a byline shows it: "Original via Outlet"; left out when it only repeats the authors ("by Kyiv Post"). */
export function outletLabel(source: { authors: string[]; outlet: string | null; originalOutlet: string | null }) {
  const outlet = source.originalOutlet && source.outlet ? `${source.originalOutlet} via ${source.outlet}` : (source.originalOutlet ?? source.outlet);
  const byline = source.authors.join(", ").trim().toLowerCase();
  return outlet && outlet.trim().toLowerCase() !== byline ? outlet : null;
}
