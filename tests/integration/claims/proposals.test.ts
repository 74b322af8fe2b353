import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../../factories";
import { flag, propose, claimPage, TAIPEI_TIMES, TAIPEI_QUOTE, pastGrace, seeded, commentFlag, decide, events, toastOf } from "./helpers";

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
