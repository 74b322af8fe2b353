import { describe, expect, it } from "vitest";
import { flagClaim, getClaimMarkers } from "~/models/claims/index.server";
import { createComment, editComment } from "~/models/comment.server";
import { importDocument } from "~/models/import/index.server";
import { action as moderationAction, loader as moderationLoader } from "~/routes/moderation._index/route";
import { commentCanonicalText } from "~/utils/canonical-text.server";
import { prisma } from "~/utils/db.server";
import { outcomeOf, signedIn, testContext } from "../../factories";
import { PROGRAM_FILE, seedBytes } from "../../fixtures/seeds";

// These tests are about anchoring: read the markers as everyone sees them once the grace period is over.
const AFTER_GRACE = new Date(Date.now() + 2 * 60 * 60 * 1000);

const CLAIMED = "The attackers trained in Tajikistan for six months.";
const ORIGINAL = `Some background first.\n\n${CLAIMED} That is what the report says.`;

async function program() {
  await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  return prisma.episode.findFirstOrThrow({ where: { number: 863 }, select: { id: true } });
}

/** A comment written on Footnote with one claim flagged on CLAIMED. */
async function flaggedComment() {
  const episode = await program();
  const author = await signedIn("member");
  const flagger = await signedIn("member");
  const comment = await createComment({ episodeId: episode.id, parentId: null, author: author.user, body: ORIGINAL });
  const { claimId } = await flagClaim({ user: flagger.user, target: { type: "comment", id: comment.id }, exact: CLAIMED, reason: "no_source" });
  const edit = (body: string) => editComment({ commentId: comment.id, editor: author.user, body });
  const claim = () =>
    prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { start: true, end: true, exact: true, anchorStatus: true, targetRevision: true, state: true } });
  const markers = () => getClaimMarkers({ episodeId: episode.id, sectionIds: [], commentIds: [comment.id], cutoff: AFTER_GRACE });
  return { episode, comment, claimId, edit, claim, markers };
}

const textOf = (body: string) => commentCanonicalText({ format: "markdown", body });

