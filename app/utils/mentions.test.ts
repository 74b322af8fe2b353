import { describe, expect, it } from "vitest";
import { mentionAt, mentionedNames } from "./mentions";

describe("mentions", () => {
  it("finds each mentioned name once, in lower case, without the sentence's full stop", () => {
    expect(mentionedNames("Thanks @Ada_L. and @bob-smith, see @ada_l again.")).toEqual(["ada_l", "bob-smith"]);
  });

  it("does not read an e-mail address or a bare @ as a mention", () => {
    expect(mentionedNames("write to ada@example.org or @ alone")).toEqual([]);
  });

  it("knows the name being typed at the caret", () => {
    expect(mentionAt("hello @ad", 9)).toEqual({ query: "ad", start: 6 });
    expect(mentionAt("@", 1)).toEqual({ query: "", start: 0 });
    expect(mentionAt("mail ada@ex", 11)).toBeNull();
    expect(mentionAt("hello @ada and", 14)).toBeNull();
  });
});
