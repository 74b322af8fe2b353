import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse";
import type { Block, Citation, ParsedDocument } from "./types";

const seed = readFileSync(new URL("../../seeds/ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt", import.meta.url), "utf8");
const doc = parseDocument(seed);
const seedLines = seed.split(/\r\n|\r|\n/);

function citations(blocks: readonly Block[]): Citation[] {
  return blocks.flatMap((block) => (block.type === "citation" ? [block.citation] : []));
}

function section(label: string) {
  const found = doc.sections.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no section ${label}`);
  return found;
}

function allBlocks(document: ParsedDocument): Block[] {
  return [...document.sections.flatMap((s) => s.blocks), ...document.comments.flatMap((c) => c.blocks)];
}

describe("FTR #863 program page: front matter", () => {
  it("is a program with its number, full title line and publication", () => {
    expect(doc.kind).toBe("program");
    expect(doc.number).toBe(863);
    expect(doc.title).toBe("FTR #863 9/11, The Muslim Brotherhood and the Earth Island Boogie, Part 2");
    expect(doc.publication).toBe("Spitfire List");
    expect(doc.author).toBe("Dave Emory");
  });

  it("parses cleanly, without warnings", () => {
    expect(doc.warnings).toEqual([]);
  });

  it("drops the site header and the promotional lines with reasons", () => {
    expect(doc.dropped.filter((line) => line.reason === "site header").map((line) => line.line)).toEqual([1]);
    expect(doc.dropped.filter((line) => line.reason === "promotion").map((line) => line.line)).toEqual([7, 9, 11, 13, 15]);
  });

  it("sets the recording note", () => {
    expect(doc.recordingNote).toBe("This program was recorded in one, 60-minute segment.");
  });

  it("starts the introduction on the “Introduction:” line and keeps every intro paragraph", () => {
    expect(doc.intro).toHaveLength(14);
    expect(doc.intro[0]).toEqual({
      text: "This program underscores key aspects of the highly complex dynamics surrounding the 9/11 attacks and subsequent events.",
      lines: [19],
    });
    expect(doc.intro.at(-1)?.lines).toEqual([45]);
  });

  it("reads the highlight bullets without their bullet", () => {
    expect(doc.highlights.map((highlight) => highlight.lines)).toEqual([[49], [50], [51]]);
    expect(doc.highlights[1]?.text).toBe("Analysis of functional operational similarities between Adolph Hitler and the Dalai Lama.");
  });
});

describe("FTR #863 program page: sections and sources", () => {
  it("has the 21 sections in order", () => {
    expect(doc.sections.map((s) => s.label)).toEqual([
      ...Array.from({ length: 14 }, (_, index) => String(index + 1)),
      "15a",
      "15b",
      "16",
      "17",
      "18",
      "19a",
      "19b",
    ]);
  });

  it("opens section 5 with the quotation that follows its number", () => {
    const first = section("5").blocks[0];
    expect(first?.type).toBe("quote");
    expect(first?.type === "quote" && first.text.startsWith("“Some are acting")).toBe(true);
    expect(first?.lines).toEqual([188]);
  });

  it("keeps quoted “10. …” and “7. …” passages inside sections 10 and 11", () => {
    expect(section("10").blocks.some((b) => b.type === "quote" && b.text.startsWith("“10. The Islamic Movement"))).toBe(true);
    expect(section("11").blocks.some((b) => b.type === "quote" && b.text.startsWith("“7. Uighurs"))).toBe(true);
  });

  it("resolves sections 4–7 to “Dollars for Terror” with each citation's own pages", () => {
    const [fromSection4] = citations(section("4").blocks);
    const book = doc.sources[fromSection4?.sourceIndex ?? -1];
    expect(book).toMatchObject({
      kind: "book",
      authors: ["Richard Labeviere"],
      publisher: "Algora Press",
      isbn: "1822941066",
      year: 2000,
      date: null,
    });
    expect(book?.title.startsWith("Dollars for Terror")).toBe(true);
    expect(fromSection4).toMatchObject({ pages: "p. 10", backReference: false, line: 184 });

    const [idem] = citations(section("5").blocks);
    const [ibid6] = citations(section("6").blocks);
    const [ibid7] = citations(section("7").blocks);
    expect(idem).toMatchObject({ sourceIndex: fromSection4?.sourceIndex, backReference: true, pages: "p. 10", raw: "(Idem.)" });
    expect(ibid6).toMatchObject({ sourceIndex: fromSection4?.sourceIndex, backReference: true, pages: "pp. 10–11" });
    expect(ibid7).toMatchObject({ sourceIndex: fromSection4?.sourceIndex, backReference: true, pages: "p. 11" });
  });

  it("points the (Idem.) of sections 10–12 at the Raman paper and of section 14 at the Dalai Lama Foundation list", () => {
    const raman = doc.sources.findIndex((s) => s.title === "US & Terrorism in Xinjiang");
    for (const label of ["10", "11", "12"]) expect(citations(section(label).blocks)[0]?.sourceIndex).toBe(raman);
    const board = citations(section("14").blocks)[0];
    expect(doc.sources[board?.sourceIndex ?? -1]?.title).toBe("List of the board of the Dalai Lama Foundation");
  });

  it("keeps “The Hitler Legacy” as one source cited in sections 16, 17 and 18", () => {
    const matches = doc.sources.filter((s) => s.title === "The Hitler Legacy");
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ authors: ["Peter Levenda"], publisher: "IBIS Press", year: 2014, isbn: "9780892542109" });
    const index = doc.sources.indexOf(matches[0]!);
    const cited = ["16", "17", "18"].map((label) => citations(section(label).blocks)[0]);
    expect(cited.map((c) => [c?.sourceIndex, c?.pages])).toEqual([
      [index, "pp. 244–245"],
      [index, "pp. 239–240"],
      [index, "pp. 236–237"],
    ]);
  });

  it("reads article, reprint and web-page citations", () => {
    const byTitle = (title: string) => doc.sources.find((s) => s.title === title);
    expect(byTitle("Chechen Jihadists Join Ukraine’s Fighters")).toMatchObject({ outlet: "The Daily Beast", date: "2015-09-04" });
    expect(byTitle("Is the US Backing neo-Nazis in the Ukraine?")).toMatchObject({ originalOutlet: "Alternet", outlet: "Salon.com" });
    expect(byTitle("Undersecretary for Democracy and Global Affairs")).toMatchObject({ kind: "web" });
  });

  it("treats the text after a citation as a quoted excerpt and commentary before it as paragraphs", () => {
    expect(section("1").blocks.map((b) => b.type)).toEqual([
      "paragraph",
      "paragraph",
      "paragraph",
      "citation",
      ...Array(7).fill("quote"),
    ]);
  });

  it("lists every source once, with distinct keys", () => {
    const keys = doc.sources.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const cited = new Set(allBlocks(doc).flatMap((b) => (b.type === "citation" ? [b.citation.sourceIndex] : [])));
    expect([...cited].sort((a, b) => a - b)).toEqual(doc.sources.map((_, index) => index));
  });
});

// The citation shapes a reader recognises; every line of these shapes must end up as a citation block.
const CITATION_SHAPES = [
  /^[“"][^”"]{3,300}[”"]\s*(?:[Bb]y\s+[^;]{1,150})?;/u,
  /^[“"].{3,300}[”"]\s+\p{Lu}[\p{L}.' -]{1,60};\s*[^;]{2,80};\s*\d{1,2}\/\d{1,2}\/\d{4}/u,
  /^[^“”";]{2,200}(?:;\s*|\s)by\s[^;]+;.*\b(?:ISBN|Copyright)\b/u,
  /^\((?:Idem|Ibid)\b/u,
  /^(?:Excerpt from|Entry for)\s/u,
];

describe("FTR #863: no citation left as plain text", () => {
  const citationLines = new Set(allBlocks(doc).flatMap((b) => (b.type === "citation" ? b.lines : [])));

  it("turns every citation-shaped line in sections and comments into a citation", () => {
    const shaped = seedLines.flatMap((raw, index) => {
      const text = raw.replace(/[\u00A0\u202F]/g, " ").trim();
      return CITATION_SHAPES.some((shape) => shape.test(text)) ? [index + 1] : [];
    });
    expect(shaped.length).toBeGreaterThanOrEqual(45);
    expect(shaped.filter((line) => !citationLines.has(line))).toEqual([]);
  });

  it("reads the line after every “———-” rule in the comments as a structured source", () => {
    const afterRules: number[] = [];
    seedLines.forEach((raw, index) => {
      if (!/^\s*[—–-]{3,}\s*$/.test(raw)) return;
      let next = index + 1;
      while (next < seedLines.length && seedLines[next]?.trim() === "") next += 1;
      afterRules.push(next + 1);
    });
    expect(afterRules).toHaveLength(28);
    expect(afterRules.filter((line) => !citationLines.has(line))).toEqual([]);
  });

  it("marks each rule as a rule block", () => {
    const ruleLines = allBlocks(doc).flatMap((b) => (b.type === "rule" ? b.lines : []));
    expect(ruleLines).toContain(369);
    expect(ruleLines).toContain(2707);
  });
});

describe("FTR #863: discussion", () => {
  it("declares and finds 9 comments, with no count warning", () => {
    expect(doc.declaredCommentCount).toBe(9);
    expect(doc.comments.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doc.warnings.filter((w) => /comments/.test(w.message))).toEqual([]);
    expect(doc.structural).toEqual(
      expect.arrayContaining([
        { line: 304, role: "discussion heading" },
        { line: 306, role: "comment count" },
      ]),
    );
  });

  it("reads authors, times (PDT then PST) and reply parents", () => {
    expect(doc.comments.map((c) => c.authorName)).toEqual([
      "Pterrafractyl",
      "Dave Emory",
      ...Array(7).fill("Pterrafractyl"),
    ]);
    expect(doc.comments[0]?.postedAt).toBe("2024-03-22T17:57:00-07:00");
    expect(doc.comments[0]?.postedAtText).toBe("March 22, 2024, 5:57 pm");
    expect(doc.comments[8]?.postedAt).toBe("2024-12-09T22:10:00-08:00");
    expect(doc.comments.map((c) => c.parentOrdinal)).toEqual([null, 1, 2, null, null, null, null, null, null]);
  });

  it("keeps the “Posted by” lines as structure, not body text", () => {
    const bylines = doc.structural.filter((s) => s.role === "comment byline").map((s) => s.line);
    expect(bylines).toEqual([513, 539, 790, 1126, 1510, 1780, 2030, 2380, 2725]);
    const bodyText = doc.comments.flatMap((c) => c.blocks).map((b) => (b.type === "paragraph" || b.type === "quote" ? b.text : ""));
    expect(bodyText.some((text) => text.includes("Posted by"))).toBe(false);
  });

  it("collects the bare URLs of comment 2", () => {
    expect(doc.comments[1]?.urls).toEqual([
      "https://consortiumnews.com/2024/03/18/scott-ritter-the-cia-the-russian-fascists-who-fight-russia/",
      "https://spitfirelist.com/news/the-secret-treaty-of-fort-hunt/",
    ]);
  });

  it("keeps an ellipsis on its own line apart from the excerpt that follows it", () => {
    const blocks = doc.comments[0]?.blocks ?? [];
    const ellipsis = blocks.find((b) => b.lines[0] === 377);
    const excerpt = blocks.find((b) => b.lines[0] === 378);
    expect(ellipsis).toEqual({ type: "quote", text: "...", lines: [377] });
    expect(excerpt?.type).toBe("quote");
  });

  it("sets pasted articles and repeated excerpts as quotes, the commenter's own words as paragraphs", () => {
    const typeAt = (line: number) => doc.comments.flatMap((c) => c.blocks).find((b) => b.lines.includes(line))?.type;
    expect(typeAt(308)).toBe("paragraph"); // opening commentary
    expect(typeAt(320)).toBe("quote"); // "CNN" outlet line of the pasted article
    expect(typeAt(327)).toBe("quote"); // article text
    expect(typeAt(371)).toBe("citation");
    expect(typeAt(373)).toBe("quote"); // “Video footage … excerpt
    expect(typeAt(375)).toBe("paragraph"); // commentary
    expect(typeAt(378)).toBe("quote"); // excerpt repeated without quotation marks
    expect(typeAt(454)).toBe("quote"); // "The Washington Post / Opinion" masthead
    expect(typeAt(522)).toBe("quote"); // ” . . . . excerpt under a URL
    expect(typeAt(524)).toBe("quote"); // its continuation
    expect(typeAt(533)).toBe("paragraph");
  });

  it("drops the page's “Post a comment” footer", () => {
    expect(doc.dropped.at(-1)).toMatchObject({ line: 2727, reason: "footer" });
  });
});
