import { describe, expect, it } from "vitest";
import { createSourceRegistry, normalizeIsbn, parseBackReference, parseSourceLine, sourceFromUrl } from "./sources";

describe("parseSourceLine: articles", () => {
  it("reads “Title” by Author; Outlet; date.", () => {
    const cited = parseSourceLine("“Ukraine Merges Nazis and Islamists” by Robert Parry; Consortium News; 7/7/2015.");
    expect(cited?.source).toMatchObject({
      kind: "article",
      title: "Ukraine Merges Nazis and Islamists",
      authors: ["Robert Parry"],
      outlet: "Consortium News",
      date: "2015-07-07",
      dateText: "7/7/2015",
      year: 2015,
    });
    expect(cited?.pages).toBeNull();
  });

  it("tolerates odd spacing before the semicolon", () => {
    const cited = parseSourceLine("“Chechen Jihadists Join Ukraine’s Fighters” by Anna Nemtsova  ; The Daily Beast; 9/04/2015.");
    expect(cited?.source).toMatchObject({ authors: ["Anna Nemtsova"], outlet: "The Daily Beast", date: "2015-09-04" });
  });

  it("separates the original outlet of a reprint", () => {
    const cited = parseSourceLine(
      "“Anti-China Sentiment Is Suddenly Sweeping Over Turkey” by Barbara Tasch [Business Insider]; Yahoo News; 7/21/2015.",
    );
    expect(cited?.source).toMatchObject({ authors: ["Barbara Tasch"], originalOutlet: "Business Insider", outlet: "Yahoo News" });
  });

  it("keeps a title that contains “by” and a closing quote after a space", () => {
    const cited = parseSourceLine("“US embassy warns of imminent attack in Moscow by ‘extremists’ ” By Guy Faulconbridge; Reuters; 03/08/2024");
    expect(cited?.source.title).toBe("US embassy warns of imminent attack in Moscow by ‘extremists’");
    expect(cited?.source.authors).toEqual(["Guy Faulconbridge"]);
  });

  it("splits several authors, drops datelines and proper-cases capitals", () => {
    expect(
      parseSourceLine(
        "“How Syria’s rebels became makers of drones and guided missiles” by Raya Jalabi in Beirut and Andrew England in London; The Financial Times; 12/04/2024",
      )?.source.authors,
    ).toEqual(["Raya Jalabi", "Andrew England"]);
    expect(
      parseSourceLine("“Senior IS commander dies of wounds from US strike in Syria” By QASSIM ABDUL-ZAHRA and BASSEM MROUE; Associated Press; 03/15/2016")
        ?.source.authors,
    ).toEqual(["Qassim Abdul-Zahra", "Bassem Mroue"]);
  });

  it("reads a citation without an author or without “by”", () => {
    expect(parseSourceLine("“Islamic State releases photo of alleged attackers in Russia shooting”; Reuters; 03/23/2024")?.source).toMatchObject({
      kind: "article",
      authors: [],
      outlet: "Reuters",
      date: "2024-03-23",
    });
    expect(
      parseSourceLine("“US reveals Isis commander was not killed in March airstrike” Spencer Ackerman; The Guardian; 07/14/2016")?.source,
    ).toMatchObject({ authors: ["Spencer Ackerman"], outlet: "The Guardian" });
  });

  it("cleans an outlet described in words", () => {
    const cited = parseSourceLine(
      "“US & Terrorism in Xinjiang” by B. Raman; From the website of the South Asia Analysis Group [an Indian intelligence/national security think tank]; 7/2002.",
    );
    expect(cited?.source).toMatchObject({ outlet: "South Asia Analysis Group", date: null, dateText: "7/2002", year: 2002 });
  });

  it("reads a web page citation (title and site only)", () => {
    expect(parseSourceLine("“Undersecretary for Democracy and Global Affairs”; U.S. Department of State: Archive.")?.source).toMatchObject({
      kind: "web",
      title: "Undersecretary for Democracy and Global Affairs",
      outlet: "U.S. Department of State: Archive",
    });
  });

  it("accepts a citation without semicolons only when told it follows a rule", () => {
    const line = "“Putin says gunmen tried to escape” by Jane Doe, 03/23/2024";
    expect(parseSourceLine(line)).toBeNull();
    expect(parseSourceLine(line, { lenient: true })?.source).toMatchObject({ authors: ["Jane Doe"], date: "2024-03-23" });
  });

  it("does not mistake reported speech for a citation", () => {
    const speech =
      "“That replaced the need for suicide truck bombs, which [HTS] would have done five years ago,” Lister said, adding the guided missiles had been fired.";
    expect(parseSourceLine(speech, { lenient: true })).toBeNull();
    expect(parseSourceLine("“We like to fight the Russians,” said the Chechen; he smiled.")).toBeNull();
    expect(parseSourceLine("The article by Andrew E. Kramer reports that there are now three Islamic battalions.")).toBeNull();
  });
});

