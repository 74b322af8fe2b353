// The source presenter: the one public shape of a source (docs/api.md), in the episode JSON, the claims
// JSON and the library JSON. Field names are a contract: add, never rename.
import type { Prisma } from "@prisma/client";
import type { SOURCE_SELECT } from "~/models/source.server";

export type SourceFields = Prisma.SourceGetPayload<{ select: typeof SOURCE_SELECT }>;

export function sourceJson(source: SourceFields) {
  return {
    id: source.id,
    kind: source.kind,
    title: source.title,
    authors: source.authors,
    outlet: source.outlet,
    originalOutlet: source.originalOutlet,
    publisher: source.publisher,
    date: source.date ? source.date.toISOString().slice(0, 10) : null,
    dateText: source.dateText,
    year: source.year,
    isbn: source.isbn,
    url: source.url,
    path: `/sources/${source.id}`,
  };
}

/** A source where it is cited: with the pages cited there. */
export function citedSourceJson(source: SourceFields, pages: string | null) {
  return { ...sourceJson(source), pages };
}
