import { describe, expect, it } from "vitest";
import { createComment, deleteOwnComment } from "~/models/comment.server";
import { getClaim } from "~/models/claims/index.server";
import { loader as claimsLoader } from "~/routes/claims._index";
import { loader as logLoader } from "~/routes/moderation.log";
import { prisma } from "~/utils/db.server";
import { outcomeOf, signedIn, testContext } from "../../factories";
import { get, flag, claimPage, apiList, apiClaim, TAJIKISTAN, pastGrace, seeded, commentFlag, decide } from "./helpers";

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
          acceptedQuoteCheck: null,
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
    const slug = (await prisma.episode.findFirstOrThrow({ where: { comments: { some: { id: seed.comment3.id } } }, select: { slug: true, title: true } }));
    const [entry] = (await log()).entries;
    // A sentence in plain words, with links to the claim, its place and its episode; never "claim.dismissed on claim #N".
    expect(entry).toMatchObject({ actor: "a moderator", text: `A moderator dismissed claim #${claimId} in comment #3 of “${slug.title}”.`, reason: "Opinion, not fact" });
    expect(entry.sentence.filter((part: { href?: string }) => part.href).map((part: { href: string }) => part.href)).toEqual([
      `/claims/${claimId}`,
      `/episodes/${slug.slug}?c=3#comment-3`,
      `/episodes/${slug.slug}`,
    ]);
    expect((await log(member.cookie)).entries[0].actor).toBe("a moderator");
    expect((await log(moderator.cookie)).entries[0].actor).toBe(moderator.user.username);
  });
});
