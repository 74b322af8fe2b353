import { describe, expect, it } from "vitest";
import { bulkDismiss, ClaimError, hideComment, resolveClaim } from "~/models/claims/index.server";
import { getCommentThreadPage, HIDDEN_NOTICE } from "~/models/episode.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../../factories";
import { flag, propose, moderate, queuePage, claimPage, apiClaim, TAJIKISTAN, TAIPEI_TIMES, TAIPEI_QUOTE, pastGrace, seeded, commentFlag, decide, events } from "./helpers";

describe("moderating a claim", () => {
  it("accepts a proposed source: the claim is sourced, its history and the log say who and why", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const { body: flagged } = await flag(commentFlag(seed), member.cookie);
    await propose(flagged.claimId, { ...TAIPEI_TIMES, quote: TAIPEI_QUOTE }, member.cookie);
    const proposal = await prisma.sourceProposal.findFirstOrThrow({ select: { id: true, sourceId: true } });

    const result = await decide(moderator.cookie, flagged.claimId, "accept-source", "The Taipei Times says all the attackers are from Tajikistan", { proposalId: proposal.id });
    expect(result.body).toEqual({ ok: true, message: `Claim #${flagged.claimId} is now sourced.`, claimId: flagged.claimId });

    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: flagged.claimId }, select: { state: true, acceptedSourceId: true, version: true, resolvedAt: true } });
    expect(claim).toMatchObject({ state: "sourced", acceptedSourceId: proposal.sourceId, version: 3 });
    expect(claim.resolvedAt).toBeInstanceOf(Date);
    expect(await prisma.sourceProposal.findUniqueOrThrow({ where: { id: proposal.id }, select: { status: true } })).toEqual({ status: "accepted" });
    expect((await events(flagged.claimId)).at(-1)).toEqual({
      action: "source-accepted",
      fromState: "source_proposed",
      toState: "sourced",
      reason: "The Taipei Times says all the attackers are from Tajikistan",
      actorId: moderator.user.id,
    });
    expect(await prisma.moderationLog.findMany({ select: { actorId: true, action: true, targetType: true, targetId: true, reason: true, details: true } })).toEqual([
      {
        actorId: moderator.user.id,
        action: "claim.sourced",
        targetType: "claim",
        targetId: String(flagged.claimId),
        reason: "The Taipei Times says all the attackers are from Tajikistan",
        details: { from: "source_proposed", to: "sourced", proposalId: proposal.id, sourceId: proposal.sourceId },
      },
    ]);

    // The public page shows the accepted source and the history; the moderator's name only to staff.
    await pastGrace(); // a claim on a comment is public once its grace period is over (issue 10, item 5)
    const anonymous = await claimPage(flagged.claimId);
    expect(anonymous.body.claim.acceptedSource).toMatchObject({ title: TAIPEI_TIMES.title, outlet: "Taipei Times" });
    expect(anonymous.body.canPropose).toBe(false);
    expect(anonymous.body.claim.history.map((event: { actor: string; action: string }) => [event.actor, event.action])).toEqual([
      ["a member", "flagged"],
      [member.user.username, "source-proposed"],
      ["a moderator", "source-accepted"],
    ]);
    const staff = await claimPage(flagged.claimId, moderator.cookie);
    expect(staff.body.claim.history.at(-1).actor).toBe(moderator.user.username);
  });

  it("marks a claim unsourced and dismisses another, each with its reason", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const a = (await flag(commentFlag(seed), member.cookie)).body.claimId;
    const b = (await flag(commentFlag(seed, "Russia appears to have arrested the four gunmen"), member.cookie)).body.claimId;
    expect((await decide(moderator.cookie, a, "mark-unsourced", "No report of the man's nationality was found")).body.ok).toBe(true);
    expect((await decide(moderator.cookie, b, "dismiss", "Reported widely; not disputed")).body.ok).toBe(true);
    expect((await events(a)).at(-1)).toMatchObject({ action: "marked-unsourced", fromState: "open", toState: "unsourced" });
    expect((await events(b)).at(-1)).toMatchObject({ action: "dismissed", fromState: "open", toState: "dismissed", reason: "Reported widely; not disputed" });
    expect((await prisma.moderationLog.findMany({ orderBy: { id: "asc" }, select: { action: true } })).map((row) => row.action)).toEqual(["claim.unsourced", "claim.dismissed"]);
  });

  it("refuses a member (403), a missing reason (400) and accepting on a dismissed claim (409)", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const { claimId } = (await flag(commentFlag(seed), member.cookie)).body;
    expect(await decide(member.cookie, claimId, "dismiss", "I flagged it wrongly")).toMatchObject({ status: 403, body: "Your role does not allow this." });
    await expect(resolveClaim({ moderator: member.user, claimId, version: 1, action: "dismiss", reason: "x" })).rejects.toMatchObject({ status: 403 });
    expect(await decide(moderator.cookie, claimId, "dismiss", " ")).toMatchObject({
      status: 400,
      body: { errors: { reason: "Give a reason: it is shown in the claim's history and the moderation log." } },
    });

    await decide(moderator.cookie, claimId, "dismiss", "Not a factual claim");
    const other = await signedIn("moderator");
    const accept = await moderate({ intent: "resolve-claim", claimId, version: 2, decision: "accept-source", proposalId: 1, reason: "Found it" }, other.cookie);
    expect(accept.status).toBe(409);
    expect(accept.body.errors.form).toMatch(new RegExp(`^Already dismissed by ${moderator.user.username} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\.$`));
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { state: true, acceptedSourceId: true } })).toEqual({ state: "dismissed", acceptedSourceId: null });
  });

  it("refuses a decision on a stale version and says what changed, writing nothing", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const { claimId } = (await flag(commentFlag(seed), member.cookie)).body;
    const seen = (await queuePage("", moderator.cookie)).body.items[0];
    expect(seen).toMatchObject({ id: claimId, version: 1 });
    await propose(claimId, { ...TAIPEI_TIMES, quote: TAIPEI_QUOTE }, member.cookie);

    const stale = await moderate({ intent: "resolve-claim", claimId, version: seen.version, decision: "dismiss", reason: "Opinion" }, moderator.cookie);
    expect(stale.status).toBe(409);
    expect(stale.body.errors.form).toMatch(new RegExp(`^This claim changed while you were looking at it: a source was proposed by ${member.user.username} at .+ UTC\\. Reload to see it and decide again\\.$`));
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { state: true, version: true } })).toEqual({ state: "source_proposed", version: 2 });
    expect(await prisma.moderationLog.count()).toBe(0);
  });

  it("lets one moderator take a claim, shows it to the others, and refuses a second taker", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const ann = await signedIn("moderator");
    const bob = await signedIn("moderator");
    const { claimId } = (await flag(commentFlag(seed), member.cookie)).body;
    expect((await moderate({ intent: "take-claim", claimId }, ann.cookie)).body).toMatchObject({ ok: true });
    const seenByBob = (await queuePage("", bob.cookie)).body.items[0];
    expect(seenByBob.assignedTo).toEqual({ id: ann.user.id, username: ann.user.username });
    expect(seenByBob.assignedAt).toBeInstanceOf(Date);
    const second = await moderate({ intent: "take-claim", claimId }, bob.cookie);
    expect(second.status).toBe(409);
    expect(second.body.errors.form).toMatch(new RegExp(`^${ann.user.username} is already on it \\(since .+ UTC\\)\\.$`));
    // Taking is not a decision: the version Ann saw still holds.
    expect((await decide(ann.cookie, claimId, "dismiss", "Not a claim")).body.ok).toBe(true);
    expect((await prisma.moderationLog.findMany({ orderBy: { id: "asc" }, select: { action: true } })).map((row) => row.action)).toEqual(["claim.taken", "claim.dismissed"]);
  });

  it("hides the comment: its open claims are removed, readers see the notice, moderators still read it", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const first = (await flag(commentFlag(seed), member.cookie)).body.claimId;
    const second = (await flag(commentFlag(seed, "Russia appears to have arrested the four gunmen"), member.cookie)).body.claimId;
    const onSection = (await flag({ intent: "flag-claim", targetType: "section", targetId: seed.section4.id, exact: seed.section4.plainText.slice(0, 40), reason: "no_source", js: 1 }, member.cookie)).body.claimId;

    const result = await decide(moderator.cookie, first, "hide-comment", "Speculation presented as fact", { commentId: seed.comment3.id });
    expect(result.body).toEqual({ ok: true, message: "Comment #3 is hidden from readers; 2 claims were removed.", claimId: first });
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: seed.comment3.id }, select: { status: true, statusReason: true } })).toEqual({
      status: "hidden",
      statusReason: "Speculation presented as fact",
    });
    const states = await prisma.claim.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true } });
    expect(states).toEqual([
      { id: first, state: "removed" },
      { id: second, state: "removed" },
      { id: onSection, state: "open" },
    ]);
    expect((await events(second)).at(-1)).toMatchObject({ action: "comment-hidden", fromState: "open", toState: "removed", reason: "Speculation presented as fact" });
    expect(await prisma.moderationLog.findFirstOrThrow({ select: { action: true, targetType: true, targetId: true, details: true } })).toEqual({
      action: "comment.hidden",
      targetType: "comment",
      targetId: String(seed.comment3.id),
      details: { episode: seed.program.slug, ordinal: 3, anchor: "3", removedClaimIds: [first, second] },
    });

    // Removed claims stay visible to moderators only.
    expect((await claimPage(first)).status).toBe(404);
    expect((await apiClaim(String(first))).status).toBe(404);
    expect((await claimPage(first, moderator.cookie)).body.claim.state).toBe("removed");
    // The comment: a notice for readers, its text still for moderators.
    const thread = async (viewer: Parameters<typeof getCommentThreadPage>[0]["viewer"]) =>
      (await getCommentThreadPage({ episodeId: seed.program.id, page: 1, sort: "oldest", viewer })).comments.find((comment) => comment.ordinal === 3)!;
    expect(await thread(null)).toMatchObject({ status: "hidden", notice: HIDDEN_NOTICE, blocks: [] });
    expect((await thread({ id: moderator.user.id, role: "moderator" })).blocks.length).toBeGreaterThan(0);

    // A second moderator is told who hid it first.
    const other = await signedIn("moderator");
    const again = await hideComment({ moderator: other.user, commentId: seed.comment3.id, reason: "Duplicate" }).catch((error: ClaimError) => error);
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(new RegExp(`^Already hidden by ${moderator.user.username} at .+ UTC\\.$`)) });
  });

  it("refuses hiding a comment to a member and for a claim on a section", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const { claimId } = (await flag(commentFlag(seed), member.cookie)).body;
    expect((await decide(member.cookie, claimId, "hide-comment", "Spam", { commentId: seed.comment3.id })).status).toBe(403);
    const onSection = (await flag({ intent: "flag-claim", targetType: "section", targetId: seed.section4.id, exact: seed.section4.plainText.slice(0, 40), reason: "no_source", js: 1 }, member.cookie)).body.claimId;
    expect(await decide(moderator.cookie, onSection, "hide-comment", "Spam")).toMatchObject({
      status: 400,
      body: { errors: { decision: "Only a claim on a comment can have its comment hidden." } },
    });
    expect(await prisma.comment.count({ where: { status: "hidden" } })).toBe(0);
  });

  it("dismisses a selection at once and reports the claims someone settled first", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const ann = await signedIn("moderator");
    const bob = await signedIn("moderator");
    const ids: number[] = [];
    for (const exact of [TAJIKISTAN, "Russia appears to have arrested the four gunmen", "Vladimir Putin held a press conference"]) {
      ids.push((await flag(commentFlag(seed, exact), member.cookie)).body.claimId);
    }
    await decide(ann.cookie, ids[1]!, "mark-unsourced", "Nothing found");

    const result = await moderate({ intent: "bulk-dismiss", claimIds: ids, reason: "Flags on reported facts" }, bob.cookie);
    expect(result.status).toBe(200);
    expect(result.body.errors.form).toMatch(new RegExp(`^Dismissed 2 claims\\. Claim #${ids[1]}: Already unsourced by ${ann.user.username} at .+ UTC\\.$`));
    expect((await prisma.claim.findMany({ orderBy: { id: "asc" }, select: { state: true } })).map((claim) => claim.state)).toEqual(["dismissed", "unsourced", "dismissed"]);
    for (const id of [ids[0]!, ids[2]!]) expect((await events(id)).at(-1)).toMatchObject({ action: "dismissed", reason: "Flags on reported facts", actorId: bob.user.id });
    expect(await prisma.moderationLog.count({ where: { action: "claim.dismissed", actorId: bob.user.id } })).toBe(2);

    expect(await moderate({ intent: "bulk-dismiss", reason: "r" }, bob.cookie)).toMatchObject({ status: 400, body: { errors: { claimIds: "Select the claims to dismiss." } } });
    const model = await bulkDismiss({ moderator: bob.user, claimIds: [ids[0]!], reason: "again" });
    expect(model).toEqual({ dismissed: [], skipped: [{ claimId: ids[0], message: expect.stringMatching(/^Claim #\d+: Already dismissed by /) }] });
  });
});
