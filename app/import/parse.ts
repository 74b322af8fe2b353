import { parseArticle, looksLikeArticle } from "./article";
import { groupUnits, opensQuote, textBlock } from "./blocks";
import { createContext, markStructural, warn, type ParseContext } from "./context";
import { normalizeDocument, type SourceLine } from "./normalize";
import { looksLikeProgram, parseProgram } from "./program";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "./time";
import type { DocumentKind, ParseOptions, ParsedDocument } from "./types";

export { accountedLines } from "./accounting";

function emptyDocument(kind: DocumentKind, context: ParseContext): ParsedDocument {
  return {
    kind,
    title: "",
    number: null,
    publication: null,
    author: null,
    recordingNote: null,
    summary: null,
    authorBio: null,
    intro: [],
    highlights: [],
    sections: [],
    comments: [],
    declaredCommentCount: null,
    sources: context.registry.sources,
    warnings: context.warnings,
    dropped: context.dropped,
    structural: context.structural,
  };
}

/** Anything else: the first line is the title and the rest a generic post of paragraphs. */
function parseUnknown(lines: readonly SourceLine[], context: ParseContext): Pick<ParsedDocument, "title" | "sections"> {
  const titleIndex = lines.findIndex((line) => line.content !== "");
  const titleLine = lines[titleIndex];
  if (!titleLine) return { title: "", sections: [] };
  markStructural(context, titleLine, "title");
  warn(context, titleLine.number, "unrecognised document layout: imported as a title and plain paragraphs");
  const units = groupUnits(lines.slice(titleIndex + 1));
  if (units.length === 0) warn(context, 0, "the document has a title but no body text");
  const blocks = units.map((unit) =>
    unit.kind === "rule" ? { type: "rule" as const, lines: unit.lines } : textBlock(opensQuote(unit.text) ? "quote" : "paragraph", unit),
  );
  return { title: titleLine.content, sections: [{ label: "body", blocks }] };
}

function parseNormalized(lines: readonly SourceLine[], context: ParseContext): ParsedDocument {
  if (!lines.some((line) => line.content !== "")) {
    warn(context, 0, "the document is empty");
    return emptyDocument("unknown", context);
  }
  if (looksLikeProgram(lines)) return { ...emptyDocument("program", context), ...parseProgram(lines, context) };
  if (looksLikeArticle(lines)) return { ...emptyDocument("article", context), ...parseArticle(lines, context) };
  return { ...emptyDocument("unknown", context), ...parseUnknown(lines, context) };
}

/** Last resort after an internal error: every line kept as a paragraph so nothing is lost. */
function salvage(lines: readonly SourceLine[], error: unknown): ParsedDocument {
  const context = createContext(DEFAULT_TIME_ZONE);
  warn(context, 0, `internal parser error, document imported as plain text: ${String(error)}`);
  const document = emptyDocument("unknown", context);
  const kept = lines.filter((line) => line.content !== "");
  document.title = kept[0]?.content ?? "";
  document.sections = [
    { label: "body", blocks: kept.map((line) => ({ type: "paragraph", text: line.content, lines: [line.number] })) },
  ];
  return document;
}

/**
 * Parses one episode document (a "For The Record" program page, a news article, or anything else).
 * Pure and total: never throws; whatever it cannot place is reported in `warnings`.
 */
/**
 * Bumped whenever the parser reads the same bytes differently: an import of a file already imported
 * by an older version is read again (2: "(Idem.)" keeps the pages it repeats, sources get their identity).
 */
export const PARSER_VERSION = 2;

export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  let lines: SourceLine[] = [];
  try {
    lines = normalizeDocument(typeof text === "string" ? text : String(text ?? ""));
    const requestedZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    const zoneIsValid = isValidTimeZone(requestedZone);
    const context = createContext(zoneIsValid ? requestedZone : DEFAULT_TIME_ZONE);
    if (!zoneIsValid) warn(context, 0, `unknown time zone "${requestedZone}", using ${DEFAULT_TIME_ZONE}`);
    const document = parseNormalized(lines, context);
    if (options.fileName) {
      const prefix = `${options.fileName}: `;
      document.warnings = document.warnings.map((warning) => ({ ...warning, message: prefix + warning.message }));
    }
    return document;
  } catch (error) {
    return salvage(lines, error);
  }
}
