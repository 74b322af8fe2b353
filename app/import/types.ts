/**
 * The parser's output: a plain, serialisable description of one imported document.
 * The parser (app/import/parse.ts) is pure; app/models/import/ writes this structure.
 */

export type DocumentKind = "program" | "article" | "unknown";

export type SourceKind = "article" | "book" | "web";

/** A structured citation. Sources are deduplicated by `key` across the whole archive. */
export interface ParsedSource {
  /** Stable identity used to share one source between episodes and comments (normalised title + first author/outlet, or the URL). */
  key: string;
  kind: SourceKind;
  title: string;
  authors: string[];
  /** Newspaper, site or magazine ("The Daily Beast", "Salon.com"); for wire copies also `originalOutlet`. */
  outlet: string | null;
  /** "[Business Insider]" in "… by Barbara Tasch [Business Insider]; Yahoo News; …". */
  originalOutlet: string | null;
  /** Book publisher ("Algora Press [SC]" → "Algora Press"). */
  publisher: string | null;
  /** ISO date (YYYY-MM-DD) when the citation has a full date, else null. */
  date: string | null;
  /** The date as written ("9/04/2015", "Copyright 2000"), kept for display when `date` is partial. */
  dateText: string | null;
  /** Year alone when only a year is known (books). */
  year: number | null;
  /** ISBN with dashes/odd hyphens removed ("1822941066", "9780892542109"), or null. */
  isbn: string | null;
  url: string | null;
}

/** A reference from a block of text to a source, with the pages cited at that place. */
export interface Citation {
  /** Index into ParsedDocument.sources. */
  sourceIndex: number;
  /** "p. 10", "pp. 10–11", or null. */
  pages: string | null;
  /** The citation line exactly as it stood (after whitespace normalisation). */
  raw: string;
  /** true for "(Idem.)" / "(Ibid.; …)" back-references. */
  backReference: boolean;
  /** 1-based line number in the input. */
  line: number;
}

export type Block =
  | { type: "paragraph"; text: string; lines: number[] }
  /** A quoted passage (an excerpt of a source), rendered as a block quote. */
  | { type: "quote"; text: string; lines: number[] }
  /** A citation line; rendered as a citation card. */
  | { type: "citation"; citation: Citation; lines: number[] }
  /** A horizontal rule ("———-") separating an embedded article from its citation inside a comment. */
  | { type: "rule"; lines: number[] };

export interface TextBlock {
  text: string;
  lines: number[];
}

export interface ParsedSection {
  /** "1", "15a", "19b" — unique within the document, in document order. */
  label: string;
  blocks: Block[];
}

export interface ParsedComment {
  /** The number the comment had on the original page (1-based). */
  ordinal: number;
  authorName: string;
  /** Wall-clock time as printed, "March 22, 2024, 5:57 pm". */
  postedAtText: string;
  /** The instant, ISO 8601 with the offset of the site's time zone at that date ("2024-03-22T17:57:00-07:00"). */
  postedAt: string;
  /** Ordinal of the comment this one replies to (the "@Name" rule), or null for a top-level comment. */
  parentOrdinal: number | null;
  blocks: Block[];
  /** Bare URLs found in the body, in order. */
  urls: string[];
  /**
   * true when the comment was cut off before its "Posted by" line (a truncated page): authorName,
   * postedAtText and postedAt are then "". postedAt is also "" (with a warning) when the time cannot be read.
   */
  incomplete?: boolean;
}

export interface ParseWarning {
  /** 1-based input line; 0 for a warning about the document as a whole. */
  line: number;
  message: string;
}

export interface DroppedLine {
  line: number;
  text: string;
  /** Why it was dropped: "site header", "promotion", "footer", "ocr debris", … */
  reason: string;
}

export interface ParsedDocument {
  kind: DocumentKind;
  title: string;
  /** Program number for "FTR #863", else null. */
  number: number | null;
  /** The site or newspaper: "Spitfire List", "Taipei Times". */
  publication: string | null;
  /** Article byline ("Omar Ashour"); for programs "Dave Emory" if stated, else null. */
  author: string | null;
  /** "This program was recorded in one, 60-minute segment." */
  recordingNote: string | null;
  /** Article dek / summary line, without its byline. */
  summary: string | null;
  /** Author bio line of an article. */
  authorBio: string | null;
  intro: TextBlock[];
  highlights: TextBlock[];
  /** Sections of a program; an article or unknown document has one unlabeled section ("body") holding its paragraphs. */
  sections: ParsedSection[];
  comments: ParsedComment[];
  /** "9 comments for …" → 9; null when the document does not declare a count. */
  declaredCommentCount: number | null;
  /** Every distinct source cited anywhere in the document. */
  sources: ParsedSource[];
  warnings: ParseWarning[];
  dropped: DroppedLine[];
  /** Lines that became metadata rather than body text (title, "Posted by …", "9 comments for …", headings). */
  structural: { line: number; role: string }[];
}

export interface ParseOptions {
  /** IANA zone the comment times were written in. Default "America/Los_Angeles". */
  timeZone?: string;
  /** File name, used only in warnings. */
  fileName?: string;
}
