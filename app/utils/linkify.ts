// Turns imported plain text into text, program-reference and URL tokens. Pure and React-free: the page
// renders the tokens as React text nodes and anchors, so imported text can never become HTML.

export type LinkToken =
  | { type: "text"; text: string }
  /** "FTR #842", "FTR#549", or one number of a list such as "FTR #‘s 833, 824". */
  | { type: "program"; text: string; number: number }
  | { type: "url"; text: string; href: string };

// "FTR #842", "FTR#549", "FTR #‘s 833, 824 and 825". Only the plural form ("#’s", "#s") takes a list, so
// "FTR #830, 20 persons" links 830 alone. The number may run into a word ("FTR#549It", a capture typo).
const PROGRAM_REFERENCE = /(?<![A-Za-z0-9])FTR\s?#\s?(?:(['‘’]?s)\s?)?(\d{1,5})(?!\d)((?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\d{1,5}(?!\d))*)/g;
const LIST_NUMBER = /\d{1,5}/g;

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"“”‘’]+/gi;
// Sentence punctuation after a URL belongs to the sentence, not to the address.
const TRAILING_PUNCTUATION = /[.,;:!?'…]+$/;

/** The tokens of `text`, in order; joining their `text` gives `text` back. */
export function linkify(text: string): LinkToken[] {
  const tokens: LinkToken[] = [];
  let textStart = 0;
  const pushText = (end: number) => {
    if (end > textStart) tokens.push({ type: "text", text: text.slice(textStart, end) });
  };
  for (const match of findMatches(text)) {
    pushText(match.start);
    tokens.push(...match.tokens);
    textStart = match.end;
  }
  pushText(text.length);
  return tokens;
}

/** Every program number referred to in `texts`, once each, in order of first mention. */
export function programNumbers(texts: Iterable<string>): number[] {
  const numbers = new Set<number>();
  for (const text of texts) {
    for (const token of linkify(text)) if (token.type === "program") numbers.add(token.number);
  }
  return [...numbers];
}

/** Where the search page looks for a program that is not in the archive: `/search?q=FTR+%23348`. */
export function programSearchHref(number: number) {
  return `/search?${new URLSearchParams({ q: `FTR #${number}` })}`;
}

type Match = { start: number; end: number; tokens: LinkToken[] };

function findMatches(text: string): Match[] {
  const urls = [...text.matchAll(URL_PATTERN)].map((match): Match => {
    const href = trimUrl(match[0]);
    return { start: match.index, end: match.index + href.length, tokens: [{ type: "url", text: href, href }] };
  });
  // A program reference inside a URL ("…?q=FTR#842") is part of the URL.
  const insideUrl = (index: number) => urls.some((url) => index >= url.start && index < url.end);
  const programs = [...text.matchAll(PROGRAM_REFERENCE)]
    .filter((match) => !insideUrl(match.index))
    .map((match) => programMatch(match));
  return [...urls, ...programs].sort((a, b) => a.start - b.start);
}

function programMatch(match: RegExpExecArray): Match {
  const [whole, plural, first = "", list = ""] = match;
  const start = match.index;
  const headEnd = start + whole.length - list.length;
  const tokens: LinkToken[] = [{ type: "program", text: whole.slice(0, whole.length - list.length), number: Number(first) }];
  if (plural !== undefined && list) {
    let offset = 0;
    for (const item of list.matchAll(LIST_NUMBER)) {
      if (item.index > offset) tokens.push({ type: "text", text: list.slice(offset, item.index) });
      tokens.push({ type: "program", text: item[0], number: Number(item[0]) });
      offset = item.index + item[0].length;
    }
    return { start, end: headEnd + offset, tokens };
  }
  return { start, end: headEnd, tokens };
}

/** Drops sentence punctuation and an unbalanced closing bracket from the end of a matched URL. */
function trimUrl(url: string) {
  let trimmed = url;
  for (;;) {
    const before = trimmed;
    trimmed = trimmed.replace(TRAILING_PUNCTUATION, "");
    for (const [open, close] of [["(", ")"], ["[", "]"]] as const) {
      if (trimmed.endsWith(close) && count(trimmed, close) > count(trimmed, open)) trimmed = trimmed.slice(0, -1);
    }
    if (trimmed === before) return trimmed;
  }
}

function count(text: string, character: string) {
  return text.split(character).length - 1;
}
