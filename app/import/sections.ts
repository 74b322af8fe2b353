import { citeBackReference, citeSource, groupUnits, isCitationLine, opensQuote, textBlock, type Unit } from "./blocks";
import { markStructural, warn, type ParseContext } from "./context";
import type { SourceLine } from "./normalize";
import { parseSourceLine, sourceFromUrl } from "./sources";
import { isUrlOnly } from "./text";
import type { Block, ParsedSection } from "./types";

export interface SectionLabel {
  number: number;
  letter: string;
}

const SECTION_HEADER = /^(\d{1,3})([a-z])?\.(?:\s+(.*))?$/;

/** "15a. With the Dalai Lama…" → label 15a and the text after it; null for anything else (including “10. …"). */
export function readSectionHeader(line: SourceLine): { label: SectionLabel; rest: string } | null {
  if (line.indent > 1) return null;
  const match = SECTION_HEADER.exec(line.content);
  if (!match) return null;
  return { label: { number: Number(match[1]), letter: match[2] ?? "" }, rest: (match[3] ?? "").trim() };
}

export function labelText(label: SectionLabel): string {
  return `${label.number}${label.letter}`;
}

function nextLetter(letter: string): string {
  return String.fromCharCode(letter.charCodeAt(0) + 1);
}

/**
 * Whether `next` can follow `previous` in a program's numbering: 1 first, then +1 (optionally "a"),
 * or the next letter of a lettered number. A gap of one number is tolerated (returned as "gap").
 */
export function followsInSequence(previous: SectionLabel | null, next: SectionLabel): "yes" | "gap" | "no" {
  const startsNumber = next.letter === "" || next.letter === "a";
  if (previous === null) return next.number === 1 && startsNumber ? "yes" : "no";
  if (next.number === previous.number) {
    return previous.letter !== "" && next.letter === nextLetter(previous.letter) ? "yes" : "no";
  }
  if (next.number === previous.number + 1 && startsNumber) return "yes";
  if (next.number === previous.number + 2 && startsNumber) return "gap";
  return "no";
}

/**
 * Blocks of one program section. Rule: commentary comes first; once a source line has been given,
 * the text that follows it is the quoted excerpt of that source (as the original page sets it in block quotes).
 */
export function sectionBlocks(units: readonly Unit[], context: ParseContext): Block[] {
  const blocks: Block[] = [];
  let excerptFollows = false;
  for (const unit of units) {
    if (unit.kind === "rule") {
      blocks.push({ type: "rule", lines: unit.lines });
      continue;
    }
    if (unit.kind === "ellipsis") {
      blocks.push(textBlock("quote", unit));
      continue;
    }
    const single = unit.lines.length === 1;
    const backReference = single ? citeBackReference(context, unit) : null;
    if (backReference) {
      blocks.push(backReference);
      excerptFollows = true;
      continue;
    }
    if (single && isUrlOnly(unit.text)) {
      blocks.push(citeSource(context, unit, { source: sourceFromUrl(unit.text), pages: null }));
      excerptFollows = true;
      continue;
    }
    const cited = single ? parseSourceLine(unit.text) : null;
    if (cited) {
      blocks.push(citeSource(context, unit, cited));
      excerptFollows = true;
      continue;
    }
    blocks.push(textBlock(excerptFollows || opensQuote(unit.text) ? "quote" : "paragraph", unit));
  }
  return blocks;
}

/**
 * Splits the body of a program into numbered sections. A header must continue the numbering
 * (so a quoted “10. …” or a stray "4." inside an article is body text, not a section).
 */
export function parseSections(lines: readonly SourceLine[], context: ParseContext): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let previous: SectionLabel | null = null;
  let current: { label: SectionLabel; lines: SourceLine[] } | null = null;
  const close = (): void => {
    if (!current) return;
    const units = groupUnits(current.lines, isCitationLine);
    sections.push({ label: labelText(current.label), blocks: sectionBlocks(units, context) });
  };

  for (const line of lines) {
    const header = readSectionHeader(line);
    const order = header ? followsInSequence(previous, header.label) : "no";
    if (header && order !== "no") {
      close();
      if (order === "gap") warn(context, line.number, `section ${labelText(header.label)} skips a number after ${previous ? labelText(previous) : "the start"}`);
      previous = header.label;
      current = { label: header.label, lines: [] };
      if (header.rest === "") markStructural(context, line, "section heading");
      else current.lines.push({ ...line, content: header.rest, text: header.rest, indent: 0 });
      continue;
    }
    if (!current) {
      if (line.content !== "") warn(context, line.number, "text before the first numbered section");
      current = { label: { number: 0, letter: "" }, lines: [] };
    }
    current.lines.push(line);
  }
  close();
  return sections;
}
