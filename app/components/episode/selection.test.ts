import { describe, expect, it } from "vitest";
import { sentenceSpans } from "./selection";

const words = (text: string) => sentenceSpans(text).map(({ start, end }) => text.slice(start, end));

describe("sentenceSpans: the sentences 'flag a sentence' moves through", () => {
  it("cuts at full stops, question marks and paragraph breaks, without the spaces around", () => {
    const text = "The hall was attacked. Who did it?\n\nA heading without a stop\n\n  Moscow blamed Kyiv.  ";
    expect(words(text)).toEqual(["The hall was attacked.", "Who did it?", "A heading without a stop", "Moscow blamed Kyiv."]);
  });

  it("keeps offsets in the target's text, so the flag's position is the sentence's", () => {
    const text = "First one. Second one.";
    const [, second] = sentenceSpans(text);
    expect(second).toEqual({ start: 11, end: 22 });
  });

  it("skips an ellipsis set with spaces: dots alone are not a sentence to flag", () => {
    expect(words("“Russian propaganda.”\n\n. . . .\n\nNow, the Kiev regime has added more.")).toEqual(["“Russian propaganda.”", "Now, the Kiev regime has added more."]);
  });
});
