import { groupUnits, textBlock } from "./blocks";
import { drop, markStructural, warn, type ParseContext } from "./context";
import type { SourceLine } from "./normalize";
import { endsLikeSentence, properCaseName } from "./text";
import type { ParsedDocument } from "./types";

export type ArticleParts = Pick<ParsedDocument, "title" | "publication" | "author" | "summary" | "authorBio" | "sections">;

// Newspaper-archive page furniture ("Newspapers in English", "Newspapers from Taiwan").
const SITE_FOOTER = /^Newspapers (?:in|from) [\p{L} ]+$/u;
// OCR wraps image captions in "??" and then repeats the caption as plain text.
const OCR_DEBRIS = /\?\?/;
const CAPTION = /^(?:ILLUSTRATION|PHOTO(?:GRAPH)?|GRAPHIC|CARTOON|IMAGE|FILE PHOTO)S?\s*:/i;
const DEK_WITH_BYLINE = /^(.*\S)\s+BY\s+(\p{Lu}[\p{Lu}.'’ -]*\p{Lu})$/u;
const BYLINE = /^BY\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})$/iu;
const SEPARATOR = /^[-–—]$/;

/** A news-archive article: a short outlet line on top, and a byline or the archive footer further down. */
export function looksLikeArticle(lines: readonly SourceLine[]): boolean {
  const first = lines.find((line) => line.content !== "");
  if (!first || first.content.length > 60 || endsLikeSentence(first.content)) return false;
  return lines.some(
    (line) =>
      SITE_FOOTER.test(line.content) ||
      DEK_WITH_BYLINE.test(line.content) ||
      (BYLINE.test(line.content) && /^BY\s/.test(line.content)),
  );
}

/**
 * Parses an article: outlet, headline, body, the dek that ends with "BY AUTHOR", the author's bio,
 * and the archive's caption debris and footer (dropped).
 */
export function parseArticle(lines: readonly SourceLine[], context: ParseContext): ArticleParts {
  const parts: ArticleParts = { title: "", publication: null, author: null, summary: null, authorBio: null, sections: [] };
  const bodyLines: SourceLine[] = [];

  for (const line of lines) {
    const content = line.content;
    if (content === "") {
      bodyLines.push(line);
      continue;
    }
    if (parts.publication === null) {
      parts.publication = content;
      markStructural(context, line, "publication");
      continue;
    }
    if (parts.title === "" && !SEPARATOR.test(content)) {
      parts.title = content;
      markStructural(context, line, "title");
      continue;
    }
    if (SEPARATOR.test(content)) {
      drop(context, line, "separator");
      continue;
    }
    if (SITE_FOOTER.test(content)) {
      drop(context, line, "footer");
      continue;
    }
    if (OCR_DEBRIS.test(content) || CAPTION.test(content)) {
      drop(context, line, "ocr debris");
      continue;
    }
    const dek = parts.summary === null ? DEK_WITH_BYLINE.exec(content) : null;
    if (dek) {
      parts.summary = (dek[1] ?? "").trim();
      parts.author = properCaseName((dek[2] ?? "").trim());
      markStructural(context, line, "summary and byline");
      continue;
    }
    const byline = parts.author === null ? BYLINE.exec(content) : null;
    if (byline && content.length <= 60) {
      parts.author = properCaseName((byline[1] ?? "").trim());
      markStructural(context, line, "byline");
      continue;
    }
    bodyLines.push(line);
  }

  const units = groupUnits(bodyLines);
  const author = parts.author;
  // The bio opens with the author's name ("Omar Ashour, professor of …").
  const bioIndex = author === null ? -1 : units.findIndex((unit) => startsWithName(unit.text, author));
  const bio = units[bioIndex];
  if (bio) {
    parts.authorBio = bio.text;
    for (const number of bio.lines) context.structural.push({ line: number, role: "author bio" });
  }
  const blocks = units.filter((_, index) => index !== bioIndex).map((unit) => textBlock("paragraph", unit));
  if (blocks.length === 0) warn(context, 0, "the article has no body text");
  if (parts.title === "") warn(context, 0, "the article has no headline");
  parts.sections = [{ label: "body", blocks }];
  return parts;
}

function startsWithName(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  const wanted = name.toLowerCase();
  return lower.startsWith(wanted) && /^(?:,|\s+is\b|\s+\()/.test(text.slice(name.length));
}
