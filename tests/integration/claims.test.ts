import { beforeEach, describe, expect, it } from "vitest";
import { createComment, deleteOwnComment, editComment } from "~/models/comment.server";
import { bulkDismiss, ClaimError, flagClaim, getClaim, getClaimMarkers, hideComment, listQueue, resolveClaim } from "~/models/claim.server";
import { getCommentThreadPage, HIDDEN_NOTICE } from "~/models/episode.server";
import { importDocument } from "~/models/import/index.server";
import { loader as apiClaimLoader } from "~/routes/api.claims.$id";
import { loader as apiClaimsLoader } from "~/routes/api.claims";
import { action as claimAction, loader as claimLoader } from "~/routes/claims.$id";
import { action as flagAction, loader as claimsLoader } from "~/routes/claims._index";
import { action as moderationAction, loader as moderationLoader } from "~/routes/moderation._index/route";
import { loader as logLoader } from "~/routes/moderation.log";
import { loader as rootLoader } from "~/root";
import { prisma } from "~/utils/db.server";
import { outcomeOf, signedIn, testContext } from "../factories";
import { ARTICLE_FILE, PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

// These tests are about anchoring: read the markers as everyone sees them once the grace period is over.
const AFTER_GRACE = new Date(Date.now() + 2 * 60 * 60 * 1000);

type Fields = Record<string, string | number | (string | number)[]>;

function body(fields: Fields) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params;
}

function post(path: string, fields: Fields, cookie?: string) {
  return new Request(`http://localhost${path}`, { method: "POST", body: body(fields), headers: cookie ? { Cookie: cookie } : {} });
}

