import { describe, expect, it } from "vitest";
import { endsLikeSentence, findUrls, isUrlOnly, matchText, properCaseName, slugify } from "./text";

describe("text helpers", () => {
  it("slugifies titles for source keys", () => {
    expect(slugify("Chechen Jihadists Join Ukraine’s Fighters")).toBe("chechen-jihadists-join-ukraines-fighters");
    expect(slugify("Labevière")).toBe("labeviere");
  });

  it("proper-cases names printed in capitals only", () => {
    expect(properCaseName("OMAR ASHOUR")).toBe("Omar Ashour");
    expect(properCaseName("QASSIM ABDUL-ZAHRA")).toBe("Qassim Abdul-Zahra");
    expect(properCaseName("Andrew E. Kramer")).toBe("Andrew E. Kramer");
  });

  it("compares excerpts without quotation marks, elisions or case", () => {
    expect(matchText("““The Embassy is . . . . monitoring”")).toBe(matchText("the embassy is monitoring"));
  });

  it("finds bare URLs without trailing punctuation", () => {
    expect(findUrls("See https://a.example/x, and (http://b.example/y).")).toEqual(["https://a.example/x", "http://b.example/y"]);
    expect(isUrlOnly("https://spitfirelist.com/news/x/")).toBe(true);
    expect(isUrlOnly("see https://spitfirelist.com")).toBe(false);
  });

  it("tells outlet lines from sentences", () => {
    expect(endsLikeSentence("The Washington Post")).toBe(false);
    expect(endsLikeSentence("Here is the story.")).toBe(true);
  });
});