describe("claims follow their text when it is edited", () => {
  it("keeps a claim anchored when a new paragraph moves its sentence", async () => {
    const { edit, claim, markers, claimId } = await flaggedComment();
    const body = `A new opening paragraph, added later.\n\n${ORIGINAL}`;
    await edit(body);
    const after = await claim();
    expect(after).toMatchObject({ anchorStatus: "anchored", exact: CLAIMED, targetRevision: 2 });
    expect(textOf(body).slice(after.start, after.end)).toBe(CLAIMED);
    expect(await markers()).toEqual([expect.objectContaining({ claimId, start: after.start, end: after.end })]);
  });

  it("marks a claim fuzzy when one word of its sentence changed, covering the edited sentence", async () => {
    const { edit, claim, markers, claimId } = await flaggedComment();
    const edited = "The attackers trained in Uzbekistan for six months.";
    const body = ORIGINAL.replace(CLAIMED, edited);
    await edit(body);
    const after = await claim();
    expect(after).toMatchObject({ anchorStatus: "fuzzy", exact: edited });
    expect(textOf(body).slice(after.start, after.end)).toBe(edited);
    expect(await markers()).toEqual([expect.objectContaining({ claimId, start: after.start, end: after.end })]);
  });

  it("orphans a claim whose sentence was deleted: off the page, in the orphan tab, and dismissable there", async () => {
    const { edit, claim, markers, claimId } = await flaggedComment();
    const before = await claim();
    await edit("Some background first.\n\nThat is what the report says.");
    const after = await claim();
    // The claim is kept with its old quote, in the state it was in.
    expect(after).toMatchObject({ anchorStatus: "orphaned", exact: CLAIMED, start: before.start, end: before.end, state: "open" });
    const event = await prisma.claimEvent.findFirstOrThrow({ where: { claimId, action: "orphaned" }, select: { fromState: true, toState: true, reason: true } });
    expect(event).toEqual({ fromState: "open", toState: "open", reason: "The claimed text is no longer in the comment." });
    expect(await markers()).toEqual([]);

    const moderator = await signedIn("moderator");
    const orphans = await outcomeOf(() => moderationLoader({ request: new Request("http://localhost/moderation?tab=orphans", { headers: { Cookie: moderator.cookie } }), params: {}, context: testContext }));
    expect(orphans.status).toBe(200);
    expect(orphans.body.tab).toBe("orphans");
    expect(orphans.body.orphanCount).toBe(1);
    expect(orphans.body.orphans.items).toEqual([expect.objectContaining({ id: claimId, exact: CLAIMED, dismissable: true })]);
    const queue = await outcomeOf(() => moderationLoader({ request: new Request("http://localhost/moderation", { headers: { Cookie: moderator.cookie } }), params: {}, context: testContext }));
    expect(queue.body).toMatchObject({ tab: "queue", orphans: null, orphanCount: 1 });

    const form = new URLSearchParams({ intent: "resolve-claim", decision: "dismiss", claimId: String(claimId), version: "1", reason: "The author removed the sentence." });
    const dismissed = await outcomeOf(() =>
      moderationAction({ request: new Request("http://localhost/moderation?index&tab=orphans", { method: "POST", body: form, headers: { Cookie: moderator.cookie } }), params: {}, context: testContext }),
    );
    expect(dismissed.body).toMatchObject({ ok: true });
    const emptied = await outcomeOf(() => moderationLoader({ request: new Request("http://localhost/moderation?tab=orphans", { headers: { Cookie: moderator.cookie } }), params: {}, context: testContext }));
    expect(emptied.body.orphans.items).toEqual([]);
  });

  it("refuses an unknown tab", async () => {
    const moderator = await signedIn("moderator");
    const answer = await outcomeOf(() => moderationLoader({ request: new Request("http://localhost/moderation?tab=everything", { headers: { Cookie: moderator.cookie } }), params: {}, context: testContext }));
    expect(answer.status).toBe(400);
  });

  it("keeps claims on unchanged sentences anchored on the same words when a re-import changes a section", async () => {
    const episode = await program();
    const flagger = await signedIn("member");
    const section17 = await prisma.section.findFirstOrThrow({ where: { episodeId: episode.id, label: "17" }, select: { id: true, plainText: true } });
    const section4 = await prisma.section.findFirstOrThrow({ where: { episodeId: episode.id, label: "4" }, select: { id: true, plainText: true } });
    const sameSection = "he never served a day in prison";
    const otherSection = section4.plainText.match(/[A-Z][^.\n]{30,160}\./)![0];
    expect(section17.plainText).toContain(sameSection);
    const flag = (sectionId: number, exact: string) => flagClaim({ user: flagger.user, target: { type: "section", id: sectionId }, exact, reason: "no_source" });
    const claims = [(await flag(section17.id, sameSection)).claimId, (await flag(section4.id, otherSection)).claimId];

    const edited = seedBytes(PROGRAM_FILE).toString("utf8").replace("Eighty persons were murdered", "Eighty-six persons were murdered");
    const result = await importDocument({ fileName: "ftr-863-edited.txt", bytes: Buffer.from(edited) });
    expect(result.changes).toMatchObject({ sectionsUpdated: 1 });

    const texts = new Map((await prisma.section.findMany({ where: { id: { in: [section17.id, section4.id] } }, select: { id: true, plainText: true } })).map((s) => [s.id, s.plainText]));
    expect(texts.get(section17.id)).toContain("Eighty-six persons were murdered");
    for (const [claimId, exact] of [
      [claims[0]!, sameSection],
      [claims[1]!, otherSection],
    ] as const) {
      const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { sectionId: true, start: true, end: true, exact: true, anchorStatus: true } });
      expect(claim).toMatchObject({ anchorStatus: "anchored", exact });
      expect(texts.get(claim.sectionId!)!.slice(claim.start, claim.end)).toBe(exact);
    }
    const markers = await getClaimMarkers({ episodeId: episode.id, sectionIds: [section17.id, section4.id], commentIds: [], cutoff: AFTER_GRACE });
    expect(markers.map((marker) => marker.claimId).sort()).toEqual([...claims].sort());
  });
});
