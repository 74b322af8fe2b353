import {
  citeBackReference,
  citeSource,
  groupUnits,
  isCitationLine,
  isDashRule,
  opensQuote,
  textBlock,
  type Unit,
} from "./blocks";
import { drop, markStructural, warn, type ParseContext } from "./context";
import type { SourceLine } from "./normalize";
import { parseSourceLine, sourceFromUrl, type CitedSource } from "./sources";
import { endsLikeSentence, findUrls, isUrlOnly, matchText } from "./text";
import { parseWallClock, zonedWallTimeToIso } from "./time";
import type { Block, ParsedComment } from "./types";

const COMMENT_HEADER = /^(\d{1,4})\.(?:\s+(.*))?$/;
const POSTED_BY = /^Posted by\s+(.+?)\s*\|\s*(.+)$/i;
const COMMENT_FOOTER = /^(?:Post a comment|Leave a (?:reply|comment)|You must be logged in.*|Comments are closed\.?)$/i;
// An excerpt that opens with an elision (” . . . . After the SMO began…) runs until a paragraph closes the quote.
const ELISION_OPENER = /^[“”"]?\s?\.\s?\.\s?\.\s?\./;
const CLOSES_QUOTE = /[”"]$/;
const MIN_MATCH = 25;
const PROBE = 80;

/** "  2. @Pterrafractyl–" → ordinal 2 and its text; comment headers are indented less than comment bodies. */
export function readCommentHeader(line: SourceLine): { ordinal: number; rest: string } | null {
  if (line.indent > 3) return null;
  const match = COMMENT_HEADER.exec(line.content);
  if (!match) return null;
  return { ordinal: Number(match[1]), rest: (match[2] ?? "").trim() };
}

/** "Posted by Dave Emory | March 22, 2024, 6:35 pm" → name and time as printed. */
export function readPostedBy(content: string): { authorName: string; postedAtText: string } | null {
  const match = POSTED_BY.exec(content);
  if (!match) return null;
  return { authorName: (match[1] ?? "").trim(), postedAtText: (match[2] ?? "").trim() };
}

/** "9 comments for “FTR #863 …”" → 9; "One comment for …" → 1; null for any other line. */
export function readCommentCount(content: string): number | null {
  const match = /^(\d+|one|no)\s+comments?\s+(?:for|on)\b/i.exec(content);
  if (!match) return null;
  const word = (match[1] ?? "").toLowerCase();
  return word === "one" ? 1 : word === "no" ? 0 : Number(word);
}

interface OpenComment {
  ordinal: number;
  header: SourceLine;
  lines: SourceLine[];
}

/**
 * Reads the comment list: each comment opens with an indented "N." and ends with its "Posted by NAME | TIME" line.
 * A comment cut off before its "Posted by" line is kept, marked incomplete, with a warning.
 */
export function parseComments(lines: readonly SourceLine[], context: ParseContext): ParsedComment[] {
  const comments: ParsedComment[] = [];
  let open: OpenComment | null = null;
  let lastOrdinal = 0;

  const close = (byline: { authorName: string; postedAtText: string } | null, bylineLine: SourceLine | null): void => {
    if (!open) return;
    comments.push(buildComment(open, byline, bylineLine, context));
    open = null;
  };

  for (const line of lines) {
    if (line.content === "") {
      open?.lines.push(line);
      continue;
    }
    const header = readCommentHeader(line);
    if (header && header.ordinal === lastOrdinal + 1) {
      if (open) {
        const cut: OpenComment = open;
        warn(context, cut.header.number, `comment ${cut.ordinal} has no "Posted by" line before comment ${header.ordinal}`);
        close(null, null);
      }
      lastOrdinal = header.ordinal;
      open = { ordinal: header.ordinal, header: line, lines: [{ ...line, content: header.rest, text: header.rest, indent: 4 }] };
      continue;
    }
    const byline = readPostedBy(line.content);
    if (byline) {
      markStructural(context, line, "comment byline");
      if (open) close(byline, line);
      else warn(context, line.number, `"Posted by" line outside any comment`);
      continue;
    }
    if (open) {
      open.lines.push(line);
      continue;
    }
    if (COMMENT_FOOTER.test(line.content)) {
      drop(context, line, "footer");
      continue;
    }
    warn(context, line.number, "text between comments that belongs to no comment");
    drop(context, line, "outside any comment");
  }
  if (open) {
    const cut: OpenComment = open;
    warn(context, cut.header.number, `comment ${cut.ordinal} has no "Posted by" line (document cut off?)`);
    close(null, null);
  }
  resolveReplyParents(comments);
  return comments;
}

function buildComment(
  open: OpenComment,
  byline: { authorName: string; postedAtText: string } | null,
  bylineLine: SourceLine | null,
  context: ParseContext,
): ParsedComment {
  const { blocks, urls } = commentBody(open.lines, context);
  const comment: ParsedComment = {
    ordinal: open.ordinal,
    authorName: byline?.authorName ?? "",
    postedAtText: byline?.postedAtText ?? "",
    postedAt: "",
    parentOrdinal: null,
    blocks,
    urls,
  };
  if (!byline || !bylineLine) {
    comment.incomplete = true;
    return comment;
  }
  const wall = parseWallClock(byline.postedAtText);
  if (wall) comment.postedAt = zonedWallTimeToIso(wall, context.timeZone);
  else warn(context, bylineLine.number, `comment ${open.ordinal}: cannot read the time "${byline.postedAtText}"`);
  return comment;
}

interface Excerpted {
  /** Units of a pasted article (outlet, headline, byline, text) that ends at a rule and its citation. */
  articleUnits: Set<number>;
  /** matchText of every pasted article, for recognising excerpts repeated after the citation. */
  articleTexts: string[];
  /** Unit index → the citation read from it. */
  citations: Map<number, CitedSource>;
}

/**
 * Finds the citations of a comment and the pasted articles they close. Rule: the line after a "———-" rule
 * is a citation even when it lacks "by" or a semicolon; the pasted article begins at its headline (the
 * citation's title) and takes in up to two short lines above it (outlet, "Opinion").
 */
function findExcerpts(units: Unit[]): Excerpted {
  splitCitationsAfterRules(units);
  const result: Excerpted = { articleUnits: new Set(), articleTexts: [], citations: new Map() };
  let lowerBound = 0;
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index];
    if (!unit || unit.kind !== "text" || unit.lines.length !== 1) continue;
    const previous = units[index - 1];
    const afterRule = previous?.kind === "rule" && isDashRule(previous.text);
    const cited = parseSourceLine(unit.text, { lenient: afterRule });
    if (!cited) continue;
    result.citations.set(index, cited);
    if (afterRule) {
      const start = findArticleStart(units, index - 1, lowerBound, cited.source.title);
      if (start !== null) {
        const texts: string[] = [];
        for (let inner = start; inner < index - 1; inner += 1) {
          result.articleUnits.add(inner);
          texts.push(matchText(units[inner]?.text ?? ""));
        }
        result.articleTexts.push(texts.join(" "));
      }
    }
    lowerBound = index + 1;
  }
  return result;
}