function get(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

const flag = (fields: Fields, cookie?: string) => outcomeOf(() => flagAction({ request: post("/claims?index", fields, cookie), params: {}, context: testContext }));
const propose = (claimId: number, fields: Fields, cookie?: string) =>
  outcomeOf(() => claimAction({ request: post(`/claims/${claimId}`, { intent: "propose-source", ...fields }, cookie), params: { id: String(claimId) }, context: testContext }));
const moderate = (fields: Fields, cookie?: string) => outcomeOf(() => moderationAction({ request: post("/moderation?index", fields, cookie), params: {}, context: testContext }));
const queuePage = (search = "", cookie?: string) => outcomeOf(() => moderationLoader({ request: get(`/moderation${search}`, cookie), params: {}, context: testContext }));
const claimPage = (id: number, cookie?: string) => outcomeOf(() => claimLoader({ request: get(`/claims/${id}`, cookie), params: { id: String(id) }, context: testContext }));
const apiList = (search = "") => outcomeOf(() => apiClaimsLoader({ request: get(`/api/claims${search}`), params: {}, context: testContext }));
const apiClaim = (id: string) => outcomeOf(() => apiClaimLoader({ request: get(`/api/claims/${id}`), params: { id }, context: testContext }));

/** The toast a redirect set, as the root loader of the page it leads to shows it, and whether that loader cleared it. */
async function toastOf(headers: Headers, location: string, cookie: string) {
  const toastCookie = headers.getSetCookie().find((value) => value.startsWith("footnote_toast="))!.split(";")[0]!;
  const root = await outcomeOf(() => rootLoader({ request: get(location, `${cookie}; ${toastCookie}`), params: {}, context: testContext }));
  return {
    shown: root.body.toast as { description: string } | null,
    cleared: root.headers.getSetCookie().some((value) => /^footnote_toast=;.*Max-Age=0/i.test(value)),
  };
}

const TAJIKISTAN = "who appears to be from Tajikistan";
const TAIPEI_TIMES = {
  url: "https://www.taipeitimes.com/News/editorials/archives/2024/03/30/2003815580",
  title: "Why ISIS attacked Russia — and why Moscow blames Kyiv",
  outlet: "Taipei Times",
  date: "2024-03-30",
};
const TAIPEI_QUOTE = "All of the alleged Crocus City Hall attackers are from Tajikistan.";

/** The program and the article as imported, comment 3 of FTR #863 (Pterrafractyl's) and section 4. */
/** Moves every claim's creation before the grace period, as if CLAIM_GRACE_MINUTES had passed. */
async function pastGrace() {
  await prisma.claim.updateMany({ data: { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
}

async function seeded() {
  await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  await importDocument({ fileName: ARTICLE_FILE, bytes: seedBytes(ARTICLE_FILE) });
  const program = await prisma.episode.findFirstOrThrow({ where: { number: 863 }, select: { id: true, slug: true, title: true } });
  const article = await prisma.episode.findFirstOrThrow({ where: { kind: "article" }, select: { id: true, slug: true } });
  const comment3 = await prisma.comment.findFirstOrThrow({
    where: { episodeId: program.id, ordinal: 3 },
    select: { id: true, body: true, revision: true, importedAuthor: { select: { name: true } } },
  });
  const section4 = await prisma.section.findFirstOrThrow({ where: { episodeId: program.id, label: "4" }, select: { id: true, plainText: true } });
  const section5 = await prisma.section.findFirstOrThrow({ where: { episodeId: program.id, label: "5" }, select: { id: true, plainText: true } });
  const articleSection = await prisma.section.findFirstOrThrow({ where: { episodeId: article.id }, orderBy: { position: "asc" }, select: { id: true, plainText: true } });
  return { program, article, comment3, section4, section5, articleSection };
}

type Seeded = Awaited<ReturnType<typeof seeded>>;

function commentFlag(seed: Seeded, exact = TAJIKISTAN, extra: Fields = {}): Fields {
  return { intent: "flag-claim", targetType: "comment", targetId: seed.comment3.id, exact, reason: "no_source", js: 1, ...extra };
}

/** A moderator's decision from the queue, with the version the moderator saw. */
async function decide(cookie: string, claimId: number, decision: string, reason: string, extra: Fields = {}) {
  const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
  return moderate({ intent: "resolve-claim", claimId, version, decision, reason, ...extra }, cookie);
}

const events = (claimId: number) =>
  prisma.claimEvent.findMany({ where: { claimId }, orderBy: { id: "asc" }, select: { action: true, fromState: true, toState: true, reason: true, actorId: true } });


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

describe("proposing a source", () => {
  it("takes a new source with its quote, adds it to the library and moves the claim to source_proposed", async () => {
    const seed = await seeded();
    const flagger = await signedIn("member");
    const proposer = await signedIn("member");
    const { body: flagged } = await flag(commentFlag(seed), flagger.cookie);

    const result = await propose(flagged.claimId, { ...TAIPEI_TIMES, quote: TAIPEI_QUOTE }, proposer.cookie);
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toMatch(new RegExp(`^/claims/${flagged.claimId}#proposal-\\d+$`));
    expect((await toastOf(result.headers, `/claims/${flagged.claimId}`, proposer.cookie)).shown?.description).toBe(
      "Thank you: your source is proposed. A moderator will review it.",
    );

    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: flagged.claimId }, select: { state: true, version: true } });
    expect(claim).toEqual({ state: "source_proposed", version: 2 });
    const source = await prisma.source.findFirstOrThrow({ where: { url: TAIPEI_TIMES.url } });
    expect(source).toMatchObject({ kind: "article", title: TAIPEI_TIMES.title, url: TAIPEI_TIMES.url, createdById: proposer.user.id });
    expect(source.date?.toISOString().slice(0, 10)).toBe("2024-03-30");
    expect((await events(flagged.claimId)).at(-1)).toEqual({ action: "source-proposed", fromState: "open", toState: "source_proposed", reason: null, actorId: proposer.user.id });

    await pastGrace(); // a claim on a comment is public once its grace period is over (issue 10, item 5)
    const page = await claimPage(flagged.claimId);
    expect(page.body.claim.proposals).toEqual([
      expect.objectContaining({ status: "pending", quote: TAIPEI_QUOTE, proposer: proposer.user.username, source: expect.objectContaining({ title: TAIPEI_TIMES.title }) }),
    ]);
  });

  it("takes a source from the library by its number, once per claim", async () => {
    const seed = await seeded();
    const { cookie } = await signedIn("member");
    const { body: flagged } = await flag(commentFlag(seed), cookie);
    const book = await prisma.source.findFirstOrThrow({ where: { title: { contains: "Dollars for Terror" } }, select: { id: true } });
    expect((await propose(flagged.claimId, { sourceId: book.id, quote: "p. 10" }, cookie)).status).toBe(303);
    expect(await propose(flagged.claimId, { sourceNumber: book.id, quote: "p. 11" }, cookie)).toMatchObject({
      status: 409,
      body: { errors: { form: "That source is already proposed for this claim." } },
    });
    expect(await propose(flagged.claimId, { sourceId: 999_999, quote: "q" }, cookie)).toMatchObject({ status: 404, body: { errors: { form: "The library has no source number 999999." } } });
  });

  it("refuses an anonymous proposer, a bad address, and a claim that is settled", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const { body: flagged } = await flag(commentFlag(seed), member.cookie);
    expect((await propose(flagged.claimId, { ...TAIPEI_TIMES, quote: TAIPEI_QUOTE })).status).toBe(401);
    expect(await propose(flagged.claimId, { ...TAIPEI_TIMES, url: "javascript:alert(1)", quote: TAIPEI_QUOTE }, member.cookie)).toMatchObject({
      status: 400,
      body: { errors: { url: "Enter the web address of the source, starting with http:// or https://." } },
    });
    await decide(moderator.cookie, flagged.claimId, "dismiss", "Not a factual claim");
    const late = await propose(flagged.claimId, { ...TAIPEI_TIMES, quote: TAIPEI_QUOTE }, member.cookie);
    expect(late.status).toBe(409);
    expect(late.body.errors.form).toMatch(new RegExp(`^Already dismissed by ${moderator.user.username} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\.$`));
    expect(await prisma.sourceProposal.count()).toBe(0);
  });
});

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
      details: { episode: seed.program.slug, ordinal: 3, removedClaimIds: [first, second] },
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

