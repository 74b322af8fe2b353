import { describe, expect, it } from "vitest";
import { episodeTeaser } from "./episode";

describe("the archive's teaser", () => {
  it("keeps the intro's first whole sentences while they fit", () => {
    const intro = [
      "In this program, we examine the Crocus City Hall attack. ISIS-K claimed it within hours. Moscow blamed Kyiv anyway, and the story kept changing for weeks, with new suspects, new confessions and new accusations every single day, in every newspaper and on every channel.",
      "A second paragraph.",
    ];
    expect(episodeTeaser({ intro, summary: null, highlights: [] })).toBe("In this program, we examine the Crocus City Hall attack. ISIS-K claimed it within hours.");
  });

  it("falls back to the summary, then the first highlight, and says nothing when there is neither", () => {
    expect(episodeTeaser({ intro: [], summary: "A  summary\nof the article.", highlights: ["H."] })).toBe("A summary of the article.");
    expect(episodeTeaser({ intro: [" "], summary: null, highlights: ["The first highlight."] })).toBe("The first highlight.");
    expect(episodeTeaser({ intro: [], summary: null, highlights: [] })).toBeNull();
  });

  it("cuts a first sentence longer than the teaser at a word", () => {
    const teaser = episodeTeaser({ intro: ["word ".repeat(100)], summary: null, highlights: [] })!;
    expect(teaser.length).toBeLessThanOrEqual(240);
    expect(teaser).toMatch(/^(word )+word…$/);
  });
});
