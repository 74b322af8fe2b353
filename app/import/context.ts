import type { SourceLine } from "./normalize";
import { createSourceRegistry, type SourceRegistry } from "./sources";
import type { DroppedLine, ParseWarning, ParsedDocument } from "./types";

/** What one parse run collects besides the document body: warnings, set-aside lines and sources. */
export interface ParseContext {
  warnings: ParseWarning[];
  dropped: DroppedLine[];
  structural: ParsedDocument["structural"];
  registry: SourceRegistry;
  /** Index of the most recently cited source, which "(Idem.)" and "(Ibid.)" point back to. */
  lastSourceIndex: number | null;
  /** Pages of the most recent citation: "(Idem.)" repeats them, "(Ibid.; p. 11.)" gives its own. */
  lastPages: string | null;
  timeZone: string;
}

export function createContext(timeZone: string): ParseContext {
  return {
    warnings: [],
    dropped: [],
    structural: [],
    registry: createSourceRegistry(),
    lastSourceIndex: null,
    lastPages: null,
    timeZone,
  };
}

/** Line 0 stands for the document as a whole. */
export function warn(context: ParseContext, line: number, message: string): void {
  context.warnings.push({ line, message });
}

export function drop(context: ParseContext, line: SourceLine, reason: string): void {
  context.dropped.push({ line: line.number, text: line.content, reason });
}

export function markStructural(context: ParseContext, line: SourceLine, role: string): void {
  context.structural.push({ line: line.number, role });
}
