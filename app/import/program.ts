import { groupUnits, toTextBlocks } from "./blocks";
import { readCommentCount, readCommentHeader, parseComments } from "./comments";
import { drop, markStructural, warn, type ParseContext } from "./context";
import type { SourceLine } from "./normalize";
import { followsInSequence, parseSections, readSectionHeader } from "./sections";
import type { ParsedDocument, TextBlock } from "./types";

/** The parts of a ParsedDocument a program page fills in. */
export type ProgramParts = Pick<
  ParsedDocument,
  | "title"
  | "number"
  | "publication"
  | "author"
  | "recordingNote"
  | "intro"
  | "highlights"
  | "sections"
  | "comments"
  | "declaredCommentCount"
>;

const SITE_HEADER = /^Spitfire List\b/i;
const SERIES = /^For The Record\.?$/i;
const PROGRAM_TITLE = /^(?:FTR|For The Record|Miscellaneous Archive Show)\s*#\s*(\d+)\b/i;
const RECORDING_NOTE = /^This (?:program|broadcast|show) was recorded\b/i;
const INTRODUCTION = /^Introduction\s*(?::\s*(.*))?$/i;
const HIGHLIGHTS = /^Program Highlights Include\s*:?\s*(.*)$/i;
const DISCUSSION = /^Discussion$/i;
const BULLET = /^[•·▪●◦∙]\s*(.*)$/;
// The site's standing announcements (archive flash drive, podcast, e-mail/RSS/comment subscriptions).
const PROMOTIONS = [/\bflash drive\b/i, /\bpodcast/i, /\bsubscribe\b/i, /\bRSS feed\b/i, /\be[-‑]?mail alerts\b/i];

/** A program page names the site, the series or an "FTR #N" title near its top. */
export function looksLikeProgram(lines: readonly SourceLine[]): boolean {
  const top = lines.filter((line) => line.content !== "").slice(0, 12);
  return top.some(
    (line) => SITE_HEADER.test(line.content) || SERIES.test(line.content) || PROGRAM_TITLE.test(line.content),
  );
}

function isPromotion(content: string): boolean {
  return PROMOTIONS.some((pattern) => pattern.test(content));
}

/** Index where the discussion begins ("Discussion" or "N comments for …"), or the end of the lines. */
function discussionStart(lines: readonly SourceLine[]): number {
  const index = lines.findIndex(
    (line) => line.indent === 0 && (DISCUSSION.test(line.content) || readCommentCount(line.content) !== null),
  );
  return index < 0 ? lines.length : index;
}

/** Index of the "1." that opens the numbered sections, or -1. */
function firstSectionIndex(lines: readonly SourceLine[], end: number): number {
  for (let index = 0; index < end; index += 1) {
    const line = lines[index];
    const header = line ? readSectionHeader(line) : null;
    if (header && followsInSequence(null, header.label) === "yes") return index;
  }
  return -1;
}

function synthetic(line: SourceLine, content: string): SourceLine {
  return { ...line, content, text: content, indent: 0 };
}

interface FrontMatter {
  title: string;
  number: number | null;
  publication: string | null;
  author: string | null;
  recordingNote: string | null;
  intro: TextBlock[];
  highlights: TextBlock[];
}

