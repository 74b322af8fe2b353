import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse";
import type { ParsedDocument } from "./types";

const seed = readFileSync(new URL("../../seeds/taipei-times-why-isis-attacked-russia.txt", import.meta.url), "utf8");
const doc = parseDocument(seed);

/** Everything a reader sees as the article: title, summary, intro and section text. */
function visibleText(document: ParsedDocument): string {
  const blocks = document.sections.flatMap((s) => s.blocks).map((b) => (b.type === "paragraph" || b.type === "quote" ? b.text : ""));
  return [document.title, document.summary ?? "", ...document.intro.map((b) => b.text), ...blocks].join("\n");
}

describe("Taipei Times article", () => {
  it("reads outlet, headline, author and summary", () => {
    expect(doc.kind).toBe("article");
    expect(doc.publication).toBe("Taipei Times");
    expect(doc.title).toBe("Why ISIS attacked Russia — and why Moscow blames Kyiv");
    expect(doc.author).toBe("Omar Ashour");
    expect(doc.summary).toBe(
      "With his military offensive stalling, Russian President Vladimir Putin needs an excuse for mass mobilization",
    );
    expect(doc.number).toBeNull();
    expect(doc.warnings).toEqual([]);
  });

  it("keeps the author's bio apart from the body", () => {
    expect(doc.authorBio?.startsWith("Omar Ashour, professor of Security and Military Studies")).toBe(true);
    expect(doc.structural).toContainEqual({ line: 37, role: "author bio" });
  });

  it("puts the body paragraphs in one “body” section", () => {
    expect(doc.sections.map((s) => s.label)).toEqual(["body"]);
    const blocks = doc.sections[0]?.blocks ?? [];
    expect(blocks).toHaveLength(14);
    expect(blocks.every((b) => b.type === "paragraph")).toBe(true);
    expect(blocks[0]?.lines).toEqual([7]);
    expect(blocks.at(-1)?.lines).toEqual([33]);
  });

  it("drops the separator, the OCR caption debris and the archive footer", () => {
    expect(doc.dropped.map((d) => [d.line, d.reason])).toEqual([
      [5, "separator"],
      [39, "ocr debris"],
      [40, "ocr debris"],
      [42, "footer"],
      [44, "footer"],
    ]);
  });

  it("shows no footer or OCR debris in title, summary or body", () => {
    const text = visibleText(doc);
    expect(text).not.toContain("ILLUSTRATION");
    expect(text).not.toContain("??");
    expect(text).not.toContain("Newspapers in English");
    expect(text).not.toContain("Newspapers from Taiwan");
    expect(text).not.toContain("BY OMAR ASHOUR");
  });

  it("gives the same structure for a CRLF copy with a BOM", () => {
    const windows = parseDocument(`\uFEFF${seed.replace(/\n/g, "\r\n")}`);
    expect(windows).toEqual(doc);
  });
});
