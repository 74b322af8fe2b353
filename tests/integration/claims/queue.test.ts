import { describe, expect, it } from "vitest";
import { listQueue } from "~/models/claims/index.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../../factories";
import { type Fields, flag, propose, queuePage, TAJIKISTAN, TAIPEI_TIMES, TAIPEI_QUOTE, seeded, commentFlag, decide } from "./helpers";

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
