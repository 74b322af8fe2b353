import { warn, type ParseContext } from "./context";
import type { SourceLine } from "./normalize";
import { parseBackReference, parseSourceLine, type CitedSource } from "./sources";
import { isUrlOnly } from "./text";
import type { Block, TextBlock } from "./types";

/** A run of consecutive non-empty lines, or a line that always stands alone (rule, ellipsis, citation). */
export interface Unit {
  kind: "text" | "ellipsis" | "rule";
  /** Line contents joined by "\n", indentation removed. */
  text: string;
  lines: number[];
}

// "———-", "————–", "---", and the "*****" separators inside pasted articles.
const RULE = /^(?:[—–\-‐‑―_]{3,}|(?:\* ?){3,})$/;
const ELLIPSIS = /^(?:\.{3,}|…|(?:\. ?){3,4})$/;
// Opening quotation marks, or an elision that opens an excerpt (". . . . Now, the Kiev regime…").
const OPENS_QUOTE = /^(?:[“”"„«]|\.\s?\.\s?\.)/;

export function isRule(text: string): boolean {
  return RULE.test(text.trim());
}

/** A dash rule ("———-") closes a pasted article; "*****" only separates parts inside one. */
export function isDashRule(text: string): boolean {
  return isRule(text) && !text.includes("*");
}

export function isEllipsis(text: string): boolean {
  return ELLIPSIS.test(text.trim());
}

/** A paragraph that opens with a quotation mark or an elision is a quoted passage. */
export function opensQuote(text: string): boolean {
  return OPENS_QUOTE.test(text.trim());
}

/** A line that is a citation on its own and so must not merge into the paragraph around it. */
export function isCitationLine(content: string): boolean {
  return parseBackReference(content) !== null || isUrlOnly(content) || parseSourceLine(content) !== null;
}

/**
 * Groups lines into units: blank lines end a paragraph, and rules, ellipses and any line `standsAlone`
 * accepts (citations) become units of their own so they never merge into the text around them.
 */
export function groupUnits(lines: readonly SourceLine[], standsAlone: (content: string) => boolean = () => false): Unit[] {
  const units: Unit[] = [];
  let current: { texts: string[]; lines: number[] } | null = null;
  const flush = (): void => {
    if (current) units.push({ kind: "text", text: current.texts.join("\n"), lines: current.lines });
    current = null;
  };
  for (const line of lines) {
    const content = line.content;
    if (content === "") {
      flush();
      continue;
    }
    if (isRule(content) || isEllipsis(content) || standsAlone(content)) {
      flush();
      const kind = isRule(content) ? "rule" : isEllipsis(content) ? "ellipsis" : "text";
      units.push({ kind, text: content, lines: [line.number] });
      continue;
    }
    current ??= { texts: [], lines: [] };
    current.texts.push(content);
    current.lines.push(line.number);
  }
  flush();
  return units;
}

/** Units as plain text blocks (introduction, highlights). */
export function toTextBlocks(units: readonly Unit[]): TextBlock[] {
  return units.map((unit) => ({ text: unit.text, lines: unit.lines }));
}

/** A citation block for a source line; the source joins the document's source list. */
export function citeSource(context: ParseContext, unit: Unit, cited: CitedSource): Block {
  const sourceIndex = context.registry.add(cited.source);
  context.lastSourceIndex = sourceIndex;
  context.lastPages = cited.pages;
  return {
    type: "citation",
    citation: { sourceIndex, pages: cited.pages, raw: unit.text, backReference: false, line: unit.lines[0] ?? 0 },
    lines: unit.lines,
  };
}

/**
 * "(Idem.)" repeats the whole preceding citation, its pages included; "(Ibid.; pp. 10–11.)" cites the
 * same source at its own pages. Null with a warning when nothing was cited before.
 */
export function citeBackReference(context: ParseContext, unit: Unit): Block | null {
  const reference = parseBackReference(unit.text);
  if (!reference) return null;
  const line = unit.lines[0] ?? 0;
  if (context.lastSourceIndex === null) {
    warn(context, line, `"${unit.text}" refers back to a source, but no source was cited before it`);
    return null;
  }
  const pages = reference.pages ?? context.lastPages;
  context.lastPages = pages;
  return {
    type: "citation",
    citation: {
      sourceIndex: context.lastSourceIndex,
      pages,
      raw: unit.text,
      backReference: true,
      line,
    },
    lines: unit.lines,
  };
}

export function textBlock(type: "paragraph" | "quote", unit: Unit): Block {
  return { type, text: unit.text, lines: unit.lines };
}