describe("the moderation queue", () => {
  async function queueWithClaims() {
    const seed = await seeded();
    const members = await Promise.all(Array.from({ length: 3 }, () => signedIn("member")));
    const flagBy = async (count: number, fields: Fields) => {
      let claimId = 0;
      for (const member of members.slice(0, count)) claimId = (await flag(fields, member.cookie)).body.claimId;
      return claimId;
    };
    const oldOnce = await flagBy(1, commentFlag(seed, "Russia appears to have arrested the four gunmen"));
    const thrice = await flagBy(3, commentFlag(seed));
    const newOnce = await flagBy(1, { intent: "flag-claim", targetType: "section", targetId: seed.articleSection.id, exact: seed.articleSection.plainText.slice(0, 30), reason: "source_unreliable", js: 1 });
    const twice = await flagBy(2, { intent: "flag-claim", targetType: "section", targetId: seed.section4.id, exact: seed.section4.plainText.slice(0, 40), reason: "other", note: "Page number?", js: 1 });
    const settled = await flagBy(3, commentFlag(seed, "Vladimir Putin held a press conference"));
    const day = 24 * 3600 * 1000;
    for (const [id, age] of [[oldOnce, 5], [thrice, 1], [newOnce, 2], [twice, 3], [settled, 9]] as const) {
      await prisma.claim.update({ where: { id }, data: { createdAt: new Date(Date.now() - age * day) } });
    }
    const moderator = await signedIn("moderator");
    await decide(moderator.cookie, settled, "dismiss", "Not a claim");
    await propose(newOnce, { ...TAIPEI_TIMES, quote: TAIPEI_QUOTE }, members[0]!.cookie);
    return { seed, moderator, ids: { oldOnce, thrice, newOnce, twice, settled } };
  }

  it("lists open and source_proposed claims, most flagged first, then the oldest", async () => {
    const { moderator, ids } = await queueWithClaims();
    const { status, body } = await queuePage("", moderator.cookie);
    expect(status).toBe(200);
    expect(body.items.map((item: { id: number }) => item.id)).toEqual([ids.thrice, ids.twice, ids.oldOnce, ids.newOnce]);
    expect(body.total).toBe(4);
    const thrice = body.items[0];
    expect(thrice).toMatchObject({ flaggerCount: 3, state: "open", exact: TAJIKISTAN, target: { type: "comment", label: "Comment #3 by Pterrafractyl" } });
    expect(thrice.prefix.length).toBe(32);
    expect(body.items[3].proposals).toEqual([expect.objectContaining({ quote: TAIPEI_QUOTE, source: expect.objectContaining({ outlet: "Taipei Times" }) })]);
    expect(body.items[1].notes).toEqual(["Page number?", "Page number?"]);
  });

  it("filters by episode, state, reason and target kind", async () => {
    const { seed, moderator, ids } = await queueWithClaims();
    const idsOf = async (search: string) => (await queuePage(search, moderator.cookie)).body.items.map((item: { id: number }) => item.id);
    expect(await idsOf(`?episode=${seed.article.slug}`)).toEqual([ids.newOnce]);
    expect(await idsOf("?state=source_proposed")).toEqual([ids.newOnce]);
    expect(await idsOf("?state=open&target=comment")).toEqual([ids.thrice, ids.oldOnce]);
    expect(await idsOf("?reason=other")).toEqual([ids.twice]);
    expect(await idsOf("?target=section")).toEqual([ids.twice, ids.newOnce]);
    expect((await queuePage("?state=dismissed", moderator.cookie)).status).toBe(400);
    const episodes = (await queuePage("", moderator.cookie)).body.episodes.map((episode: { slug: string }) => episode.slug);
    expect(episodes.sort()).toEqual([seed.article.slug, seed.program.slug].sort());
  });

  it("is for moderators and admins: a reader is sent to sign in, a member is refused", async () => {
    const anonymous = await queuePage();
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fmoderation");
    const member = await signedIn("member");
    expect(await queuePage("", member.cookie)).toMatchObject({ status: 403, body: "Your role does not allow this." });
    const admin = await signedIn("admin");
    expect((await queuePage("", admin.cookie)).status).toBe(200);
    expect((await listQueue({})).items).toEqual([]);
  });
});

