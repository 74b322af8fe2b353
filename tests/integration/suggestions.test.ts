import { describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { decisionsBySignal, refreshSuggestions } from "~/models/suggestion.server";
import { action, loader } from "~/routes/moderation.suggestions/route";
import { prisma } from "~/utils/db.server";
import { outcomeOf, signedIn, testContext } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

function post(fields: Record<string, string | number>, cookie?: string) {
  const body = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]));
  return new Request("http://localhost/moderation/suggestions", { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

const page = (cookie?: string, search = "") =>
  outcomeOf(() => loader({ request: new Request(`http://localhost/moderation/suggestions${search}`, { headers: cookie ? { Cookie: cookie } : {} }), params: {}, context: testContext }));
const act = (fields: Record<string, string | number>, cookie?: string) => outcomeOf(() => action({ request: post(fields, cookie), params: {}, context: testContext }));

async function programWithSuggestions() {
  const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  const result = await refreshSuggestions({ episodeId: episode.id });
  return { episode, result };
}

describe("likely-unsourced suggestions", () => {
  it("finds pending suggestions in the program's sections and comments, listed by score for moderators", async () => {
    const { episode, result } = await programWithSuggestions();
    expect(result).toMatchObject({ sections: 21, comments: 9 });
    expect(result.pending).toBeGreaterThan(0);
    const pending = await prisma.claimSuggestion.groupBy({ by: ["status"], _count: true, where: { episodeId: episode.id } });
    expect(pending).toEqual([{ status: "pending", _count: result.pending }]);
    expect(await prisma.claimSuggestion.count({ where: { sectionId: { not: null } } })).toBeGreaterThan(0);
    expect(await prisma.claimSuggestion.count({ where: { commentId: { not: null } } })).toBeGreaterThan(0);

    const { cookie } = await signedIn("moderator");
    const listed = await page(cookie, `?episode=${episode.slug}`);
    expect(listed.status).toBe(200);
    expect(listed.body.waiting).toBe(result.pending);
    // At most 10 a day of one episode (SUGGESTIONS_PER_EPISODE_DAY), the rest behind "show more".
    expect(listed.body.total).toBe(Math.min(10, result.pending));
    const scores = listed.body.items.map((item: { score: number }) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Each suggestion quotes its target's text at its offsets.
    const first = await prisma.claimSuggestion.findFirstOrThrow({ where: { sectionId: { not: null } }, select: { start: true, end: true, exact: true, section: { select: { plainText: true } } } });
    expect(first.section!.plainText.slice(first.start, first.end)).toBe(first.exact);

    // A second refresh replaces the pending ones instead of adding to them.
    expect((await refreshSuggestions({ episodeId: episode.id })).pending).toBe(result.pending);
    expect(await prisma.claimSuggestion.count()).toBe(result.pending);
  });

  it("promotes a suggestion to an open “no source” claim flagged by the moderator", async () => {
    await programWithSuggestions();
    const { user, cookie } = await signedIn("moderator");
    const suggestion = await prisma.claimSuggestion.findFirstOrThrow({ where: { sectionId: { not: null } }, orderBy: { score: "desc" } });
    const outcome = await act({ intent: "promote-suggestion", suggestionId: suggestion.id }, cookie);
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ ok: true, claimId: expect.any(Number) });
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: outcome.body.claimId }, include: { flags: true } });
    expect(claim).toMatchObject({ state: "open", sectionId: suggestion.sectionId, start: suggestion.start, end: suggestion.end, exact: suggestion.exact });
    expect(claim.flags).toEqual([expect.objectContaining({ userId: user.id, reason: "no_source" })]);
    const promoted = await prisma.claimSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } });
    expect(promoted).toMatchObject({ status: "promoted", decidedById: user.id, claimId: claim.id });

    // Decided once: a second promotion is refused, and a refresh keeps it and does not suggest the sentence again.
    expect((await act({ intent: "promote-suggestion", suggestionId: suggestion.id }, cookie)).status).toBe(409);
    await refreshSuggestions();
    expect(await prisma.claimSuggestion.count({ where: { sectionId: suggestion.sectionId, exact: suggestion.exact } })).toBe(1);
  });

  it("discards a suggestion with a reason recorded in the moderation log", async () => {
    await programWithSuggestions();
    const { user, cookie } = await signedIn("admin");
    const suggestion = await prisma.claimSuggestion.findFirstOrThrow({ where: { commentId: { not: null } } });
    expect((await act({ intent: "discard-suggestion", suggestionId: suggestion.id, reason: " " }, cookie)).status).toBe(400);
    const outcome = await act({ intent: "discard-suggestion", suggestionId: suggestion.id, reason: "A quoted article, sourced above." }, cookie);
    expect(outcome).toMatchObject({ status: 200, body: { ok: true } });
    expect(await prisma.claimSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } })).toMatchObject({ status: "discarded", decidedById: user.id });
    const log = await prisma.moderationLog.findMany({ where: { targetType: "claim_suggestion", targetId: String(suggestion.id) } });
    expect(log).toEqual([expect.objectContaining({ actorId: user.id, action: "suggestion.discarded", reason: "A quoted article, sourced above." })]);
    expect(await prisma.claim.count()).toBe(0);
    // The decision counts against each signal that fired, for `npm run claims:precision`.
    const { overall, signals } = await decisionsBySignal();
    expect(overall).toMatchObject({ promoted: 0, decided: 1, precision: 0 });
    expect(new Map(signals)).toEqual(new Map(suggestion.signals.map((signal) => [signal, expect.objectContaining({ promoted: 0, decided: 1 })])));
  });

  it("answers 403 to a member, and sends an anonymous reader to sign in", async () => {
    await programWithSuggestions();
    const suggestion = await prisma.claimSuggestion.findFirstOrThrow();
    const { cookie } = await signedIn("member");
    expect((await act({ intent: "promote-suggestion", suggestionId: suggestion.id }, cookie)).status).toBe(403);
    expect((await act({ intent: "discard-suggestion", suggestionId: suggestion.id, reason: "no" }, cookie)).status).toBe(403);
    expect((await page(cookie)).status).toBe(403);
    const anonymous = await page();
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    expect(await prisma.claimSuggestion.count({ where: { status: { not: "pending" } } })).toBe(0);
  });
});
