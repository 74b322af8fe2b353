import { describe, expect, it } from "vitest";
import { blockRanges, canonicalText, type StoredBlock } from "./stored-blocks";

const blocks: StoredBlock[] = [
  { type: "paragraph", text: "Commentary." },
  { type: "rule" },
  { type: "citation", sourceKey: "k", pages: null, raw: "“T” by A; O; 1/1/2020.", backReference: false },
  { type: "quote", text: "“Quoted.”" },
];

describe("canonical text", () => {
  it("joins the texts of paragraphs and quotes with a blank line and skips citations and rules", () => {
    expect(canonicalText(blocks)).toBe("Commentary.\n\n“Quoted.”");
  });

  it("gives each text block the range it occupies in the canonical text", () => {
    const text = canonicalText(blocks);
    for (const range of blockRanges(blocks)) {
      const block = blocks[range.index]!;
      expect(text.slice(range.start, range.end)).toBe("text" in block ? block.text : "");
    }
    expect(blockRanges(blocks).map((r) => r.index)).toEqual([0, 3]);
  });
});
