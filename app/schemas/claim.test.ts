import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ApiClaimsQuerySchema,
  BulkDismissSchema,
  ClaimIdParamSchema,
  FlagClaimSchema,
  ProposeSourceSchema,
  QueueFiltersSchema,
  ResolveClaimSchema,
} from "./claim";

function messages(result: z.ZodSafeParseResult<unknown>) {
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

const flag = { intent: "flag-claim", targetType: "comment", targetId: "12", exact: "the gunmen", reason: "no_source" };

describe("FlagClaimSchema", () => {
  it("reads a flag form, with the context and position as optional", () => {
    const parsed = FlagClaimSchema.parse({ ...flag, prefix: "arrested ", suffix: "", start: "40", note: "", js: "1" });
    expect(parsed).toEqual({ intent: "flag-claim", targetType: "comment", targetId: 12, exact: "the gunmen", prefix: "arrested ", suffix: undefined, start: 40, reason: "no_source", note: undefined });
  });

  it("trims the selection and refuses an empty one", () => {
    expect(FlagClaimSchema.parse({ ...flag, exact: "  the gunmen \n" }).exact).toBe("the gunmen");
    expect(messages(FlagClaimSchema.safeParse({ ...flag, exact: " \n " }))).toEqual({ exact: ["Select the text you want to flag."] });
  });

  it("refuses a selection longer than 1,000 characters", () => {
    expect(FlagClaimSchema.safeParse({ ...flag, exact: "x".repeat(1000) }).success).toBe(true);
    expect(messages(FlagClaimSchema.safeParse({ ...flag, exact: "x".repeat(1001) }))).toEqual({
      exact: ["Select at most 1,000 characters: flag one claim at a time."],
    });
  });

  it("requires a note when the reason is other", () => {
    expect(messages(FlagClaimSchema.safeParse({ ...flag, reason: "other" }))).toEqual({ note: ["Say what is wrong with this claim."] });
    expect(messages(FlagClaimSchema.safeParse({ ...flag, reason: "other", note: "   " }))).toEqual({ note: ["Say what is wrong with this claim."] });
    expect(FlagClaimSchema.parse({ ...flag, reason: "other", note: " Misquotes the source " }).note).toBe("Misquotes the source");
  });

  it("refuses an unknown reason or target, long context and a negative position", () => {
    expect(messages(FlagClaimSchema.safeParse({ ...flag, reason: "boring" }))).toEqual({ reason: ["Choose why this needs a source."] });
    expect(messages(FlagClaimSchema.safeParse({ ...flag, targetType: "episode" }))).toEqual({ targetType: ["Flag text in a section or a comment."] });
    expect(FlagClaimSchema.safeParse({ ...flag, prefix: "p".repeat(65) }).success).toBe(false);
    expect(FlagClaimSchema.safeParse({ ...flag, start: "-1" }).success).toBe(false);
    expect(FlagClaimSchema.safeParse({ ...flag, note: "n".repeat(501) }).success).toBe(false);
  });
});

const propose = { intent: "propose-source", claimId: "3", quote: " All of the alleged attackers are from Tajikistan. " };

describe("ProposeSourceSchema", () => {
  it("reads a source from the library by its id", () => {
    expect(ProposeSourceSchema.parse({ ...propose, sourceId: "8", url: "", title: "" })).toEqual({
      intent: "propose-source",
      claimId: 3,
      quote: "All of the alleged attackers are from Tajikistan.",
      source: { kind: "library", sourceId: 8 },
    });
  });

  it("reads a new source: address and title required, outlet and date optional", () => {
    const parsed = ProposeSourceSchema.parse({ ...propose, url: "https://www.taipeitimes.com/News/editorials/archives/2024/03/30/2003815560", title: "Why ISIS attacked Russia", outlet: "Taipei Times", date: "2024-03-30" });
    expect(parsed.source).toEqual({ kind: "new", url: "https://www.taipeitimes.com/News/editorials/archives/2024/03/30/2003815560", title: "Why ISIS attacked Russia", outlet: "Taipei Times", date: "2024-03-30" });
    expect(messages(ProposeSourceSchema.safeParse({ ...propose, title: "No address" }))).toEqual({
      url: ["Choose a source from the library, or enter the new source's web address."],
    });
  });

  it("accepts only http and https addresses and real dates", () => {
    for (const url of ["javascript:alert(1)", "ftp://example.org/x", "example.org", "data:text/html,hi"]) {
      expect(messages(ProposeSourceSchema.safeParse({ ...propose, url, title: "T" }))).toEqual({
        url: ["Enter the web address of the source, starting with http:// or https://."],
      });
    }
    expect(messages(ProposeSourceSchema.safeParse({ ...propose, url: "https://example.org", title: "T", date: "2024-02-30" }))).toEqual({ date: ["That date does not exist."] });
    expect(messages(ProposeSourceSchema.safeParse({ ...propose, url: "https://example.org", title: "T", date: "30/03/2024" }))).toEqual({ date: ["Enter the date as YYYY-MM-DD."] });
  });

  it("refuses both a library source and a new one, and a missing quote", () => {
    expect(messages(ProposeSourceSchema.safeParse({ ...propose, sourceId: "8", url: "https://example.org", title: "T" }))).toEqual({
      sourceId: ["Choose a source from the library or enter a new one, not both."],
    });
    expect(messages(ProposeSourceSchema.safeParse({ ...propose, sourceId: "8", quote: "  " }))).toEqual({ quote: ["Quote the passage of the source that supports the claim."] });
    expect(ProposeSourceSchema.safeParse({ ...propose, sourceId: "8", quote: "q".repeat(2001) }).success).toBe(false);
  });
});

describe("ResolveClaimSchema", () => {
  const resolve = { intent: "resolve-claim", claimId: "4", version: "2", decision: "dismiss", reason: "An opinion, not a factual claim" };

  it("reads a decision with its reason and the version the moderator saw", () => {
    expect(ResolveClaimSchema.parse(resolve)).toEqual({ ...resolve, claimId: 4, version: 2, proposalId: undefined, commentId: undefined });
  });

  it("requires a reason, and a proposal when accepting a source", () => {
    expect(messages(ResolveClaimSchema.safeParse({ ...resolve, reason: " " }))).toEqual({
      reason: ["Give a reason: it is shown in the claim's history and the moderation log."],
    });
    expect(messages(ResolveClaimSchema.safeParse({ ...resolve, decision: "accept-source" }))).toEqual({ proposalId: ["Choose the proposed source to accept."] });
    expect(ResolveClaimSchema.safeParse({ ...resolve, decision: "accept-source", proposalId: "9" }).success).toBe(true);
    expect(ResolveClaimSchema.safeParse({ ...resolve, reason: "r".repeat(501) }).success).toBe(false);
    expect(ResolveClaimSchema.safeParse({ ...resolve, version: "" }).success).toBe(false);
  });

  it("hides a comment only for a claim on a comment", () => {
    expect(messages(ResolveClaimSchema.safeParse({ ...resolve, decision: "hide-comment" }))).toEqual({
      decision: ["Only a claim on a comment can have its comment hidden."],
    });
    expect(ResolveClaimSchema.parse({ ...resolve, decision: "hide-comment", commentId: "3" }).commentId).toBe(3);
  });
});

describe("BulkDismissSchema", () => {
  it("reads the selected claims once each", () => {
    expect(BulkDismissSchema.parse({ intent: "bulk-dismiss", claimIds: ["3", "5", "3"], reason: "Spam flags" }).claimIds).toEqual([3, 5]);
  });

  it("refuses an empty selection or more than 100", () => {
    expect(messages(BulkDismissSchema.safeParse({ intent: "bulk-dismiss", claimIds: [], reason: "r" }))).toEqual({ claimIds: ["Select the claims to dismiss."] });
    const many = Array.from({ length: 101 }, (_, i) => String(i + 1));
    expect(BulkDismissSchema.safeParse({ intent: "bulk-dismiss", claimIds: many, reason: "r" }).success).toBe(false);
  });
});

describe("query strings", () => {
  it("reads the queue's filters, blank ones as absent", () => {
    expect(QueueFiltersSchema.parse({ episode: "", state: "source_proposed", reason: "other", target: "comment" })).toEqual({
      page: 1,
      episode: undefined,
      state: "source_proposed",
      reason: "other",
      target: "comment",
    });
    expect(QueueFiltersSchema.safeParse({ state: "dismissed" }).success).toBe(false);
  });

  it("reads the API's state, episode and page with readable refusals", () => {
    expect(ApiClaimsQuerySchema.parse({ state: "open", episode: "ftr-863-x", page: "2" })).toEqual({ state: "open", episode: "ftr-863-x", page: 2 });
    const bad = ApiClaimsQuerySchema.safeParse({ state: "closed" });
    expect(bad.success ? null : bad.error.issues[0]?.message).toBe("The state must be one of: open, source_proposed, sourced, unsourced, dismissed, removed.");
    expect(ApiClaimsQuerySchema.safeParse({ page: "0" }).success).toBe(false);
    expect(ApiClaimsQuerySchema.safeParse({ episode: "<script>" }).success).toBe(false);
  });

  it("reads a claim id from the address", () => {
    expect(ClaimIdParamSchema.parse("12")).toBe(12);
    expect(ClaimIdParamSchema.safeParse("012").success).toBe(false);
    expect(ClaimIdParamSchema.safeParse("99999999999").success).toBe(false);
  });
});
