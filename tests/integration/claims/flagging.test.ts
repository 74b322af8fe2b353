import { describe, expect, it } from "vitest";
import { loader as claimLoader } from "~/routes/claims.$id";
import { prisma } from "~/utils/db.server";
import { outcomeOf, signedIn, testContext } from "../../factories";
import { type Fields, get, flag, claimPage, TAJIKISTAN, pastGrace, seeded, commentFlag, decide, events, toastOf } from "./helpers";

describe("flagging a claim", () => {
  it("records the selection as quote and position selectors on the comment's canonical text", async () => {
    const seed = await seeded();
    const { user, cookie } = await signedIn("member");
    const result = await flag(commentFlag(seed), cookie);
    expect(result).toMatchObject({ status: 200, body: { ok: true, joined: false } });

    const start = seed.comment3.body.indexOf(TAJIKISTAN);
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: result.body.claimId } });
    expect(claim).toMatchObject({
      targetType: "comment",
      commentId: seed.comment3.id,
      episodeId: seed.program.id,
      exact: TAJIKISTAN,
      prefix: seed.comment3.body.slice(start - 32, start),
      suffix: seed.comment3.body.slice(start + TAJIKISTAN.length, start + TAJIKISTAN.length + 32),
      start,
      end: start + TAJIKISTAN.length,
      targetRevision: seed.comment3.revision,
      state: "open",
      flaggerCount: 1,
      version: 1,
    });
    expect(await prisma.flag.findMany({ select: { userId: true, reason: true } })).toEqual([{ userId: user.id, reason: "no_source" }]);
    expect(await events(claim.id)).toEqual([{ action: "flagged", fromState: null, toState: "open", reason: "No source given", actorId: user.id }]);
  });

  it("answers a plain form post with a redirect to the claim, and the claim page confirms it", async () => {
    const seed = await seeded();
    const { cookie } = await signedIn("member");
    const { js: _js, ...fields } = commentFlag(seed);
    const result = await flag(fields, cookie);
    expect(result.status).toBe(303);
    const location = result.headers.get("Location")!;
    expect(location).toMatch(/^\/claims\/\d+$/);
    // The confirmation travels in a toast cookie (ADR 0020), which the next page's root loader reads once and clears.
    const toast = await toastOf(result.headers, location, cookie);
    expect(toast.shown?.description).toMatch(/^Flagged\./);
    expect(toast.cleared).toBe(true);
    const id = Number(/\/claims\/(\d+)/.exec(location)![1]);
    const page = await outcomeOf(() => claimLoader({ request: get(location, cookie), params: { id: String(id) }, context: testContext }));
    expect(page.body.claim.target).toMatchObject({ label: "Comment #3 by Pterrafractyl", url: `/episodes/${seed.program.slug}?c=3#comment-3` });
  });

  it("flags a passage of a section by its quote, with whitespace as the reader's selection gives it", async () => {
    const seed = await seeded();
    const { cookie } = await signedIn("member");
    // The canonical text separates paragraphs with a blank line; a selection reads it as one line break.
    const paragraphs = seed.section4.plainText.split("\n\n");
    expect(paragraphs.length).toBeGreaterThan(1);
    const exact = `${paragraphs[0]!.slice(-30)}\n${paragraphs[1]!.slice(0, 30)}`;
    const result = await flag({ intent: "flag-claim", targetType: "section", targetId: seed.section4.id, exact, reason: "source_unreliable", js: 1 }, cookie);
    expect(result.body).toMatchObject({ ok: true });
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: result.body.claimId } });
    expect(claim.exact).toBe(`${paragraphs[0]!.slice(-30)}\n\n${paragraphs[1]!.slice(0, 30)}`);
    expect(seed.section4.plainText.slice(claim.start, claim.end)).toBe(claim.exact);
  });

  it("refuses an anonymous reader (401) and a suspended account (403)", async () => {
    const seed = await seeded();
    expect(await flag(commentFlag(seed))).toMatchObject({ status: 401, body: "Sign in to do that." });
    const { cookie } = await signedIn("member", { suspended: true });
    expect((await flag(commentFlag(seed), cookie)).status).toBe(403);
    expect(await prisma.claim.count()).toBe(0);
  });

  it("refuses an empty selection, one over 1,000 characters, text not in the target and a span out of bounds", async () => {
    const seed = await seeded();
    const { cookie } = await signedIn("member");
    const refusal = async (fields: Fields) => {
      const result = await flag(fields, cookie);
      expect(result.status).toBe(400);
      return result.body.errors;
    };
    expect(await refusal(commentFlag(seed, "   "))).toEqual({ exact: "Select the text you want to flag." });
    expect(await refusal(commentFlag(seed, "x".repeat(1001)))).toEqual({ exact: "Select at most 1,000 characters: flag one claim at a time." });
    expect(await refusal(commentFlag(seed, "Putin personally ordered the attack"))).toEqual({ form: "That text is not in this comment." });
    expect(await refusal(commentFlag(seed, TAJIKISTAN, { start: seed.comment3.body.length + 5 }))).toEqual({ form: "That selection is outside the text of this comment." });
    // A selection from the end of section 4 into section 5 is in neither.
    const across = `${seed.section4.plainText.slice(-25)}\n${seed.section5.plainText.slice(0, 25)}`;
    expect(await refusal({ intent: "flag-claim", targetType: "section", targetId: seed.section4.id, exact: across, reason: "no_source", js: 1 })).toEqual({
      form: "That text is not in this section.",
    });
    expect(await refusal(commentFlag(seed, TAJIKISTAN, { reason: "other" }))).toEqual({ note: "Say what is wrong with this claim." });
    expect(await prisma.claim.count()).toBe(0);
  });

  it("refuses text of a missing section (404) and of a hidden comment (409)", async () => {
    const seed = await seeded();
    const { cookie } = await signedIn("member");
    expect((await flag({ intent: "flag-claim", targetType: "section", targetId: 999_999, exact: "text", reason: "no_source", js: 1 }, cookie)).status).toBe(404);
    await prisma.comment.update({ where: { id: seed.comment3.id }, data: { status: "hidden" } });
    expect(await flag(commentFlag(seed), cookie)).toMatchObject({ status: 409, body: { errors: { form: "That comment was removed, so its text cannot be flagged." } } });
  });

  it("joins a second flag on an overlapping span to the open claim, and counts its flagger", async () => {
    const seed = await seeded();
    const first = await signedIn("member");
    const second = await signedIn("member");
    const created = await flag(commentFlag(seed), first.cookie);
    const joined = await flag(commentFlag(seed, "appears to be from Tajikistan. The man claimed", { reason: "other", note: "Which gunman?" }), second.cookie);
    expect(joined.body).toEqual({ ok: true, claimId: created.body.claimId, joined: true });
    expect(await prisma.claim.count()).toBe(1);
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: created.body.claimId }, select: { flaggerCount: true, exact: true } });
    expect(claim).toEqual({ flaggerCount: 2, exact: TAJIKISTAN });
    expect((await events(created.body.claimId)).map((event) => [event.action, event.fromState, event.toState, event.reason])).toEqual([
      ["flagged", null, "open", "No source given"],
      ["flag-joined", "open", "open", "Other: Which gunman?"],
    ]);
    await pastGrace(); // a claim on a comment is public once its grace period is over (issue 10, item 5)
    const page = await claimPage(created.body.claimId);
    expect(page.body.claim).toMatchObject({ flaggerCount: 2, reasons: { no_source: 1, other: 1, source_does_not_support: 0, source_unreliable: 0 }, notes: ["Which gunman?"] });

    // A span that shares no character with it is another claim.
    const elsewhere = await flag(commentFlag(seed, "Russia appears to have arrested the four gunmen"), second.cookie);
    expect(elsewhere.body).toMatchObject({ ok: true, joined: false });
    expect(elsewhere.body.claimId).not.toBe(created.body.claimId);
  });

  it("refuses a member flagging the same claim twice (409)", async () => {
    const seed = await seeded();
    const { cookie } = await signedIn("member");
    await flag(commentFlag(seed), cookie);
    const again = await flag(commentFlag(seed, "from Tajikistan"), cookie);
    expect(again).toMatchObject({ status: 409, body: { ok: false, errors: { form: "You already flagged this claim." } } });
    expect(await prisma.claim.findFirstOrThrow({ select: { flaggerCount: true } })).toEqual({ flaggerCount: 1 });
  });

  it("starts a new claim when the overlapping one is already settled", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const first = await flag(commentFlag(seed), member.cookie);
    await decide(moderator.cookie, first.body.claimId, "dismiss", "A description of a video, not a claim");
    const again = await flag(commentFlag(seed), member.cookie);
    expect(again.body).toMatchObject({ ok: true, joined: false });
    expect(again.body.claimId).not.toBe(first.body.claimId);
  });

  it("limits how many flags a member sends in ten minutes", async () => {
    const seed = await seeded();
    const { cookie } = await signedIn("member");
    for (let attempt = 0; attempt < 20; attempt += 1) {
      expect((await flag(commentFlag(seed, `not in the comment ${attempt}`), cookie)).status).toBe(400);
    }
    const limited = await flag(commentFlag(seed), cookie);
    expect(limited.status).toBe(429);
    expect(limited.body.errors.form).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
  });
});
