import type { ParsedDocument } from "./types";

/** Every input line the document accounts for: rendered in a block, turned into metadata, or dropped with a reason. */
export function accountedLines(document: ParsedDocument): Set<number> {
  const lines = new Set<number>();
  const add = (numbers: readonly number[]): void => numbers.forEach((number) => lines.add(number));
  document.intro.forEach((block) => add(block.lines));
  document.highlights.forEach((block) => add(block.lines));
  document.sections.forEach((section) => section.blocks.forEach((block) => add(block.lines)));
  document.comments.forEach((comment) => comment.blocks.forEach((block) => add(block.lines)));
  document.structural.forEach((entry) => lines.add(entry.line));
  document.dropped.forEach((entry) => lines.add(entry.line));
  return lines;
}
