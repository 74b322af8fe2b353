import { z } from "zod";
import { COMMENT_ANCHOR_PATTERN } from "~/utils/comment-anchor";
import { COMMENT_SORTS } from "~/utils/comment-tree";

const wholeNumber = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a whole number.` })
    .int(`${what} must be a whole number.`)
    .min(1, `${what} starts at 1.`)
    .max(1_000_000, `${what} is too large.`);

/** The episode page's query string. Unknown parameters (tracking tags and the like) are ignored. */
export const EpisodePageQuerySchema = z.object({
  sort: z.enum(COMMENT_SORTS, { error: "Comments can be sorted by “oldest” or “newest”." }).default("oldest"),
  /** Page of the discussion's top-level threads. */
  cpage: wholeNumber("The comment page").optional(),
  /** A comment to show, "10" (the original page's) or "L3" (posted here): the answer redirects to the page that holds it, at #comment-<c>. */
  c: z
    .string()
    .trim()
    .regex(COMMENT_ANCHOR_PATTERN, "A comment is named by its number, like 10, or L3 for one posted here.")
    .optional(),
  /**
   * A comment whose reply form, or whose "Flag a claim" form, the page shows open: where "Reply" and "Flag a
   * claim" lead without JavaScript (with it they open in place). Only a signed-in reader's page has them,
   * and no page key: an anonymous reader's page is the same without them.
   */
  reply: z.string().trim().regex(COMMENT_ANCHOR_PATTERN, "A comment is named by its number, like 10, or L3 for one posted here.").optional(),
  flag: z.string().trim().regex(COMMENT_ANCHOR_PATTERN, "A comment is named by its number, like 10, or L3 for one posted here.").optional(),
  /** "comments": the discussion page alone, which the "Load more comments" button appends. */
  part: z.enum(["comments"], { error: "The only part of an episode page that loads on its own is “comments”." }).optional(),
});

export type EpisodePageQuery = z.infer<typeof EpisodePageQuerySchema>;

/** The search string of a page of the discussion, without defaults: "?cpage=2&sort=newest". */
export function discussionSearch({ page, sort, part }: { page: number; sort: EpisodePageQuery["sort"]; part?: "comments" }) {
  const params = new URLSearchParams();
  if (page > 1) params.set("cpage", String(page));
  if (sort !== "oldest") params.set("sort", sort);
  if (part) params.set("part", part);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The page's own search string from its validated query, every parameter it knows and nothing else: the page cache's key. */
export function canonicalSearch({ sort, cpage, c, part }: EpisodePageQuery) {
  const params = new URLSearchParams();
  if (sort !== "oldest") params.set("sort", sort);
  if (cpage !== undefined) params.set("cpage", String(cpage));
  if (c !== undefined) params.set("c", c);
  if (part) params.set("part", part);
  const search = params.toString();
  return search ? `?${search}` : "";
}
