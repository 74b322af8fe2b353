/** A key fragment: lower case, accents and punctuation removed, words joined by "-". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'‘`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/ /g, "-");
}

/** "OMAR ASHOUR" → "Omar Ashour", "ABDUL-ZAHRA" → "Abdul-Zahra"; names with any lower case stay as written. */
export function properCaseName(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s\-'’.])(\p{Ll})/gu, (_, boundary: string, letter: string) =>
    boundary + letter.toUpperCase(),
  );
}

/** Text prepared for "is this paragraph copied from that article?" comparisons. */
export function matchText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”"„«»]/g, "")
    .replace(/[’‘`]/g, "'")
    .replace(/\.\s?\.\s?\.(\s?\.)?/g, " ")
    .replace(/…/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** true when `text` ends a sentence or clause, which a heading or outlet line does not. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?:;,”"’)\]]$/.test(text.trim());
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"“”‘’]+/gi;

/** Bare http(s) URLs in a text, without trailing punctuation. */
export function findUrls(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((match) => match[0].replace(/[.,;:!?)\]]+$/, ""));
}

/** true when the whole line is one URL. */
export function isUrlOnly(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim());
}
