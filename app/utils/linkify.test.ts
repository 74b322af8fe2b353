import { describe, expect, it } from "vitest";
import { linkify, programNumbers, programSearchHref, type LinkToken } from "./linkify";

const links = (tokens: LinkToken[]) => tokens.filter((token) => token.type !== "text");
const joined = (tokens: LinkToken[]) => tokens.map((token) => token.text).join("");

describe("program references", () => {
  it("links “FTR #842” in a sentence and keeps the text around it", () => {
    const text = "Recapping a point of discussion from FTR #842, we further develop";
    const tokens = linkify(text);
    expect(tokens).toEqual([
      { type: "text", text: "Recapping a point of discussion from " },
      { type: "program", text: "FTR #842", number: 842 },
      { type: "text", text: ", we further develop" },
    ]);
  });

  it("links “FTR#549” without a space, even when the next word runs into the number", () => {
    const tokens = linkify("see FTR#348 as well as FTR#549It should be noted");
    expect(links(tokens)).toEqual([
      { type: "program", text: "FTR#348", number: 348 },
      { type: "program", text: "FTR#549", number: 549 },
    ]);
    expect(joined(tokens)).toBe("see FTR#348 as well as FTR#549It should be noted");
  });

  it("links each number of “FTR #‘s 833, 824” to its own program", () => {
    const text = "Note that, as discussed in FTR #‘s 833, 824, Karl Von Habsburg is active";
    const tokens = linkify(text);
    expect(links(tokens)).toEqual([
      { type: "program", text: "FTR #‘s 833", number: 833 },
      { type: "program", text: "824", number: 824 },
    ]);
    expect(joined(tokens)).toBe(text);
  });

  it("reads lists joined with “and” after a straight or curly apostrophe", () => {
    expect(links(linkify("FTR #'s 100, 101 and 102.")).map((token) => token.type === "program" && token.number)).toEqual([100, 101, 102]);
    expect(links(linkify("FTR #’s 7 & 8")).map((token) => token.type === "program" && token.number)).toEqual([7, 8]);
  });

  it("takes no list after a single reference, so a following number stays text", () => {
    const tokens = linkify("as discussed in FTR #830, 20 persons were");
    expect(links(tokens)).toEqual([{ type: "program", text: "FTR #830", number: 830 }]);
  });

  it("leaves “FTR” without a number, and words that merely end in FTR, as text", () => {
    for (const text of ["For The Record (FTR) is a program", "FTR #", "the FTR archive", "NFTR #12", "FTR # abc"]) {
      expect(links(linkify(text))).toEqual([]);
    }
  });

  it("collects every referenced program number once", () => {
    expect(programNumbers(["FTR #842 and FTR#348", "FTR #‘s 833, 824 and FTR #842"])).toEqual([842, 348, 833, 824]);
  });

  it("searches for a program that is not in the archive", () => {
    expect(programSearchHref(348)).toBe("/search?q=FTR+%23348");
  });
});

describe("URLs", () => {
  it("links a bare URL on its own", () => {
    const url = "https://consortiumnews.com/2024/03/18/scott-ritter-the-cia-the-russian-fascists-who-fight-russia/";
    expect(linkify(url)).toEqual([{ type: "url", text: url, href: url }]);
  });

  it("leaves sentence punctuation after a URL outside the link", () => {
    for (const [text, href, rest] of [
      ["See https://example.org/report.", "https://example.org/report", "."],
      ["See https://example.org/a, and more", "https://example.org/a", ", and more"],
      ["(see https://example.org/a)", "https://example.org/a", ")"],
      ["at http://example.org/x?y=1;", "http://example.org/x?y=1", ";"],
    ] as const) {
      const tokens = linkify(text);
      expect(links(tokens)).toEqual([{ type: "url", text: href, href }]);
      expect(joined(tokens)).toBe(text);
      expect(tokens.at(-1)).toEqual({ type: "text", text: rest });
    }
  });

  it("keeps balanced brackets that belong to the address", () => {
    const href = "https://en.wikipedia.org/wiki/Grey_Wolves_(organization)";
    expect(links(linkify(`the Grey Wolves (${href}).`))).toEqual([{ type: "url", text: href, href }]);
  });

  it("stops a URL at a closing curly quote", () => {
    expect(links(linkify("“https://example.org/a” he wrote"))).toEqual([{ type: "url", text: "https://example.org/a", href: "https://example.org/a" }]);
  });

  it("does not take a program reference out of the middle of a URL", () => {
    expect(links(linkify("https://example.org/search?q=FTR#842"))).toEqual([
      { type: "url", text: "https://example.org/search?q=FTR#842", href: "https://example.org/search?q=FTR#842" },
    ]);
  });

  it("leaves words that look like addresses but have no scheme as text", () => {
    expect(links(linkify("spitfirelist.com and javascript:alert(1) and ftp://example.org"))).toEqual([]);
  });

  it("passes markup through as text, to be rendered as text", () => {
    const text = '<script>alert("x")</script> https://example.org/<b>';
    const tokens = linkify(text);
    expect(joined(tokens)).toBe(text);
    expect(links(tokens)).toEqual([{ type: "url", text: "https://example.org/", href: "https://example.org/" }]);
  });
});
