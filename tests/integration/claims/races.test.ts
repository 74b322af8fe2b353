// Two moderators deciding the same claim at the same moment, each through their own session and the
// queue's form, both sending the version they loaded: exactly one decision is written.
import { describe, expect, it } from "vitest";
import { flagClaim, proposeSource, resolveClaim, takeClaim } from "~/models/claims/index.server";
import { importDocument } from "~/models/import/index.server";
import { action as moderationAction, loader as moderationLoader } from "~/routes/moderation._index/route";
import { prisma } from "~/utils/db.server";
import { outcomeOf, signedIn, testContext } from "../../factories";
import { PROGRAM_FILE, seedBytes } from "../../fixtures/seeds";

const SPANS = [
  "who appears to be from Tajikistan",
  "Russia appears to have arrested the four gunmen",
  "Vladimir Putin held a press conference",
  "paid to take part in the raid",
  "Has ISIS ever operated like that before?",
];

async function setUp() {
  await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  const comment = await prisma.comment.findFirstOrThrow({ where: { ordinal: 3, episode: { number: 863 } }, select: { id: true, body: true } });
  const member = await signedIn("member");
  const ann = await signedIn("moderator");
  const bob = await signedIn("moderator");
  return { comment, member, ann, bob };
}

function decide(cookie: string, fields: Record<string, string | number>) {
  const body = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]));
  const request = new Request("http://localhost/moderation?index", { method: "POST", body, headers: { Cookie: cookie } });
  return outcomeOf(() => moderationAction({ request, params: {}, context: testContext }));
}

async function versionInQueue(cookie: string, claimId: number) {
  const request = new Request("http://localhost/moderation", { headers: { Cookie: cookie } });
  const { body } = await outcomeOf(() => moderationLoader({ request, params: {}, context: testContext }));
  return (body.items as { id: number; version: number }[]).find((item) => item.id === claimId)!.version;
}

describe("two moderators deciding the same claim at once", () => {
  it("lets exactly one decision through and tells the other who acted first", async () => {
    const { comment, member, ann, bob } = await setUp();
    for (const exact of SPANS) {
      const { claimId } = await flagClaim({ user: member.user, target: { type: "comment", id: comment.id }, exact, start: comment.body.indexOf(exact), reason: "no_source" });
      // Both load the queue and see the same version.
      const [annSaw, bobSaw] = await Promise.all([versionInQueue(ann.cookie, claimId), versionInQueue(bob.cookie, claimId)]);
      expect(annSaw).toBe(bobSaw);

      const [annResult, bobResult] = await Promise.all([
        decide(ann.cookie, { intent: "resolve-claim", claimId, version: annSaw, decision: "dismiss", reason: "Not a factual claim" }),
        decide(bob.cookie, { intent: "resolve-claim", claimId, version: bobSaw, decision: "mark-unsourced", reason: "No source exists" }),
      ]);

      const results = [
        { moderator: ann.user, result: annResult, state: "dismissed" },
        { moderator: bob.user, result: bobResult, state: "unsourced" },
      ];
      const winners = results.filter((entry) => entry.result.status === 200);
      const losers = results.filter((entry) => entry.result.status === 409);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const winner = winners[0]!;
      expect(losers[0]!.result.body.errors.form).toMatch(
        new RegExp(`^Already ${winner.state} by ${winner.moderator.username} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\.$`),
      );

      // Nothing of the loser's decision was written.
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { state: true, version: true } })).toEqual({ state: winner.state, version: annSaw + 1 });
      const resolutions = await prisma.claimEvent.findMany({ where: { claimId, action: { in: ["dismissed", "marked-unsourced"] } }, select: { actorId: true } });
      expect(resolutions).toEqual([{ actorId: winner.moderator.id }]);
      expect(await prisma.moderationLog.count({ where: { targetType: "claim", targetId: String(claimId) } })).toBe(1);
    }
  });

  it("keeps one outcome when accepting a source races dismissing", async () => {
    const { comment, member, ann, bob } = await setUp();
    const { claimId } = await flagClaim({ user: member.user, target: { type: "comment", id: comment.id }, exact: SPANS[0]!, start: comment.body.indexOf(SPANS[0]!), reason: "no_source" });
    const { proposalId } = await proposeSource({
      user: member.user,
      claimId,
      newSource: { url: "https://www.taipeitimes.com/News/editorials/archives/2024/03/30/2003815580", title: "Why ISIS attacked Russia — and why Moscow blames Kyiv", outlet: "Taipei Times", date: "2024-03-30" },
      quote: "All of the alleged Crocus City Hall attackers are from Tajikistan.",
    });
    const version = 2;
    const outcomes = await Promise.allSettled([
      resolveClaim({ moderator: ann.user, claimId, version, action: "accept-source", proposalId, reason: "The Taipei Times confirms it" }),
      resolveClaim({ moderator: bob.user, claimId, version, action: "dismiss", reason: "Not a claim" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409, message: expect.stringMatching(/^Already (sourced|dismissed) by moderator-\d+ at /) });
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { state: true, acceptedSourceId: true } });
    const proposal = await prisma.sourceProposal.findUniqueOrThrow({ where: { id: proposalId }, select: { status: true, sourceId: true } });
    // Consistent either way: an accepted proposal only on a sourced claim.
    if (claim.state === "sourced") expect([claim.acceptedSourceId, proposal.status]).toEqual([proposal.sourceId, "accepted"]);
    else expect([claim.state, claim.acceptedSourceId, proposal.status]).toEqual(["dismissed", null, "rejected"]);
  });

  it("lets only one of two moderators take a claim", async () => {
    const { comment, member, ann, bob } = await setUp();
    const { claimId } = await flagClaim({ user: member.user, target: { type: "comment", id: comment.id }, exact: SPANS[1]!, start: comment.body.indexOf(SPANS[1]!), reason: "no_source" });
    const outcomes = await Promise.allSettled([takeClaim({ moderator: ann.user, claimId }), takeClaim({ moderator: bob.user, claimId })]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const { assignedTo } = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { assignedTo: { select: { username: true } } } });
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.message).toMatch(new RegExp(`^${assignedTo!.username} is already on it`));
  });
});
