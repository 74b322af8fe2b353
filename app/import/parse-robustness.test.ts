import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nonEmptyLineNumbers, normalizeDocument } from "./normalize";
import { accountedLines, parseDocument } from "./parse";
import type { ParsedDocument } from "./types";

const program = readFileSync(
  new URL("../../seeds/ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt", import.meta.url),
  "utf8",
);

function expectAccounted(text: string, doc: ParsedDocument): void {
  expect([...accountedLines(doc)].sort((a, b) => a - b)).toEqual(nonEmptyLineNumbers(normalizeDocument(text)));
}

/** Deterministic pseudo-random bytes (a linear congruential generator), decoded as UTF-8 with replacement. */
function garbage(length: number, seed: number): string {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    bytes[index] = state % 256;
  }
  return new TextDecoder().decode(bytes);
}

describe("parseDocument never throws", () => {
  it("returns an empty unknown document with a warning for an empty string", () => {
    const doc = parseDocument("");
    expect(doc).toMatchObject({ kind: "unknown", title: "", sections: [], comments: [], sources: [] });
    expect(doc.warnings).toHaveLength(1);
  });

  it("treats whitespace-only text as empty", () => {
    const doc = parseDocument(" \n\t\r\n\u00A0 \r");
    expect(doc.kind).toBe("unknown");
    expect(doc.warnings.map((w) => w.message)).toEqual(["the document is empty"]);
  });

  it.each([1, 2, 3, 4, 5])("survives random bytes decoded as text (seed %i)", (seed) => {
    const text = garbage(4096, seed);
    const doc = parseDocument(text);
    expect(doc.warnings.length).toBeGreaterThan(0);
    expectAccounted(text, doc);
    expect(JSON.stringify(doc)).not.toContain("\\u0000");
  });

  it("imports a title-only document as an unknown post with a warning", () => {
    const doc = parseDocument("Just a title\n");
    expect(doc).toMatchObject({ kind: "unknown", title: "Just a title", sections: [{ label: "body", blocks: [] }] });
    expect(doc.structural).toEqual([{ line: 1, role: "title" }]);
    expect(doc.warnings.length).toBeGreaterThan(0);
  });

  it("imports a program title alone as a program that warns about the missing sections", () => {
    const doc = parseDocument("FTR #900 A Title Only");
    expect(doc).toMatchObject({ kind: "program", number: 900, title: "FTR #900 A Title Only", sections: [] });
    expect(doc.warnings.some((w) => /numbered sections/.test(w.message))).toBe(true);
  });

  it("imports unknown text as paragraphs in one body section", () => {
    const text = "A note\n\nFirst paragraph\ncontinues here.\n\n“A quotation.”";
    const doc = parseDocument(text);
    expect(doc.kind).toBe("unknown");
    expect(doc.sections[0]?.blocks).toEqual([
      { type: "paragraph", text: "First paragraph\ncontinues here.", lines: [3, 4] },
      { type: "quote", text: "“A quotation.”", lines: [6] },
    ]);
    expectAccounted(text, doc);
  });

  it("copes with a document made of parser keywords", () => {
    const text = "For The Record\n(Idem.)\n1.\n2. “x” by Y; Z; 1/1/2001\n  1. @\n    Posted by | \n9 comments for x\nDiscussion";
    const doc = parseDocument(text);
    expect(doc.kind).toBe("program");
    expectAccounted(text, doc);
  });

  it("falls back to the default zone, with a warning, for an unknown time zone", () => {
    const doc = parseDocument(program, { timeZone: "Nowhere/Special" });
    expect(doc.comments[0]?.postedAt).toBe("2024-03-22T17:57:00-07:00");
    expect(doc.warnings[0]?.message).toMatch(/unknown time zone/);
  });

  it("prefixes warnings with the file name when given one", () => {
    const doc = parseDocument("", { fileName: "empty.txt" });
    expect(doc.warnings[0]?.message).toBe("empty.txt: the document is empty");
  });

  it("salvages the text as plain paragraphs if the parser itself fails", () => {
    const failing = {
      get timeZone(): string {
        throw new Error("boom");
      },
    };
    const doc = parseDocument("Title\n\nBody", failing);
    expect(doc.kind).toBe("unknown");
    expect(doc.warnings[0]?.message).toMatch(/internal parser error.*boom/);
    expect([...accountedLines(doc)]).toEqual([1, 3]);
  });

  it("accepts a non-string at runtime without throwing", () => {
    expect(() => parseDocument(undefined as unknown as string)).not.toThrow();
  });
});

describe.each([
  ["50%", 0.5],
  ["90%", 0.9],
])("the program page cut at %s", (_, fraction) => {
  const text = program.slice(0, Math.floor(program.length * fraction));
  const doc = parseDocument(text);

  it("still parses the front matter and all sections", () => {
    expect(doc.kind).toBe("program");
    expect(doc.number).toBe(863);
    expect(doc.sections).toHaveLength(21);
  });

  it("keeps the cut-off comment, marked incomplete, and warns about it and the count", () => {
    const last = doc.comments.at(-1);
    expect(last?.incomplete).toBe(true);
    expect(doc.comments.slice(0, -1).every((c) => !c.incomplete && c.postedAt !== "")).toBe(true);
    expect(doc.warnings.some((w) => /Posted by/.test(w.message))).toBe(true);
  });

  it("warns about the declared count exactly when comments are missing", () => {
    const countWarning = doc.warnings.some((w) => w.line === 306 && /declares 9 comments/.test(w.message));
    expect(countWarning).toBe(doc.comments.length !== 9);
    expect(doc.comments.length).toBe(fraction === 0.5 ? 5 : 9);
  });

  it("still accounts for every line", () => {
    expectAccounted(text, doc);
  });
});
