import { describe, expect, it } from "vitest";
import { findQuote, normaliseForQuote, textFragmentUrl, wordDifferences } from "./quote-check";

const TEXT =
  "The terrorist attack on the Crocus City Hall concert venue in a Moscow suburb was no bolt from the blue. " +
  "The Kremlin dismissed US intelligence warnings of an imminent attack by \u201cextremists,\u201d possibly to shift the blame.\n\n" +
  "ISIS\u2019s way of waging war skillfully combines conventional, guerrilla and terrorist tactics \u2014 and it survived.";

describe("finding a quote in a source's text", () => {
  it("finds a copied sentence exactly, with its W3C TextQuote selector and the text around it", () => {
    const match = findQuote(TEXT, "The Kremlin dismissed US intelligence warnings of an imminent attack");
    expect(match.status).toBe("exact");
    if (match.status === "not_found") return;
    expect(match.selector).toEqual({
      type: "TextQuoteSelector",
      exact: "The Kremlin dismissed US intelligence warnings of an imminent attack",
      prefix: "ert venue in a Moscow suburb was no bolt from the blue. ".slice(-32),
      suffix: " by \u201cextremists,\u201d possibly to sh",
    });
    expect(TEXT.slice(match.start, match.end)).toBe(match.selector.exact);
    expect(match.before).toContain("bolt from the blue.");
  });

  it("reads straight quotes, hyphens and broken lines as the source's curly quotes, dashes and spaces", () => {
    const match = findQuote(TEXT, '"an imminent attack by "extremists," possibly\n  to shift the blame.\n\nISIS\'s way of waging war');
    expect(match.status).toBe("exact");
    const dash = findQuote(TEXT, "guerrilla and terrorist tactics - and it survived");
    expect(dash.status).toBe("exact");
    if (dash.status !== "not_found") expect(dash.selector.exact).toBe("guerrilla and terrorist tactics \u2014 and it survived");
  });

  it("finds a paraphrase approximately and says which words differ", () => {
    const match = findQuote(TEXT, "The Kremlin rejected US intelligence warnings of an imminent attack by extremists");
    expect(match.status).toBe("approximate");
    if (match.status === "not_found") return;
    expect(match.differences).toEqual([{ quote: "rejected", source: "dismissed" }, { quote: "extremists", source: '"extremists,"' }]);
  });

  it("does not find an invented sentence", () => {
    expect(findQuote(TEXT, "Moscow announced a ceasefire with Kyiv on the first of April.").status).toBe("not_found");
  });

  it("normalises whitespace runs to one space and keeps where each character came from", () => {
    const { text, map } = normaliseForQuote("a \u00a0\n b\u2014c");
    expect(text).toBe("a b-c");
    expect(map).toEqual([0, 1, 5, 6, 7, 8]);
  });

  it("lists words added, left out and changed", () => {
    expect(wordDifferences("one two three four", "one 2 three four five")).toEqual([
      { quote: "two", source: "2" },
      { quote: "", source: "five" },
    ]);
  });

  it("links to the passage with a text fragment after the page's own anchor", () => {
    expect(textFragmentUrl("/episodes/a#section-body", "no bolt from the blue")).toBe("/episodes/a#section-body:~:text=no%20bolt%20from%20the%20blue");
    expect(textFragmentUrl("https://example.org/a", "one two three four five six seven eight nine")).toBe(
      "https://example.org/a#:~:text=one%20two%20three%20four,six%20seven%20eight%20nine",
    );
  });
});
