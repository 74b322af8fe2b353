import { describe, expect, it } from "vitest";
import { nonEmptyLineNumbers, normalizeDocument, normalizeLineText } from "./normalize";

describe("normalizeDocument", () => {
  it("treats CRLF, CR and LF as line ends and keeps 1-based numbers", () => {
    const lines = normalizeDocument("a\r\nb\rc\nd");
    expect(lines.map((line) => [line.number, line.content])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
      [4, "d"],
    ]);
  });

  it("drops a leading BOM", () => {
    expect(normalizeDocument("\uFEFFTaipei Times")[0]?.content).toBe("Taipei Times");
  });

  it("turns non-breaking spaces and tabs into spaces and trims trailing blanks", () => {
    const [line] = normalizeDocument("\t5.\u00A0“Some\u202Fare  \t ");
    expect(line?.text).toBe(" 5. “Some are");
    expect(line?.indent).toBe(1);
    expect(line?.content).toBe("5. “Some are");
  });

  it("removes control characters that a database cannot store", () => {
    expect(normalizeLineText("a\u0000b\u0007c")).toBe("abc");
  });

  it("replaces lone surrogates so the text stays valid UTF-16", () => {
    expect(normalizeLineText("x\uD800y")).toBe("x\uFFFDy");
  });

  it("lists the lines that hold text", () => {
    expect(nonEmptyLineNumbers(normalizeDocument("a\n\n   \nb\u00A0\n"))).toEqual([1, 4]);
  });
});
