// What the episode page's components receive: display-ready values, formatted on the server so that
// the server's and the browser's clocks and locale data can never disagree during hydration.
import type { WatchLevelName } from "~/schemas/watch";
import type { CommentSort } from "~/utils/comment-tree";
import type { PrintedTime } from "~/components/ui/time";

export type SourceCardData = {
  id: number;
  kind: "article" | "book" | "web";
  title: string;
  authors: string[];
  outlet: string | null;
  originalOutlet: string | null;
  publisher: string | null;
  /** "September 4, 2015", else the date as written, else the year. */
  dateLabel: string | null;
  isbn: string | null;
  url: string | null;
};

/** A claim to mark inline: its span in the target's canonical text (app/import/stored-blocks.ts). */
export type ClaimMarkData = {
  claimId: number;
  start: number;
  end: number;
  state: "open" | "source_proposed" | "sourced" | "unsourced";
  flaggerCount: number;
  acceptedSourceId: number | null;
};

export type BlockData =
  | { type: "paragraph"; text: string }
  | { type: "quote"; text: string }
  | { type: "citation"; raw: string; pages: string | null; backReference: boolean; source: SourceCardData | null }
  | { type: "rule" };

export type CommentTime = {
  /** As the original page printed it: "March 22, 2024, 5:57 pm". */
  text: string;
  /** "March 22, 2024, 5:57 pm PDT (America/Los_Angeles)". */
  title: string;
  /** ISO 8601 with the zone's offset: "2024-03-22T17:57:00-07:00". */
  iso: string;
};

export type CommentData = {
  id: number;
  ordinal: number;
  /** Its name on the page: "10" (the original's 10th comment) or "L3" (posted here). */
  anchor: string;
  parentId: number | null;
  authorName: string;
  imported: boolean;
  postedAt: Date;
  /** An imported comment's time as its original page printed it (kept, ADR 0034's sibling rule); null for one posted here. */
  printed: PrintedTime | null;
  /** When the author last edited it, or null. */
  editedAt: Date | null;
  status: "visible" | "deleted" | "hidden";
  /** Why its text is not shown (deleted, hidden), or, to a moderator, that it is hidden from others. */
  notice: string | null;
  /** The island (components/ui/island.tsx) holding its text: a `CommentBodyData` rendered on the server. */
  body: string;
  /** The reader's own comment: its Markdown source, for the edit form. */
  source: string | null;
};

/** What a comment's text is made of, presented on the server and rendered into its island (comment-body.tsx). */
export type CommentBodyData = {
  blocks: BlockData[];
  /** A comment written here: its Markdown rendered and sanitized on the server. */
  html: string | null;
  /** The rest of a long Markdown comment, folded under "Show more" (`html` is then its start). */
  htmlMore: { html: string; words: number } | null;
  /** Claims to mark inline in the comment's imported blocks (a Markdown comment has them in `html`). */
  marks: ClaimMarkData[];
};

/** The reader, as far as the discussion's forms are concerned. */
export type DiscussionViewer = {
  signedIn: boolean;
  /** Signed in and not suspended. */
  canComment: boolean;
  /** May flag claims "citation required". */
  canFlag: boolean;
  /** Where "Sign in to comment" leads. */
  signInHref: string;
  /** The signed-in reader's watch levels on the episode and its threads (by top-level comment id); null when anonymous. */
  watch?: { episodeId: number; episode: WatchLevelName | null; threads: Record<string, WatchLevelName> } | null;
  /** The one comment form the page was asked to show open (`?reply=` or `?flag=`, how they open without JavaScript). */
  openForm?: { kind: "reply" | "flag"; anchor: string } | null;
};

export type ThreadPageData = {
  page: number;
  pageCount: number;
  threadCount: number;
  threadsPerPage: number;
  sort: CommentSort;
  comments: CommentData[];
  /** Program number → slug, for the programs these comments refer to that are in the archive. */
  programSlugs: ProgramSlugs;
};

/** Program number → slug of the programs in the archive that a text refers to. */
export type ProgramSlugs = Record<number, string>;