describe("parseSourceLine: books and captions", () => {
  it("reads a book with “; by”, copyright year, publisher binding and odd ISBN dashes", () => {
    const cited = parseSourceLine(
      "Dollars for Terror: The United States and Islam; by Richard Labeviere; Copyright 2000; Algora Press [SC]; ISBN 1–822941-06–6; p. 10.",
    );
    expect(cited?.source).toMatchObject({
      kind: "book",
      title: "Dollars for Terror: The United States and Islam",
      authors: ["Richard Labeviere"],
      publisher: "Algora Press",
      date: null,
      dateText: "Copyright 2000",
      year: 2000,
      isbn: "1822941066",
    });
    expect(cited?.pages).toBe("p. 10");
  });

  it("reads a book with “Title by Author” and a copyright holder", () => {
    const cited = parseSourceLine(
      "The Hitler Legacy by Peter Levenda; IBIS Press [HC]; Copyright 2014 by Peter Levenda; ISBN 978–0‑89254–210‑9; pp. 244–245.",
    );
    expect(cited?.source).toMatchObject({ title: "The Hitler Legacy", publisher: "IBIS Press", year: 2014, isbn: "9780892542109" });
    expect(cited?.pages).toBe("pp. 244–245");
  });

  it("reads “Excerpt from …” and “Entry for …” captions as web sources", () => {
    expect(parseSourceLine("Excerpt from the list of the board of the Dalai Lama Foundation.")?.source).toMatchObject({
      kind: "web",
      title: "List of the board of the Dalai Lama Foundation",
    });
    expect(parseSourceLine("Entry for Karl von Habsburg")?.source.title).toBe("Entry for Karl von Habsburg");
  });
});

describe("back-references", () => {
  it("reads (Idem.) and (Ibid.; pages.)", () => {
    expect(parseBackReference("(Idem.)")).toEqual({ pages: null });
    expect(parseBackReference("(Ibid.; pp. 10–11.)")).toEqual({ pages: "pp. 10–11" });
    expect(parseBackReference("(Ibid.; p. 11.)")).toEqual({ pages: "p. 11" });
    expect(parseBackReference("(Idem is Latin)")).toBeNull();
  });
});

describe("source registry", () => {
  it("keeps one entry per title and first author, merging what later citations add", () => {
    const registry = createSourceRegistry();
    const first = parseSourceLine("The Hitler Legacy by Peter Levenda; IBIS Press; pp. 1–2.");
    const second = parseSourceLine("The Hitler Legacy by Peter Levenda; IBIS Press [HC]; ISBN 978-0-89254-210-9; p. 3.");
    if (!first || !second) throw new Error("book lines must parse");
    expect(registry.add(first.source)).toBe(0);
    expect(registry.add(second.source)).toBe(0);
    expect(registry.sources).toHaveLength(1);
    expect(registry.sources[0]?.isbn).toBe("9780892542109");
  });

  it("identifies URL sources by their normalised URL", () => {
    const a = sourceFromUrl("https://www.Example.com/a/");
    const b = sourceFromUrl("http://example.com/a");
    expect(a.key).toBe(b.key);
    expect(a).toMatchObject({ kind: "web", outlet: "example.com", url: "https://www.Example.com/a/" });
  });

  it("normalises ISBNs to digits and X", () => {
    expect(normalizeIsbn("0-8050-7\u2011x")).toBeNull();
    expect(normalizeIsbn("0‑306‑40615‑x")).toBe("030640615X");
  });
});