/** Site header, series, title, promotions, recording note, "Introduction:" and "Program Highlights Include:". */
function parseFrontMatter(lines: readonly SourceLine[], context: ParseContext): FrontMatter {
  const front: FrontMatter = {
    title: "",
    number: null,
    publication: null,
    author: null,
    recordingNote: null,
    intro: [],
    highlights: [],
  };
  const introLines: SourceLine[] = [];
  let zone: "front" | "intro" | "highlights" = "front";
  let lastHighlight: TextBlock | null = null;

  for (const line of lines) {
    const content = line.content;
    if (content === "") {
      if (zone !== "highlights") introLines.push(line);
      lastHighlight = null;
      continue;
    }
    if (zone === "front" && SITE_HEADER.test(content)) {
      front.publication = "Spitfire List";
      if (/\bDave Emory\b/.test(content)) front.author = "Dave Emory";
      drop(context, line, "site header");
      continue;
    }
    if (SERIES.test(content)) {
      markStructural(context, line, "series");
      continue;
    }
    const title = front.title === "" ? PROGRAM_TITLE.exec(content) : null;
    if (title) {
      front.title = content;
      front.number = Number(title[1]);
      markStructural(context, line, "title");
      continue;
    }
    if (RECORDING_NOTE.test(content) && front.recordingNote === null) {
      front.recordingNote = content;
      markStructural(context, line, "recording note");
      continue;
    }
    if (zone === "front" && isPromotion(content)) {
      drop(context, line, "promotion");
      continue;
    }
    const introduction = INTRODUCTION.exec(content);
    if (introduction && zone !== "highlights") {
      zone = "intro";
      const rest = (introduction[1] ?? "").trim();
      if (rest === "") markStructural(context, line, "introduction heading");
      else introLines.push(synthetic(line, rest));
      continue;
    }
    const highlights = HIGHLIGHTS.exec(content);
    if (highlights) {
      zone = "highlights";
      const rest = (highlights[1] ?? "").trim();
      if (rest === "") markStructural(context, line, "highlights heading");
      else front.highlights.push({ text: rest, lines: [line.number] });
      continue;
    }
    if (zone === "highlights") {
      const bullet = BULLET.exec(content);
      if (!bullet && lastHighlight) {
        lastHighlight.text += `\n${content}`;
        lastHighlight.lines.push(line.number);
        continue;
      }
      lastHighlight = { text: (bullet?.[1] ?? content).trim(), lines: [line.number] };
      front.highlights.push(lastHighlight);
      continue;
    }
    if (zone === "front") warn(context, line.number, "unrecognised line before the introduction; kept in the introduction");
    introLines.push(line);
  }
  front.intro = toTextBlocks(groupUnits(introLines));
  return front;
}

/** Parses a "For The Record" program page: front matter, numbered sections, then the discussion. */
export function parseProgram(lines: readonly SourceLine[], context: ParseContext): ProgramParts {
  const discussion = discussionStart(lines);
  const sectionsAt = firstSectionIndex(lines, discussion);
  const frontEnd = sectionsAt < 0 ? discussion : sectionsAt;
  const front = parseFrontMatter(lines.slice(0, frontEnd), context);

  if (front.title === "") warn(context, 0, 'no "FTR #N" title line found');
  if (sectionsAt < 0) warn(context, 0, 'no numbered sections found (expected a line starting "1.")');
  const sections = sectionsAt < 0 ? [] : parseSections(lines.slice(sectionsAt, discussion), context);

  const { comments, declaredCommentCount } = parseDiscussion(lines.slice(discussion), context);
  return {
    title: front.title,
    number: front.number,
    publication: front.publication,
    author: front.author,
    recordingNote: front.recordingNote,
    intro: front.intro,
    highlights: front.highlights,
    sections,
    comments,
    declaredCommentCount,
  };
}

/** "Discussion", "9 comments for “…”", then the comments; the declared count is checked against what was found. */
function parseDiscussion(
  lines: readonly SourceLine[],
  context: ParseContext,
): Pick<ParsedDocument, "comments" | "declaredCommentCount"> {
  let declaredCommentCount: number | null = null;
  let countLine = 0;
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) break;
    if (line.content === "") continue;
    if (readCommentHeader(line)) break;
    if (DISCUSSION.test(line.content)) {
      markStructural(context, line, "discussion heading");
      continue;
    }
    const count: number | null = declaredCommentCount === null ? readCommentCount(line.content) : null;
    if (count === null) break;
    declaredCommentCount = count;
    countLine = line.number;
    markStructural(context, line, "comment count");
  }
  const comments = parseComments(lines.slice(index), context);
  if (declaredCommentCount !== null && declaredCommentCount !== comments.length) {
    warn(context, countLine, `the page declares ${declaredCommentCount} comments but ${comments.length} were found`);
  }
  return { comments, declaredCommentCount };
}
