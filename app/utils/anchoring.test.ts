import { describe, expect, it } from "vitest";
import { anchorQuote, CONTEXT_LENGTH, reanchor, selectorsFor, spansOverlap } from "./anchoring";

const text = "The cat sat on the mat. The cat ate the rat. The dog sat on the log.";

function quoted(span: { start: number; end: number } | null) {
  return span ? text.slice(span.start, span.end) : null;
}

describe("anchorQuote", () => {
  it("takes the occurrence at the given start when the text is there", () => {
    const second = text.indexOf("The cat", 1);
    expect(anchorQuote(text, { exact: "The cat", start: second })).toEqual({ start: second, end: second + 7 });
  });

  it("finds the quote by its text when the start is stale", () => {
    expect(anchorQuote(text, { exact: "dog sat", start: 3 })).toEqual({ start: text.indexOf("dog sat"), end: text.indexOf("dog sat") + 7 });
  });

  it("chooses among repeated quotes by the surrounding prefix and suffix", () => {
    const span = anchorQuote(text, { exact: "sat on the", prefix: "The dog ", suffix: " log." });
    expect(span?.start).toBe(text.lastIndexOf("sat on the"));
    const first = anchorQuote(text, { exact: "The cat", prefix: "", suffix: " sat" });
    expect(first?.start).toBe(0);
    const second = anchorQuote(text, { exact: "The cat", prefix: "mat. ", suffix: " ate" });
    expect(second?.start).toBe(text.indexOf("The cat", 1));
  });

  it("prefers the occurrence nearest the start when the context does not decide", () => {
    const span = anchorQuote(text, { exact: "The", start: text.indexOf("The dog") + 2 });
    expect(span?.start).toBe(text.indexOf("The dog"));
  });

  it("tolerates different whitespace and maps the match back to the original text", () => {
    const paragraphs = "First paragraph ends here.\n\nSecond   paragraph\tstarts here.";
    const span = anchorQuote(paragraphs, { exact: "ends here.\nSecond paragraph starts" });
    expect(span).not.toBeNull();
    expect(paragraphs.slice(span!.start, span!.end)).toBe("ends here.\n\nSecond   paragraph\tstarts");
  });

  it("refuses an empty quote and a quote that is not in the text", () => {
    expect(anchorQuote(text, { exact: "" })).toBeNull();
    expect(anchorQuote(text, { exact: "   " })).toBeNull();
    expect(quoted(anchorQuote(text, { exact: "The bird flew" }))).toBeNull();
  });

  it("refuses a quote that runs past the end of the text", () => {
    expect(anchorQuote("short text", { exact: "short text and more", start: 0 })).toBeNull();
  });
});

describe("selectorsFor", () => {
  it("gives the quote with up to 32 characters of context on each side", () => {
    const long = `${"a".repeat(40)}QUOTE${"b".repeat(40)}`;
    const selectors = selectorsFor(long, 40, 45);
    expect(selectors).toEqual({ exact: "QUOTE", prefix: "a".repeat(CONTEXT_LENGTH), suffix: "b".repeat(CONTEXT_LENGTH), start: 40, end: 45 });
  });

  it("gives shorter context at the edges of the text", () => {
    expect(selectorsFor(text, 0, 3)).toMatchObject({ exact: "The", prefix: "", suffix: text.slice(3, 35) });
    expect(selectorsFor(text, text.length - 4, text.length)).toMatchObject({ exact: "log.", suffix: "" });
  });

  it("never cuts an emoji in half", () => {
    // 32 code units back from "X" and forward from its end both land inside an emoji.
    const emoji = "😀".repeat(20) + "aXb" + "😀".repeat(20);
    const at = emoji.indexOf("X");
    const selectors = selectorsFor(emoji, at, at + 1);
    expect(selectors.prefix).toBe(`${"😀".repeat(15)}a`);
    expect(selectors.suffix).toBe(`b${"😀".repeat(15)}`);
  });

  it("round-trips: the selectors of a span anchor back to it", () => {
    const start = text.lastIndexOf("sat");
    const selectors = selectorsFor(text, start, start + 3);
    expect(anchorQuote(text, { ...selectors, start: undefined })).toEqual({ start, end: start + 3 });
  });
});

describe("spansOverlap", () => {
  it("treats spans as half-open", () => {
    expect(spansOverlap({ start: 0, end: 5 }, { start: 4, end: 8 })).toBe(true);
    expect(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 8 })).toBe(false);
    expect(spansOverlap({ start: 2, end: 3 }, { start: 0, end: 10 })).toBe(true);
  });
});

describe("reanchor", () => {
  const before = "Intro line. The attackers came from Tajikistan, officials said. The hall burned for hours.";
  const claimed = "The attackers came from Tajikistan, officials said.";
  const selectors = () => selectorsFor(before, before.indexOf(claimed), before.indexOf(claimed) + claimed.length);

  it("keeps a claim whose text is unchanged where it was", () => {
    expect(reanchor(before, selectors())).toEqual({ start: before.indexOf(claimed), end: before.indexOf(claimed) + claimed.length, status: "anchored" });
  });

  it("finds a sentence that moved, and stays anchored", () => {
    const after = `A new paragraph comes first.\n\n${before}`;
    const span = reanchor(after, selectors());
    expect(span?.status).toBe("anchored");
    expect(after.slice(span!.start, span!.end)).toBe(claimed);
  });

  it("finds a sentence with one changed word as fuzzy, covering the edited sentence", () => {
    const edited = "The attackers came from Uzbekistan, officials said.";
    const after = before.replace(claimed, edited);
    const span = reanchor(after, selectors());
    expect(span?.status).toBe("fuzzy");
    expect(after.slice(span!.start, span!.end)).toBe(edited);
  });

  it("prefers the approximate match whose surroundings match the context", () => {
    const after = "The attackers came from Uzbekistan, reporters said. Intro line. The attackers came from Uzbekistan, officials said. The hall burned for hours.";
    const span = reanchor(after, selectors());
    expect(span?.status).toBe("fuzzy");
    expect(span!.start).toBe(after.indexOf("The attackers", 1));
  });

  it("returns null when the sentence was deleted", () => {
    expect(reanchor(before.replace(`${claimed} `, ""), selectors())).toBeNull();
  });
});
