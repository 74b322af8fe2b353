import { z } from "zod";

export const SEARCH_KINDS = ["all", "episodes", "sections", "comments", "sources"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What one result is; `kind` filters name the plural. */
export type SearchResultType = "episode" | "section" | "comment" | "source";

/** A run of snippet text, highlighted where it matched the query. Rendered as text, never as HTML. */
export type HighlightPart = { text: string; highlight: boolean };

/** Longer queries are cut to this many characters (not refused): the page says so and the API answers `truncated: true`. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_MAX_PAGE = 1000;

// NUL is refused by PostgreSQL and U+E000–U+E003 are the highlight markers of app/models/search.server.ts:
// neither may reach the database from a query. Other control characters read as spaces.
const UNSEARCHABLE = /[\u0000-\u001f\u007f\ue000-\ue003]/g;

/** The query as searched: control characters out, whitespace collapsed, at most 200 characters (code points). */
export function normalizeQuery(raw: string) {
  const text = raw.replace(UNSEARCHABLE, " ").replace(/\s+/g, " ").trim();
  const characters = Array.from(text);
  if (characters.length <= SEARCH_QUERY_MAX_LENGTH) return { q: text, truncated: false };
  return { q: characters.slice(0, SEARCH_QUERY_MAX_LENGTH).join("").trimEnd(), truncated: true };
}

// A form submits "" for an untouched field: read it as absent so the default applies.
const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

const QueryTextSchema = z
  .string({ error: "The search must be text." })
  .optional()
  .transform((raw) => normalizeQuery(raw ?? ""));

const PageSchema = z.preprocess(
  blankAsMissing,
  z.coerce
    .number({ error: "The page must be a whole number." })
    .int("The page must be a whole number.")
    .min(1, "Pages start at 1.")
    .max(SEARCH_MAX_PAGE, `The page must be at most ${SEARCH_MAX_PAGE}.`)
    .default(1),
);

/** A commenter's name as shown on their comments; compared without case, accents or a leading "@". */
export const SEARCH_AUTHOR_MAX_LENGTH = 60;
const AuthorSchema = z.preprocess(
  blankAsMissing,
  z
    .string({ error: "The author must be text." })
    .transform((raw) => normalizeQuery(raw).q)
    .pipe(z.string().max(SEARCH_AUTHOR_MAX_LENGTH, `An author's name is at most ${SEARCH_AUTHOR_MAX_LENGTH} characters.`))
    .optional(),
);

export const SearchQuerySchema = z
  .object({
    q: QueryTextSchema,
    author: AuthorSchema,
    kind: z.preprocess(
      blankAsMissing,
      z.enum(SEARCH_KINDS, { error: `The kind must be one of: ${SEARCH_KINDS.join(", ")}.` }).default("all"),
    ),
    page: PageSchema,
  })
  .transform(({ q, author, kind, page }) => ({ q: q.q, truncated: q.truncated, author: author || null, kind, page }));
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** The sources library's filter: the same query rules as search. */
export const SourceListQuerySchema = z
  .object({ q: QueryTextSchema, page: PageSchema })
  .transform(({ q, page }) => ({ q: q.q, truncated: q.truncated, page }));
export type SourceListQuery = z.infer<typeof SourceListQuerySchema>;

const MAX_INT4 = 2_147_483_647;

/** `/sources/:id`: a positive whole number that fits the database's integer ids. */
export const SourceIdSchema = z
  .string({ error: "The source id must be a whole number, such as /sources/12." })
  .regex(/^[1-9][0-9]{0,9}$/, "The source id must be a whole number, such as /sources/12.")
  .transform(Number)
  .refine((id) => id <= MAX_INT4, `Source ids are at most ${MAX_INT4}.`);
