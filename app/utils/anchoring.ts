// Finding a claim's quoted text in the canonical plain text of its target, and describing a span of
// that text with W3C Web Annotation selectors (TextQuoteSelector + TextPositionSelector). Pure: the
// single place where quotes are anchored, and where a claim is found again after its target's text changed.
import search from "approx-string-match";

/** Characters of context kept before and after the quoted text. */
export const CONTEXT_LENGTH = 32;

export type TextSpan = { start: number; end: number };

export type QuoteSelector = { exact: string; prefix?: string | null; suffix?: string | null; start?: number | null };

export type Selectors = { exact: string; prefix: string; suffix: string; start: number; end: number };

/**
 * The span of `text` that `exact` quotes, or null when it is not there. An exact match at `start` wins;
 * otherwise every occurrence is scored by how much of the prefix and suffix surround it (then by its
 * distance from `start`). When the quote is not found verbatim, runs of whitespace are compared as one
 * space on both sides (a browser's selection does not keep the text's line breaks), and the match is
 * mapped back to offsets in the original text.
 */
export function anchorQuote(text: string, { exact, prefix, suffix, start }: QuoteSelector): TextSpan | null {
  if (exact.length === 0) return null;
  if (typeof start === "number" && start >= 0 && text.startsWith(exact, start)) return { start, end: start + exact.length };

  const verbatim = occurrences(text, exact);
  if (verbatim.length > 0) {
    const best = pickBest(text, verbatim, exact.length, prefix ?? "", suffix ?? "", start, (value) => value);
    return { start: best, end: best + exact.length };
  }

  const collapsed = collapseWhitespace(text);
  const needle = collapseWhitespace(exact).text.trim();
  if (needle.length === 0) return null;
  const found = occurrences(collapsed.text, needle);
  if (found.length === 0) return null;
  const normalizedPrefix = collapseWhitespace(prefix ?? "").text;
  const normalizedSuffix = collapseWhitespace(suffix ?? "").text;
  const best = pickBest(collapsed.text, found, needle.length, normalizedPrefix, normalizedSuffix, start, (index) => collapsed.starts[index]!);
  return { start: collapsed.starts[best]!, end: collapsed.ends[best + needle.length - 1]! };
}

/**
 * Every span of `text` that `exact` quotes, without context to choose between them: verbatim, else with
 * runs of whitespace compared as one space (as anchorQuote does).
 */
export function quoteOccurrences(text: string, exact: string): TextSpan[] {
  if (exact.length === 0) return [];
  const verbatim = occurrences(text, exact);
  if (verbatim.length > 0) return verbatim.map((start) => ({ start, end: start + exact.length }));
  const collapsed = collapseWhitespace(text);
  const needle = collapseWhitespace(exact).text.trim();
  if (needle.length === 0) return [];
  return occurrences(collapsed.text, needle).map((index) => ({ start: collapsed.starts[index]!, end: collapsed.ends[index + needle.length - 1]! }));
}

/** The selectors of `text[start, end)`: the quote with up to 32 characters of context on each side. */
export function selectorsFor(text: string, start: number, end: number): Selectors {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  // Never cut a surrogate pair in half: half a character cannot be stored or matched.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return { exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd), start, end };
}

export type Reanchored = TextSpan & { status: "anchored" | "fuzzy" };

/**
 * Where a claim's quote is in `text` after the text changed: at its old position, else found verbatim by
 * its quote and context (both "anchored"); else the closest approximate match — up to max(2, 20%) of the
 * quote's length in edits, the one whose surroundings best match prefix and suffix — as "fuzzy".
 * Null when the quote is gone (an orphan).
 */
export function reanchor(text: string, { exact, prefix, suffix, start }: QuoteSelector): Reanchored | null {
  if (exact.length === 0) return null;
  const exactly = anchorQuote(text, { exact, prefix, suffix, start });
  if (exactly) return { ...exactly, status: "anchored" };

  const maxErrors = Math.max(2, Math.floor(exact.length * 0.2));
  // A quote this short could match almost anything once edits are allowed.
  if (maxErrors * 2 >= exact.length) return null;
  const matches = search(text, exact, maxErrors).filter((match) => match.end > match.start);
  if (matches.length === 0) return null;
  const context = (match: TextSpan) =>
    commonSuffixLength(text.slice(Math.max(0, match.start - (prefix ?? "").length), match.start), prefix ?? "") +
    commonPrefixLength(text.slice(match.end, match.end + (suffix ?? "").length), suffix ?? "");
  const distance = (match: TextSpan) => (typeof start === "number" ? Math.abs(match.start - start) : 0);
  const [best] = matches
    .map((match) => ({ ...match, context: context(match) }))
    .sort((a, b) => b.context - a.context || a.errors - b.errors || distance(a) - distance(b) || a.start - b.start);
  return { start: best!.start, end: best!.end, status: "fuzzy" };
}

/** Whether two half-open spans share at least one character. */
export function spansOverlap(a: TextSpan, b: TextSpan) {
  return a.start < b.end && b.start < a.end;
}

function occurrences(haystack: string, needle: string) {
  const found: number[] = [];
  for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) found.push(index);
  return found;
}

/** The candidate whose surroundings best match prefix and suffix; ties go to the one nearest `start`, then the first. */
function pickBest(
  haystack: string,
  candidates: number[],
  length: number,
  prefix: string,
  suffix: string,
  start: number | null | undefined,
  toOriginal: (index: number) => number,
) {
  let best = candidates[0]!;
  let bestScore = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const score =
      commonSuffixLength(haystack.slice(Math.max(0, candidate - prefix.length), candidate), prefix) +
      commonPrefixLength(haystack.slice(candidate + length, candidate + length + suffix.length), suffix);
    const distance = typeof start === "number" ? Math.abs(toOriginal(candidate) - start) : 0;
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = candidate;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

function commonPrefixLength(a: string, b: string) {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

function commonSuffixLength(a: string, b: string) {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length += 1;
  return length;
}

/** `text` with each run of whitespace as one space, and for each of its characters the original [start, end). */
function collapseWhitespace(text: string) {
  let collapsed = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (let index = 0; index < text.length; ) {
    if (/\s/.test(text[index]!)) {
      let runEnd = index + 1;
      while (runEnd < text.length && /\s/.test(text[runEnd]!)) runEnd += 1;
      collapsed += " ";
      starts.push(index);
      ends.push(runEnd);
      index = runEnd;
    } else {
      collapsed += text[index];
      starts.push(index);
      ends.push(index + 1);
      index += 1;
    }
  }
  return { text: collapsed, starts, ends };
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff;
}
