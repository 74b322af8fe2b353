import { parseCitationDate } from "./dates";
import { properCaseName, slugify } from "./text";
import type { ParsedSource, SourceKind } from "./types";

/** A source line read on its own: the source it names and the pages cited there. */
export interface CitedSource {
  source: ParsedSource;
  pages: string | null;
}

export interface ParseSourceOptions {
  /**
   * Also accept a quoted title without semicolons ("“Title” by Author, 03/22/2024"): used for the line after
   * a "———-" rule in a comment, where a citation is expected.
   */
  lenient?: boolean;
}

const QUOTED_TITLE = /^[“"„]\s*(.+?)\s*[”"]\s*((?:[Bb][Yy]\b|[;|,]|\p{Lu}|\[).*)?$/u;
const BOOK = /^([^“”";]{2,200}?)(?:\s*;\s*|\s+)[Bb]y\s+([^;]{2,150});\s*(.+)$/;
const BOOK_MARKER = /;\s*(?:Copyright\b|©|ISBN\b|pp?\.\s*\d)/i;
const BACK_REFERENCE = /^\(\s*(Idem|Ibid)\.?\s*(?:[;,]\s*(.*?))?\s*\.?\s*\)\.?$/i;
const SOURCE_CAPTION = /^(Excerpt(?:ed)? from|Entry for)\s+(.{3,150}?)[.:]?$/i;
const PAGES = /^pp?\.\s*\S.*$/i;
const ISBN = /^ISBN(?:-1[03])?\b[:\s]*(.+)$/i;
const BRACKET = /\s*\[([^\]]*)\]\s*/;
const MAX_SEGMENT = 160;
const TRAILING_DATE = /[,\s]+((?:\d{1,2}\/){1,2}\d{4}|\p{L}{3,9}\.? \d{1,2},? \d{4})$/u;

/** ISBN reduced to its digits and check character ("978–0‑89254–210‑9" → "9780892542109"). */
export function normalizeIsbn(text: string): string | null {
  const isbn = text.toUpperCase().replace(/[^0-9X]/g, "");
  return isbn.length >= 10 ? isbn : null;
}

// Identity of a source (docs/decisions/0008-source-identity.md). The same rules are written in SQL as
// footnote_source_identity (migration 20261130020100_source_identity), which re-keyed the sources
// already stored: both sides use only explicit ASCII sets, so they agree on every input.

/** Characters read as a space when texts are compared: ASCII punctuation and the typographic quotes and dashes. */
const IDENTITY_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~‘’“”„«»–—…·\u00a0";
const IDENTITY_SPACES = /[ \t\n\r\f\v]+/g;

function asciiLower(text: string) {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * A title, outlet or name as compared: ASCII letters in lower case, punctuation and runs of spaces as one
 * space. Letters of every script are kept, so all-CJK titles stay apart; a title of punctuation only is
 * compared as written.
 */
export function identityText(text: string): string {
  let folded = "";
  for (const character of asciiLower(text)) folded += IDENTITY_PUNCTUATION.includes(character) ? " " : character;
  folded = folded.replace(IDENTITY_SPACES, " ").replace(/^ | $/g, "");
  return folded === "" ? text.replace(IDENTITY_SPACES, " ").replace(/^ | $/g, "") : folded;
}

/** URL compared without scheme, "www.", fragment, letter case of the host, or trailing slashes; query kept. */
export function normalizeUrl(url: string): string {
  return url
    .replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "")
    .replace(/#.*$/s, "")
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/^[^/?]*/, (host) => asciiLower(host))
    .replace(/\/+$/, "");
}

type IdentityFields = Pick<ParsedSource, "kind" | "title" | "authors" | "outlet" | "date" | "year" | "isbn" | "url">;

/**
 * Stable identity of a source, shared across the archive: a book by its ISBN, else by title + authors +
 * year; any other source with an address by its normalised URL; without one, by title + outlet + date.
 */
export function sourceKey(source: IdentityFields): string {
  if (source.kind === "book" && source.isbn) return `isbn:${source.isbn}`;
  if (source.url) return `url:${normalizeUrl(source.url)}`;
  if (source.kind === "book") return bookKey(source);
  const when = source.date ?? (source.year === null ? "" : String(source.year));
  return `text:${identityText(source.title)}|${identityText(source.outlet ?? "")}|${when}`;
}

/** A book's identity without its ISBN: a citation that omits the ISBN still names the same book. */
function bookKey(source: IdentityFields) {
  return `book:${identityText(source.title)}|${source.authors.map(identityText).join(" & ")}|${source.year ?? ""}`;
}

function emptySource(kind: SourceKind, title: string): Omit<ParsedSource, "key"> {
  return {
    kind,
    title,
    authors: [],
    outlet: null,
    originalOutlet: null,
    publisher: null,
    date: null,
    dateText: null,
    year: null,
    isbn: null,
    url: null,
  };
}

function withKey(source: Omit<ParsedSource, "key">): ParsedSource {
  return { key: sourceKey(source), ...source };
}

/** "by Raya Jalabi in Beirut and Andrew England in London [FT]" → names plus the bracketed original outlet. */
export function parseAuthors(segment: string): { authors: string[]; originalOutlet: string | null } {
  const bracket = BRACKET.exec(segment);
  const originalOutlet = bracket?.[1]?.trim() || null;
  const names = segment
    .replace(BRACKET, " ")
    .trim()
    .replace(/^by\s+/i, "")
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/i)
    // A dateline ("Daniel Boffey in Kyiv") says where the author wrote, not who.
    .map((name) => name.replace(/\s+in\s+\p{Lu}[\p{L} .'-]*$/u, "").trim())
    .filter((name) => name !== "" && !/^(staff|reporters?)$/i.test(name))
    .map(properCaseName);
  return { authors: names, originalOutlet };
}

/** Outlet text without editorial notes: "From the website of the X [a think tank]" → "X". */
function cleanOutlet(segment: string): string {
  return segment
    .replace(BRACKET, " ")
    .replace(/^from\s+the\s+(?:web\s*site|blog)\s+of\s+(?:the\s+)?/i, "")
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "")
    .trim();
}

function cleanPublisher(segment: string): string {
  return segment.replace(BRACKET, " ").replace(/\s+/g, " ").replace(/[.\s]+$/, "").trim();
}

interface Details {
  outlet: string | null;
  date: string | null;
  dateText: string | null;
  year: number | null;
  isbn: string | null;
  pages: string | null;
}

/** Classifies the segments after title and author: date, "Copyright YEAR", ISBN, pages, and the outlet/publisher. */
function readDetails(segments: string[]): Details | null {
  const details: Details = { outlet: null, date: null, dateText: null, year: null, isbn: null, pages: null };
  for (const raw of segments) {
    const segment = raw.trim().replace(/\.$/, "").trim();
    if (segment === "") continue;
    if (segment.length > MAX_SEGMENT) return null;
    const isbn = ISBN.exec(segment);
    if (isbn) {
      details.isbn = normalizeIsbn(isbn[1] ?? "");
      continue;
    }
    if (PAGES.test(segment)) {
      details.pages = segment;
      continue;
    }
    const date = details.dateText === null ? parseCitationDate(segment) : null;
    if (date) {
      details.date = date.date;
      details.dateText = date.dateText;
      details.year = date.year;
      continue;
    }
    if (details.outlet === null) details.outlet = segment;
  }
  return details;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|al|bin|el|la|le|[\[\]]\S*)$/u;

function looksLikeNames(segment: string): boolean {
  const words = segment.replace(BRACKET, " ").trim().split(/\s+|,\s*/).filter((word) => word !== "" && word !== "and");
  return words.length > 0 && words.length <= 12 && words.every((word) => NAME_WORD.test(word));
}

function parseQuotedSource(text: string, lenient: boolean): CitedSource | null {
  const match = QUOTED_TITLE.exec(text);
  if (!match) return null;
  const title = (match[1] ?? "").trim();
  const rest = (match[2] ?? "").trim().replace(/\.$/, "");
  if (title === "" || title.length > 300) return null;

  const separator = rest.includes(";") ? ";" : rest.includes("|") ? "|" : null;
  if (separator === null && !lenient) return null;
  // Reported speech (“…,” Lister said, adding …) is not a citation even after a rule.
  if (title.endsWith(",") || (separator === null && !/^by\b/i.test(rest) && !TRAILING_DATE.test(rest))) return null;

  let authorSegment = "";
  let others: string[];
  if (separator === null) {
    // "“Title” by Author, Outlet, 03/22/2024" or "“Title” Outlet 03/22/2024": peel a trailing date off.
    const trailingDate = TRAILING_DATE.exec(rest);
    const head = trailingDate ? rest.slice(0, trailingDate.index) : rest;
    others = trailingDate?.[1] ? [trailingDate[1]] : [];
    if (/^by\b/i.test(head)) authorSegment = head;
    else if (head.replace(/^[,\s]+/, "") !== "") others.unshift(head.replace(/^[,\s]+/, ""));
  } else {
    const segments = rest.split(separator === ";" ? /\s*;\s*/ : /\s*\|\s*/);
    const first = segments[0] ?? "";
    others = segments.slice(1);
    // Without "by", a first segment that is not a date or outlet is an author name ("Spencer Ackerman; The Guardian").
    if (first !== "") authorSegment = first;
  }
  if (authorSegment.length > 200) return null;
  // Strictly, an author segment without "by" must look like a list of names, not a clause ("he said").
  if (!lenient && authorSegment !== "" && !/^by\s/i.test(authorSegment) && !looksLikeNames(authorSegment)) return null;

  const { authors, originalOutlet } = authorSegment ? parseAuthors(authorSegment) : { authors: [], originalOutlet: null };
  const details = readDetails(others);
  if (!details) return null;
  if (!lenient && authors.length === 0 && details.outlet === null) return null;

  const kind: SourceKind = authors.length === 0 && details.dateText === null ? "web" : "article";
  const source = {
    ...emptySource(kind, title),
    authors,
    outlet: details.outlet === null ? null : cleanOutlet(details.outlet) || null,
    originalOutlet,
    date: details.date,
    dateText: details.dateText,
    year: details.year,
    isbn: details.isbn,
  };
  return { source: withKey(source), pages: details.pages };
}

function parseBookSource(text: string): CitedSource | null {
  if (!BOOK_MARKER.test(text) || !/\bby\s/i.test(text)) return null;
  const match = BOOK.exec(text);
  if (!match || !BOOK_MARKER.test(`;${match[3] ?? ""}`)) return null;
  const title = (match[1] ?? "").trim().replace(/[,;:]$/, "");
  const { authors } = parseAuthors(match[2] ?? "");
  const details = readDetails((match[3] ?? "").replace(/\.$/, "").split(/\s*;\s*/));
  if (!details || authors.length === 0) return null;
  const source = {
    ...emptySource("book", title),
    authors,
    publisher: details.outlet === null ? null : cleanPublisher(details.outlet) || null,
    date: details.date,
    dateText: details.dateText,
    year: details.year,
    isbn: details.isbn,
  };
  return { source: withKey(source), pages: details.pages };
}

/** "Excerpt from the list of the board of the Dalai Lama Foundation." / "Entry for Karl von Habsburg". */
function parseSourceCaption(text: string): CitedSource | null {
  const match = SOURCE_CAPTION.exec(text);
  if (!match) return null;
  const lead = match[1] ?? "";
  const subject = (match[2] ?? "").trim();
  const title = /^entry/i.test(lead)
    ? `${lead} ${subject}`
    : subject.replace(/^the\s+/i, "").replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
  return { source: withKey(emptySource("web", title)), pages: null };
}

/** A web source for a URL standing alone on a line; its title is the URL itself until someone edits it. */
export function sourceFromUrl(url: string): ParsedSource {
  const host = /^https?:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase().replace(/^www\./, "") ?? null;
  return withKey({ ...emptySource("web", url), outlet: host, url });
}

/**
 * Reads a citation line: `“Title” by Author [Orig]; Outlet; date.`, `“Title”; Site.`,
 * `Title by Author; Publisher; Copyright YEAR; ISBN …; pp. 1–2.` or a source caption. Null when the line is not one.
 */
export function parseSourceLine(text: string, options: ParseSourceOptions = {}): CitedSource | null {
  const line = text.trim();
  if (line.length < 6 || line.length > 600) return null;
  return parseQuotedSource(line, options.lenient ?? false) ?? parseBookSource(line) ?? parseSourceCaption(line);
}

/** "(Idem.)" → pages null; "(Ibid.; pp. 10–11.)" → "pp. 10–11". Null when the line is not a back-reference. */
export function parseBackReference(text: string): { pages: string | null } | null {
  const match = BACK_REFERENCE.exec(text.trim());
  if (!match) return null;
  const pages = (match[2] ?? "").trim().replace(/[.\s]+$/, "");
  return { pages: pages === "" ? null : pages };
}

/** The distinct sources of one document, in order of first citation. */
export interface SourceRegistry {
  readonly sources: ParsedSource[];
  /** Adds a source, or merges it into the entry with the same key; returns its index. */
  add(source: ParsedSource): number;
}

export function createSourceRegistry(): SourceRegistry {
  const sources: ParsedSource[] = [];
  const indexByKey = new Map<string, number>();
  // A book is known by its ISBN and by title + authors + year: a citation with either finds it.
  const keysOf = (source: ParsedSource) => (source.kind === "book" ? [source.key, bookKey(source)] : [source.key]);
  return {
    sources,
    add(source) {
      const existing = keysOf(source)
        .map((key) => indexByKey.get(key))
        .find((index) => index !== undefined);
      if (existing !== undefined) {
        const known = sources[existing];
        if (known) {
          const merged = mergeSource(known, source);
          // A book first cited without its ISBN takes the ISBN's identity when a later citation gives it.
          sources[existing] = { ...merged, key: sourceKey(merged) };
          for (const key of keysOf(sources[existing]!)) indexByKey.set(key, existing);
        }
        return existing;
      }
      sources.push(source);
      for (const key of keysOf(source)) indexByKey.set(key, sources.length - 1);
      return sources.length - 1;
    },
  };
}

/** A later citation of the same source may know more (an ISBN, a date); it never overwrites what is known. */
function mergeSource(known: ParsedSource, later: ParsedSource): ParsedSource {
  return {
    ...known,
    authors: known.authors.length > 0 ? known.authors : later.authors,
    outlet: known.outlet ?? later.outlet,
    originalOutlet: known.originalOutlet ?? later.originalOutlet,
    publisher: known.publisher ?? later.publisher,
    date: known.date ?? later.date,
    dateText: known.dateText ?? later.dateText,
    year: known.year ?? later.year,
    isbn: known.isbn ?? later.isbn,
    url: known.url ?? later.url,
  };
}