/** A citation written directly above its first excerpt (no blank line) still gets a unit of its own. */
function splitCitationsAfterRules(units: Unit[]): void {
  for (let index = units.length - 1; index > 0; index -= 1) {
    const unit = units[index];
    const previous = units[index - 1];
    if (!unit || unit.kind !== "text" || unit.lines.length < 2) continue;
    if (previous?.kind !== "rule" || !isDashRule(previous.text)) continue;
    const [first = "", ...rest] = unit.text.split("\n");
    if (!parseSourceLine(first, { lenient: true })) continue;
    units.splice(
      index,
      1,
      { kind: "text", text: first, lines: unit.lines.slice(0, 1) },
      { kind: "text", text: rest.join("\n"), lines: unit.lines.slice(1) },
    );
  }
}

function findArticleStart(units: Unit[], ruleIndex: number, lowerBound: number, title: string): number | null {
  const wanted = matchText(title);
  for (let index = ruleIndex - 1; index >= lowerBound; index -= 1) {
    const unit = units[index];
    if (!unit || unit.kind !== "text") continue;
    const firstLine = unit.text.split("\n", 1)[0] ?? "";
    if (firstLine.length > title.length + 12 || matchText(firstLine) !== wanted) continue;
    let start = index;
    for (let back = 1; back <= 2; back += 1) {
      const above = units[index - back];
      if (index - back < lowerBound || !above || above.kind !== "text") break;
      if (!isMastheadLine(above)) break;
      start = index - back;
    }
    return start;
  }
  return null;
}

