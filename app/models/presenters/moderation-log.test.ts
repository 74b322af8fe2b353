import { describe, expect, it } from "vitest";
import { logSentence, logText, type LogLookups } from "./moderation-log";

const ftr = { slug: "ftr-863", title: "FTR #863 9/11" };
const lookups: LogLookups = {
  users: new Map([
    [7, "troll"],
    [8, "ann"],
  ]),
  authors: new Map([[3, "Pterrafractyl"]]),
  claims: new Map([
    [12, { episode: ftr, place: { label: "section 17", href: "/episodes/ftr-863#section-17" } }],
    [13, { episode: ftr, place: { label: "comment #L3", href: "/episodes/ftr-863?c=L3#comment-L3" } }],
  ]),
  suggestions: new Map([[94, { episode: ftr, exact: "Eighty persons were murdered in the attack on the concert hall." }]]),
  episodes: new Map([["ftr-863", ftr.title]]),
};

const sentence = (action: string, targetType: string, targetId: number, details: unknown = null, actor = "a moderator") =>
  logSentence({ action, targetType, targetId: String(targetId), details, actor }, lookups);

describe("the moderation log in plain words", () => {
  it("says what a moderator did to a suggestion, where, with links, never the raw event name", () => {
    const parts = sentence("suggestion.discarded", "claim_suggestion", 94);
    expect(logText(parts)).toBe("A moderator discarded suggestion #94 (“Eighty persons were murdered in the attack on the concert hall.”) on “FTR #863 9/11”.");
    expect(parts.filter((part) => part.href)).toEqual([{ text: "“FTR #863 9/11”", href: "/episodes/ftr-863" }]);
    expect(logText(sentence("suggestion.promoted", "claim_suggestion", 94, { claimId: 12, joined: false }, "ann"))).toBe(
      "ann turned suggestion #94 (“Eighty persons were murdered in the attack on the concert hall.”) on “FTR #863 9/11” into claim #12.",
    );
  });

  it("names a claim and the place it is in", () => {
    const parts = sentence("claim.dismissed", "claim", 12, { from: "open", to: "dismissed", bulk: true });
    expect(logText(parts)).toBe("A moderator dismissed claim #12 in section 17 of “FTR #863 9/11”, with other claims at once.");
    expect(parts.filter((part) => part.href).map((part) => part.href)).toEqual(["/claims/12", "/episodes/ftr-863#section-17", "/episodes/ftr-863"]);
    expect(logText(sentence("claim.sourced", "claim", 13))).toBe("A moderator accepted a source for claim #13 in comment #L3 of “FTR #863 9/11”.");
    expect(logText(sentence("claim.unsourced", "claim", 12))).toBe("A moderator marked claim #12 in section 17 of “FTR #863 9/11” as unsourced: no source supports it.");
    expect(logText(sentence("claim.taken", "claim", 99))).toBe("A moderator took claim #99 to work on it.");
  });

  it("links a hidden comment by its anchor and counts the claims removed with it, old entries included", () => {
    const parts = sentence("comment.hidden", "comment", 40, { episode: "ftr-863", ordinal: 3, anchor: "L3", removedClaimIds: [1, 2] });
    expect(logText(parts)).toBe("A moderator hid comment #L3 on “FTR #863 9/11” from readers; its 2 claims were removed.");
    expect(parts[1]).toEqual({ text: "comment #L3", href: "/episodes/ftr-863?c=L3#comment-L3" });
    expect(logText(sentence("comment.hidden", "comment", 40, { episode: "ftr-863", ordinal: 5, removedClaimIds: [1] }))).toBe(
      "A moderator hid comment #5 on “FTR #863 9/11” from readers; its claim was removed.",
    );
  });

  it("tells account decisions as an admin would say them", () => {
    expect(logText(sentence("user.role_changed", "user", 8, { from: "member", to: "moderator" }, "an admin"))).toBe("An admin made ann a moderator (was a member).");
    expect(logText(sentence("user.suspended", "user", 7, { sessionsEnded: 2 }, "an admin"))).toBe("An admin suspended troll and signed them out everywhere.");
    expect(logText(sentence("user.unsuspended", "user", 7, null, "an admin"))).toBe("An admin lifted the suspension of troll.");
    expect(logText(sentence("author.linked", "imported_author", 3, { name: "Pterrafractyl", userId: 8, username: "ann" }, "an admin"))).toBe(
      "An admin linked the imported author Pterrafractyl to the account ann.",
    );
  });

  it("reads an action it does not know yet as words", () => {
    expect(logText(sentence("source.merged_into", "source", 5))).toBe("A moderator merged into source #5.");
  });
});
