// The source presenter: the one public shape of a source (docs/api.md), in the episode JSON, the claims
// JSON and the library JSON. Field names are a contract: add, never rename.
import { Prisma } from "@prisma/client";
import type { SOURCE_SELECT } from "~/models/source.server";
import { LISTED_COMMENT } from "~/models/presenters/comment";

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

// Which sources are in the public library (the list, search, the library JSON): what an import brought
// (an admin's document: its citations and an article itself), a source a reader can see cited, and one a
// moderator accepted for a claim. A source that a member proposed and no moderator accepted is not vetted:
// its page says so and it is listed nowhere.

/** A citation a reader may see: in a section, or in a visible comment. */
export const VISIBLE_CITATION = { OR: [{ sectionId: { not: null } }, { comment: LISTED_COMMENT }] } satisfies Prisma.CitationWhereInput;

export const LIBRARY_SOURCE = {
  OR: [{ createdById: null }, { citations: { some: VISIBLE_CITATION } }, { proposals: { some: { status: "accepted" } } }],
} satisfies Prisma.SourceWhereInput;

/** LIBRARY_SOURCE in SQL, for the source aliased `alias`. */
export function librarySourceSql(alias: string) {
  const s = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${s}."createdById" IS NULL
    OR EXISTS (SELECT 1 FROM "Citation" lc LEFT JOIN "Comment" lcm ON lcm.id = lc."commentId"
      WHERE lc."sourceId" = ${s}.id AND (lc."sectionId" IS NOT NULL OR lcm.status = 'visible'))
    OR EXISTS (SELECT 1 FROM "SourceProposal" lp WHERE lp."sourceId" = ${s}.id AND lp.status = 'accepted'))`;
}
