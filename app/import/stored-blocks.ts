// The blocks as stored in the database (Section.blocks, Comment.blocks): the parsed blocks without
// input line numbers, citations named by source key. The texts of paragraphs and quotes, joined by a
// blank line, are the canonical plain text that claim selectors (W3C TextPositionSelector) count
// characters in: exactly the `textContent` of the target's element on the episode page (docs/api.md).
import type { Block, ParsedSource } from "./types";

export type StoredBlock =
  | { type: "paragraph"; text: string }
  | { type: "quote"; text: string }
  | { type: "citation"; sourceKey: string; pages: string | null; raw: string; backReference: boolean }
  | { type: "rule" };

export const BLOCK_SEPARATOR = "\n\n";

export function toStoredBlocks(blocks: readonly Block[], sources: readonly ParsedSource[]): StoredBlock[] {
  return blocks.map((block): StoredBlock => {
    switch (block.type) {
      case "paragraph":
      case "quote":
        return { type: block.type, text: block.text };
      case "citation":
        return {
          type: "citation",
          sourceKey: sources[block.citation.sourceIndex]?.key ?? "",
          pages: block.citation.pages,
          raw: block.citation.raw,
          backReference: block.citation.backReference,
        };
      case "rule":
        return { type: "rule" };
    }
  });
}

/**
 * The text a block contributes to the canonical text. Citations and rules contribute none: the page
 * draws a citation card outside the text flow, and a citation line is an attribution, not a claim.
 */
export function blockText(block: StoredBlock): string | null {
  return block.type === "paragraph" || block.type === "quote" ? block.text : null;
}

/** Each text-bearing block with its [start, end) range in the canonical text. */
export function blockRanges(blocks: readonly StoredBlock[]) {
  const ranges: { index: number; start: number; end: number }[] = [];
  let offset = 0;
  blocks.forEach((block, index) => {
    const text = blockText(block);
    if (text === null) return;
    if (ranges.length > 0) offset += BLOCK_SEPARATOR.length;
    ranges.push({ index, start: offset, end: offset + text.length });
    offset += text.length;
  });
  return ranges;
}

export function canonicalText(blocks: readonly StoredBlock[]): string {
  return blocks
    .map(blockText)
    .filter((text): text is string => text !== null)
    .join(BLOCK_SEPARATOR);
}

/** Where each citation stands in the canonical text: the end of the text block before it (0 when none). */
export function citationOffsets(blocks: readonly StoredBlock[]): number[] {
  const ranges = blockRanges(blocks);
  return blocks.flatMap((block, index) => (block.type === "citation" ? [ranges.filter((range) => range.index < index).at(-1)?.end ?? 0] : []));
}
