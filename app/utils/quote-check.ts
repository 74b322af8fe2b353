// Is a proposed source's supporting quote really in the source's text? Exact after normalising what a
// copy-paste or a keyboard changes without changing the words (whitespace, quotation marks, dashes), then
// approximate with approx-string-match (the library re-anchoring uses), with the words that differ.
// Pure: text in, result out; the evidence model stores it (docs/claims.md, "Evidence").
import search from "approx-string-match";

/** Edits allowed in an approximate match, as a share of the quote's normalised length. */
export const APPROXIMATE_SHARE = 0.3;
/** Characters of selector context either side (the W3C TextQuoteSelector's prefix and suffix). */
export const SELECTOR_CONTEXT = 32;
/** Characters of the source's text shown either side of the passage found. */
export const SHOWN_CONTEXT = 200;

/** The W3C Web Annotation TextQuoteSelector of the passage found, in the source's text as stored. */
export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };

/** One place where the quote and the source's passage differ: the words of each (either may be empty). */
export type QuoteDifference = { quote: string; source: string };

export type QuoteMatch =
  | { status: "exact" | "approximate"; start: number; end: number; selector: TextQuoteSelector; differences: QuoteDifference[]; errors: number; before: string; after: string }
  | { status: "not_found" };

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/;
const SPACE = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * `text` with whitespace runs as one space, curly and typographic quotes as ' and ", dashes as -, and
 * `map[i]`: where normalised character i starts in `text` (`map[length]` is `text.length`).
 */
export function normaliseForQuote(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  let pendingSpace = -1;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (SPACE.test(character)) {
      if (pendingSpace === -1) pendingSpace = index;
      continue;
    }
    if (pendingSpace !== -1) {
      if (out.length > 0) {
        out += " ";
        map.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    out += SINGLE_QUOTES.test(character) ? "'" : DOUBLE_QUOTES.test(character) ? '"' : DASHES.test(character) ? "-" : character;
    map.push(index);
  }
  map.push(pendingSpace === -1 ? text.length : pendingSpace);
  return { text: out, map };
}

/** The quote as compared: normalised, without the quotation marks a member may have put around it. */
export function normaliseQuote(quote: string) {
  return normaliseForQuote(quote)
    .text.replace(/^["']+\s*/, "")
    .replace(/\s*["']+$/, "");
}

/** Looks for `quote` in `text`: exactly (after normalising), else approximately, else not found. */
export function findQuote(text: string, quote: string): QuoteMatch {
  const needle = normaliseQuote(quote);
  if (needle.length === 0) return { status: "not_found" };
  const haystack = normaliseForQuote(text);
  const at = haystack.text.indexOf(needle);
  if (at !== -1) return found(text, haystack.map, at, at + needle.length, "exact", [], 0);

  const maxErrors = Math.max(2, Math.floor(needle.length * APPROXIMATE_SHARE));
  // A quote this short would match almost anything once edits are allowed.
  if (maxErrors * 2 >= needle.length) return { status: "not_found" };
  const matches = search(haystack.text, needle, maxErrors).filter((match) => match.end > match.start);
  if (matches.length === 0) return { status: "not_found" };
  const best = matches.reduce((a, b) => (b.errors < a.errors || (b.errors === a.errors && b.start < a.start) ? b : a));
  // Widen to whole words, so that the differences read as words, not as pieces of them.
  let start = best.start;
  let end = best.end;
  while (start > 0 && /\S/.test(haystack.text[start - 1]!) && /\S/.test(haystack.text[start]!)) start--;
  while (end < haystack.text.length && /\S/.test(haystack.text[end]!) && /\S/.test(haystack.text[end - 1]!)) end++;
  const differences = wordDifferences(needle, haystack.text.slice(start, end));
  return found(text, haystack.map, start, end, "approximate", differences, best.errors);
}

function found(text: string, map: number[], normalisedStart: number, normalisedEnd: number, status: "exact" | "approximate", differences: QuoteDifference[], errors: number): QuoteMatch {
  const start = map[normalisedStart]!;
  const end = map[normalisedEnd - 1]! + 1;
  const selector: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - SELECTOR_CONTEXT), start),
    suffix: text.slice(end, end + SELECTOR_CONTEXT),
  };
  return { status, start, end, selector, differences, errors, ...contextAround(text, start, end) };
}

/** About SHOWN_CONTEXT characters of `text` before and after [start, end), cut at a space. */
export function contextAround(text: string, start: number, end: number) {
  let from = Math.max(0, start - SHOWN_CONTEXT);
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  let to = Math.min(text.length, end + SHOWN_CONTEXT);
  if (to < text.length) to = text.lastIndexOf(" ", to) > end ? text.lastIndexOf(" ", to) : to;
  return { before: (from > 0 ? "…" : "") + text.slice(from, start), after: text.slice(end, to) + (to < text.length ? "…" : "") };
}

/**
 * Where the quote's words differ from the source's: a word-level longest-common-subsequence diff, each run
 * of changes as one difference ({quote: "said", source: "stated"}; an empty side is a word left out or added).
 */
export function wordDifferences(quote: string, source: string): QuoteDifference[] {
  const a = quote.split(" ").filter(Boolean);
  const b = source.split(" ").filter(Boolean);
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const differences: QuoteDifference[] = [];
  let quoteRun: string[] = [];
  let sourceRun: string[] = [];
  const flush = () => {
    if (quoteRun.length || sourceRun.length) differences.push({ quote: quoteRun.join(" "), source: sourceRun.join(" ") });
    quoteRun = [];
    sourceRun = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) {
      sourceRun.push(b[j++]!);
    } else {
      quoteRun.push(a[i++]!);
    }
  }
  flush();
  return differences;
}

/**
 * A link that scrolls to the passage and highlights it where browsers support text fragments
 * (`#:~:text=start,end`); elsewhere it still opens `base` (with its own #anchor, if any).
 */
export function textFragmentUrl(base: string, exact: string) {
  const words = exact.split(/\s+/).filter(Boolean);
  const encode = (part: string) => encodeURIComponent(part).replace(/-/g, "%2D").replace(/,/g, "%2C");
  const directive =
    words.length <= 8 ? `text=${encode(words.join(" "))}` : `text=${encode(words.slice(0, 4).join(" "))},${encode(words.slice(-4).join(" "))}`;
  return `${base}${base.includes("#") ? "" : "#"}:~:${directive}`;
}
