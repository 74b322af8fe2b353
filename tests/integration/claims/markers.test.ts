import { describe, expect, it } from "vitest";
import { createComment, editComment } from "~/models/comment.server";
import { flagClaim, getClaimMarkers } from "~/models/claims/index.server";
import { signedIn } from "../../factories";
import { AFTER_GRACE, flag, TAJIKISTAN, seeded, commentFlag, decide } from "./helpers";

describe("markers for the episode page", () => {
  it("gives the spans of claims to mark, not dismissed ones, re-anchored after an edit", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const open = (await flag(commentFlag(seed), member.cookie)).body.claimId;
    const dismissed = (await flag(commentFlag(seed, "Russia appears to have arrested the four gunmen"), member.cookie)).body.claimId;
    await decide(moderator.cookie, dismissed, "dismiss", "Not disputed");

    const written = await createComment({ episodeId: seed.program.id, parentId: null, author: member.user, body: "The *attack* was planned **for months**, says a report." });
    const onMarkdown = (await flag({ intent: "flag-claim", targetType: "comment", targetId: written.id, exact: "planned for months", reason: "no_source", js: 1 }, member.cookie)).body.claimId;

    const markers = await getClaimMarkers({ episodeId: seed.program.id, sectionIds: [seed.section4.id], commentIds: [seed.comment3.id, written.id], cutoff: AFTER_GRACE });
    const start = seed.comment3.body.indexOf(TAJIKISTAN);
    expect(markers).toEqual([
      { claimId: onMarkdown, targetType: "comment", targetId: written.id, start: 15, end: 33, state: "open", flaggerCount: 1, acceptedSourceId: null },
      { claimId: open, targetType: "comment", targetId: seed.comment3.id, start, end: start + TAJIKISTAN.length, state: "open", flaggerCount: 1, acceptedSourceId: null },
    ]);

    // The author edits: the claim is found again where its words moved; gone words drop their marker.
    await editComment({ commentId: written.id, editor: member.user, body: "Reportedly, the *attack* was planned **for months**." });
    const moved = await getClaimMarkers({ episodeId: seed.program.id, sectionIds: [], commentIds: [written.id], cutoff: AFTER_GRACE });
    expect(moved).toEqual([expect.objectContaining({ claimId: onMarkdown, start: 27, end: 45 })]);
    await editComment({ commentId: written.id, editor: member.user, body: "I withdraw that." });
    expect(await getClaimMarkers({ episodeId: seed.program.id, sectionIds: [], commentIds: [written.id], cutoff: AFTER_GRACE })).toEqual([]);
  });

  it("flags a claim through the model with the same rules as the form", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    await expect(flagClaim({ user: member.user, target: { type: "comment", id: seed.comment3.id }, exact: "", reason: "no_source" })).rejects.toMatchObject({ status: 400 });
    await expect(flagClaim({ user: member.user, target: { type: "comment", id: seed.comment3.id }, exact: TAJIKISTAN, reason: "other" })).rejects.toMatchObject({
      status: 400,
      message: "Say what is wrong with this claim.",
    });
    const result = await flagClaim({ user: member.user, target: { type: "comment", id: seed.comment3.id }, exact: TAJIKISTAN, reason: "no_source" });
    expect(result).toEqual({ claimId: expect.any(Number), joined: false });
  });
});