/** Outlet lines above a pasted headline: short, unpunctuated ("The Washington Post⏎Opinion"). */
function isMastheadLine(unit: Unit): boolean {
  const parts = unit.text.split("\n");
  return parts.length <= 3 && parts.every((part) => part.length <= 80 && !endsLikeSentence(part));
}

function copiedFromArticle(text: string, articleTexts: readonly string[]): boolean {
  const probe = matchText(text.slice(0, PROBE * 2)).slice(0, PROBE);
  return probe.length >= MIN_MATCH && articleTexts.some((article) => article.includes(probe));
}

/**
 * Blocks of one comment. A paragraph is a quote when it belongs to a pasted article, opens with a quotation
 * mark or elision, or repeats the text of an article pasted in the same comment; everything else is commentary.
 */
export function commentBody(lines: readonly SourceLine[], context: ParseContext): { blocks: Block[]; urls: string[] } {
  const units = groupUnits(lines, isCitationLine);
  const { articleUnits, articleTexts, citations } = findExcerpts(units);
  const blocks: Block[] = [];
  let inElidedExcerpt = false;

  units.forEach((unit, index) => {
    const cited = citations.get(index);
    if (cited) {
      blocks.push(citeSource(context, unit, cited));
      inElidedExcerpt = false;
      return;
    }
    if (unit.kind === "rule") {
      blocks.push({ type: "rule", lines: unit.lines });
      inElidedExcerpt = false;
      return;
    }
    if (unit.kind === "ellipsis") {
      blocks.push(textBlock("quote", unit));
      return;
    }
    if (unit.lines.length === 1) {
      const backReference = citeBackReference(context, unit);
      if (backReference) {
        blocks.push(backReference);
        return;
      }
      if (isUrlOnly(unit.text)) {
        blocks.push(citeSource(context, unit, { source: sourceFromUrl(unit.text), pages: null }));
        inElidedExcerpt = false;
        return;
      }
    }
    const startsElided = !inElidedExcerpt && ELISION_OPENER.test(unit.text);
    const isQuote =
      articleUnits.has(index) ||
      inElidedExcerpt ||
      startsElided ||
      opensQuote(unit.text) ||
      copiedFromArticle(unit.text, articleTexts);
    if (startsElided) inElidedExcerpt = true;
    if (inElidedExcerpt && CLOSES_QUOTE.test(unit.text)) inElidedExcerpt = false;
    blocks.push(textBlock(isQuote ? "quote" : "paragraph", unit));
  });

  const urls = lines.flatMap((line) => findUrls(line.content));
  return { blocks, urls };
}

const REPLY = /^@(.+)$/s;
const NAME_BOUNDARY = /^(?:$|[\s–—\-:,;!.])/;

/**
 * The "@Name" rule: a comment opening with "@Name" (then –, —, :, a comma or a space) replies to the most
 * recent earlier comment by that person; names match case-insensitively, in full or by a prefix ("@Dave").
 */
export function resolveReplyParents(comments: ParsedComment[]): void {
  comments.forEach((comment, index) => {
    const first = comment.blocks[0];
    const text = first && first.type !== "rule" && first.type !== "citation" ? first.text : "";
    const mention = REPLY.exec(text.trim())?.[1];
    if (!mention) return;
    const earlier = comments.slice(0, index).filter((candidate) => candidate.authorName !== "");
    const target = mentionedAuthor(mention, earlier.map((candidate) => candidate.authorName));
    if (target === null) return;
    const parent = [...earlier].reverse().find((candidate) => candidate.authorName.toLowerCase() === target);
    comment.parentOrdinal = parent?.ordinal ?? null;
  });
}

/** Lower-cased author name the text after "@" refers to, or null. */
function mentionedAuthor(mention: string, names: readonly string[]): string | null {
  const lower = mention.toLowerCase();
  const distinct = [...new Set(names.map((name) => name.toLowerCase()))].sort((a, b) => b.length - a.length);
  const full = distinct.find((name) => lower.startsWith(name) && NAME_BOUNDARY.test(lower.slice(name.length)));
  if (full) return full;
  const token = /^[^\s–—:,;!?.]+/.exec(lower)?.[0]?.replace(/-+$/, "");
  if (!token) return null;
  return distinct.find((name) => name.startsWith(token)) ?? null;
}