describe("reading claims", () => {
  it("answers GET /api/claims with the public fields, filtered and paginated", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const open = (await flag(commentFlag(seed), member.cookie)).body.claimId;
    const dismissed = (await flag(commentFlag(seed, "Russia appears to have arrested the four gunmen"), member.cookie)).body.claimId;
    await decide(moderator.cookie, dismissed, "dismiss", "Not disputed");
    await pastGrace(); // a claim on a comment is listed once its grace period is over (issue 10, item 5)

    const { status, headers, body } = await apiList("?state=open");
    expect(status).toBe(200);
    expect(headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(body).toEqual({
      claims: [
        {
          id: open,
          state: "open",
          targetType: "comment",
          targetId: seed.comment3.id,
          exact: TAJIKISTAN,
          prefix: expect.any(String),
          suffix: expect.any(String),
          start: seed.comment3.body.indexOf(TAJIKISTAN),
          end: seed.comment3.body.indexOf(TAJIKISTAN) + TAJIKISTAN.length,
          flaggerCount: 1,
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          episode: seed.program.slug,
          url: `/claims/${open}`,
        },
      ],
      page: 1,
      pageCount: 1,
      total: 1,
    });
    expect((await apiList()).body.claims.map((claim: { id: number }) => claim.id)).toEqual([dismissed, open]);
    expect((await apiList(`?episode=${seed.article.slug}`)).body).toMatchObject({ claims: [], total: 0 });
    expect((await apiList("?page=2")).body).toMatchObject({ claims: [], page: 2, total: 2 });
  });

  it("refuses a bad query with a readable 400 and an unknown episode with a 404", async () => {
    expect(await apiList("?state=closed")).toMatchObject({ status: 400, body: { error: "The state must be one of: open, source_proposed, sourced, unsourced, dismissed, removed." } });
    expect(await apiList("?page=zero")).toMatchObject({ status: 400, body: { error: "The page must be a whole number." } });
    expect(await apiList("?episode=no-such-episode")).toMatchObject({ status: 404, body: { error: "No episode has the address “no-such-episode”." } });
    expect(await apiClaim("abc")).toMatchObject({ status: 400 });
    expect(await apiClaim("12345")).toMatchObject({ status: 404, body: { error: "No claim has the number 12345." } });
  });

  it("answers GET /api/claims/:id with the history and no flagger or moderator names", async () => {
    const seed = await seeded();
    const flagger = await signedIn("member");
    const moderator = await signedIn("moderator");
    const { claimId } = (await flag(commentFlag(seed), flagger.cookie)).body;
    await decide(moderator.cookie, claimId, "mark-unsourced", "No source found");
    await pastGrace(); // a claim on a comment is listed once its grace period is over (issue 10, item 5)
    const { status, body } = await apiClaim(String(claimId));
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: claimId, state: "unsourced", targetType: "comment", targetId: seed.comment3.id, episode: seed.program.slug, flaggerCount: 1 });
    expect(body.history).toEqual([
      { action: "flagged", fromState: null, toState: "open", reason: "No source given", createdAt: expect.any(String) },
      { action: "marked-unsourced", fromState: "open", toState: "unsourced", reason: "No source found", createdAt: expect.any(String) },
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toContain(flagger.user.username);
    expect(text).not.toContain(moderator.user.username);
  });

  it("lists recent claims on /claims for everyone, removed ones for moderators only", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const kept = (await flag({ intent: "flag-claim", targetType: "section", targetId: seed.section4.id, exact: seed.section4.plainText.slice(0, 40), reason: "no_source", js: 1 }, member.cookie)).body.claimId;
    const removed = (await flag(commentFlag(seed), member.cookie)).body.claimId;
    await decide(moderator.cookie, removed, "hide-comment", "Off topic", { commentId: seed.comment3.id });
    const list = async (cookie?: string) =>
      (await outcomeOf(() => claimsLoader({ request: get("/claims", cookie), params: {}, context: testContext }))).body.claims.map((claim: { id: number }) => claim.id);
    expect(await list()).toEqual([kept]);
    expect(await list(moderator.cookie)).toEqual([removed, kept]);
    expect(await getClaim(removed, null)).toBeNull();
  });

  it("leaves out claims on a comment its author deleted, whatever their state", async () => {
    const seed = await seeded();
    const author = await signedIn("member");
    const moderator = await signedIn("moderator");
    const written = await createComment({ episodeId: seed.program.id, parentId: null, author: author.user, body: "Half the gunmen were caught **in Bryansk**." });
    const { claimId } = (await flag({ intent: "flag-claim", targetType: "comment", targetId: written.id, exact: "in Bryansk", reason: "no_source", js: 1 }, author.cookie)).body;
    await decide(moderator.cookie, claimId, "mark-unsourced", "No report says so");
    await pastGrace(); // a claim on a comment is listed once its grace period is over (issue 10, item 5)
    expect((await apiList()).body.claims.map((claim: { id: number }) => claim.id)).toEqual([claimId]);
    await deleteOwnComment({ commentId: written.id, actor: author.user });
    expect((await apiList()).body).toMatchObject({ claims: [], total: 0 });
    expect((await apiClaim(String(claimId))).status).toBe(404);
    expect((await claimPage(claimId, moderator.cookie)).body.claim.state).toBe("unsourced");
  });

  it("shows the moderation log to everyone, with moderator names for moderators only", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const { claimId } = (await flag(commentFlag(seed), member.cookie)).body;
    await decide(moderator.cookie, claimId, "dismiss", "Opinion, not fact");
    const log = async (cookie?: string) => (await outcomeOf(() => logLoader({ request: get("/moderation/log", cookie), params: {}, context: testContext }))).body;
    expect((await log()).entries).toEqual([
      expect.objectContaining({ actor: "a moderator", text: `dismissed claim #${claimId}`, href: `/claims/${claimId}`, reason: "Opinion, not fact" }),
    ]);
    expect((await log(member.cookie)).entries[0].actor).toBe("a moderator");
    expect((await log(moderator.cookie)).entries[0].actor).toBe(moderator.user.username);
  });
});

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

