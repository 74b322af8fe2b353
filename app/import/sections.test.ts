import { describe, expect, it } from "vitest";
import { createContext } from "./context";
import { normalizeDocument } from "./normalize";
import { followsInSequence, parseSections, readSectionHeader } from "./sections";

function sections(text: string) {
  const context = createContext("America/Los_Angeles");
  return { sections: parseSections(normalizeDocument(text), context), context };
}

describe("section numbering", () => {
  it("accepts 1, then +1, and lettered parts in order", () => {
    expect(followsInSequence(null, { number: 1, letter: "" })).toBe("yes");
    expect(followsInSequence({ number: 14, letter: "" }, { number: 15, letter: "a" })).toBe("yes");
    expect(followsInSequence({ number: 15, letter: "a" }, { number: 15, letter: "b" })).toBe("yes");
    expect(followsInSequence({ number: 15, letter: "b" }, { number: 16, letter: "" })).toBe("yes");
  });

  it("refuses numbers that go back or jump far", () => {
    expect(followsInSequence({ number: 9, letter: "" }, { number: 7, letter: "" })).toBe("no");
    expect(followsInSequence({ number: 9, letter: "" }, { number: 25, letter: "" })).toBe("no");
    expect(followsInSequence({ number: 15, letter: "a" }, { number: 15, letter: "c" })).toBe("no");
    expect(followsInSequence({ number: 3, letter: "" }, { number: 5, letter: "" })).toBe("gap");
  });

  it("does not read a quoted “10. …” as a header", () => {
    const [line] = normalizeDocument("“10. The Islamic Movement of Uzbekistan");
    expect(line && readSectionHeader(line)).toBeNull();
  });
});

describe("parseSections", () => {
  const text = [
    "1. Commentary on the first item.",
    "",
    "“Quoted Title” by Ann Author; The Outlet; 1/2/2015.",
    "",
    "Excerpt text that follows the citation.",
    "",
    "“7. Uighurs were found fighting …”",
    "",
    "2.\u00A0“A section that opens with a quotation.”",
    "",
    "(Ibid.; p. 4.)",
  ].join("\n");

  it("splits sections, reads citations and treats text after a citation as excerpts", () => {
    const { sections: parsed, context } = sections(text);
    expect(parsed.map((section) => section.label)).toEqual(["1", "2"]);
    expect(parsed[0]?.blocks.map((block) => block.type)).toEqual(["paragraph", "citation", "quote", "quote"]);
    expect(parsed[1]?.blocks.map((block) => block.type)).toEqual(["quote", "citation"]);
    const backReference = parsed[1]?.blocks[1];
    expect(backReference?.type === "citation" && backReference.citation).toMatchObject({
      sourceIndex: 0,
      pages: "p. 4",
      backReference: true,
      line: 11,
    });
    expect(context.warnings).toEqual([]);
  });

  it("warns when a back-reference has nothing to point to and keeps the line as text", () => {
    const { sections: parsed, context } = sections("1. Start.\n\n(Idem.)");
    expect(parsed[0]?.blocks.map((block) => block.type)).toEqual(["paragraph", "paragraph"]);
    expect(context.warnings.map((warning) => warning.line)).toEqual([3]);
  });
});
