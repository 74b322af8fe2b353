import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nonEmptyLineNumbers, normalizeDocument } from "./normalize";
import { accountedLines, parseDocument } from "./parse";
import type { ParsedDocument } from "./types";

const seeds = {
  program: "ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt",
  article: "taipei-times-why-isis-attacked-russia.txt",
};

function readSeed(name: string): string {
  return readFileSync(new URL(`../../seeds/${name}`, import.meta.url), "utf8");
}

/** How often each line appears across blocks, structure and dropped lines. */
function placements(document: ParsedDocument): Map<number, number> {
  const counts = new Map<number, number>();
  const count = (line: number) => counts.set(line, (counts.get(line) ?? 0) + 1);
  document.intro.forEach((b) => b.lines.forEach(count));
  document.highlights.forEach((b) => b.lines.forEach(count));
  document.sections.forEach((s) => s.blocks.forEach((b) => b.lines.forEach(count)));
  document.comments.forEach((c) => c.blocks.forEach((b) => b.lines.forEach(count)));
  document.structural.forEach((s) => count(s.line));
  document.dropped.forEach((d) => count(d.line));
  return counts;
}

describe.each(Object.entries(seeds))("accounting for the %s seed", (_, name) => {
  const text = readSeed(name);
  const doc = parseDocument(text);
  const expected = nonEmptyLineNumbers(normalizeDocument(text));

  it("accounts for every non-empty line and no other", () => {
    expect([...accountedLines(doc)].sort((a, b) => a - b)).toEqual(expected);
  });

  it("places each line exactly once", () => {
    const twice = [...placements(doc)].filter(([, times]) => times > 1).map(([line]) => line);
    expect(twice).toEqual([]);
  });
});

describe("accountedLines", () => {
  it("counts intro, highlights, sections, comments, structure and dropped lines", () => {
    const doc = parseDocument("Taipei Times\n\nHeadline\n\n-\n\nBody.\n\nNewspapers in English");
    expect([...accountedLines(doc)].sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9]);
  });
});