describe("the public moderation log", () => {
  it("lists account decisions to staff only", async () => {
    const { listModerationLog } = await import("~/models/claim.server");
    const admin = await signedIn("admin");
    await prisma.moderationLog.create({ data: { actorId: admin.user.id, action: "user.suspended", targetType: "user", targetId: String(admin.user.id), reason: "spam" } });
    expect((await listModerationLog({ viewer: null })).total).toBe(0);
    expect((await listModerationLog({ viewer: { id: admin.user.id, role: "moderator" } })).total).toBe(1);
  });
});

describe("the sourcing summary", () => {
  it("counts an episode's claims by how they stand, in the archive, the API and the page", async () => {
    const seed = await seeded();
    const flagger = await signedIn("member");
    await flag(commentFlag(seed), flagger.cookie);
    await pastGrace(); // a claim on a comment is listed once its grace period is over (issue 10, item 5)
    const { getSourcingSummaries, listEpisodes } = await import("~/models/episode.server");
    const program = await prisma.episode.findFirstOrThrow({ where: { number: 863 }, select: { id: true, slug: true } });
    expect((await getSourcingSummaries([program.id])).get(program.id)).toEqual({ open: 1, sourced: 0, unsourced: 0, dismissed: 0, suggested: expect.any(Number) });
    const archive = await listEpisodes();
    expect(archive.episodes.find((episode) => episode.slug === program.slug)?.sourcing).toEqual({ open: 1, sourced: 0, unsourced: 0, dismissed: 0, suggested: expect.any(Number) });
    const { loader } = await import("~/routes/api.episodes.$slug");
    const response = await loader({ request: new Request(`http://localhost/api/episodes/${program.slug}`), params: { slug: program.slug }, context: { clientIp: "127.0.0.1" } });
    expect((await response.json()).sourcing).toEqual({ open: 1, sourced: 0, unsourced: 0, dismissed: 0, suggested: expect.any(Number) });
  });
});
