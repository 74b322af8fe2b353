// Issue 10, item 7: writes that happen whole or not at all, over HTTP. Each race is made deterministic
// by holding a lock while the requests start (tests/locks.ts).
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../factories";
import { testApp } from "../http";
import { runJobs } from "../jobs";
import { whileLocked } from "../locks";
import { pendingJobs } from "~/models/jobs.server";

async function episode(slug: string) {
  return prisma.episode.create({ data: { kind: "post", slug, title: `Episode ${slug}` }, select: { id: true, slug: true } });
}

describe("writes that half-happen (issue 10, item 7)", { timeout: 120_000 }, () => {
  it("a comment saved while its suggestions fail is answered as posted, saved once, and its pass kept to retry", async () => {
    const app = await testApp();
    const { slug } = await episode("suggestions-fail");
    const { cookie } = await signedIn("member");
    // Every write of suggestions fails, as a unique violation would.
    await prisma.$executeRawUnsafe(`CREATE FUNCTION test_fail_suggestions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'suggestions unavailable' USING ERRCODE = 'unique_violation'; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER test_fail_suggestions BEFORE INSERT OR DELETE ON "ClaimSuggestion"
      FOR EACH STATEMENT EXECUTE FUNCTION test_fail_suggestions()`);
    try {
      const body = "In 2019, 4,500 soldiers were sent to the region, officials said.";
      const response = await app.post(`/episodes/${slug}`, { intent: "post-comment", body, parentId: "" }, { cookie });
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe(`/episodes/${slug}?c=L1#comment-L1`);
      expect(await prisma.comment.count({ where: { body } })).toBe(1);
      // The pass runs after the answer (ADR 0029): it fails, the comment stays, the job waits for a retry.
      await runJobs().catch(() => {});
      expect(await prisma.comment.count({ where: { body } })).toBe(1);
      expect(await pendingJobs()).toEqual([{ task: "suggest-claims", count: 1, failing: 1 }]);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER test_fail_suggestions ON "ClaimSuggestion"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION test_fail_suggestions()`);
    }
  });

  it("an author deleting a comment a moderator is hiding at that moment does not undo the hide", async () => {
    const app = await testApp();
    const { id: episodeId, slug } = await episode("delete-vs-hide");
    const { user, cookie } = await signedIn("member");
    const comment = await prisma.comment.create({
      data: { episodeId, authorId: user.id, ordinal: 1, body: "Something a moderator hides.", postedAt: new Date() },
      select: { id: true },
    });
    const [answer] = await whileLocked(
      (tx) => tx.$executeRaw`UPDATE "Comment" SET status = 'hidden', "statusReason" = 'abusive' WHERE id = ${comment.id}`,
      1,
      () => [app.post(`/episodes/${slug}`, { intent: "delete-comment", commentId: String(comment.id) }, { cookie })],
    );
    expect(answer!.status).toBe(409);
    expect(await answer!.text()).toContain("A moderator hid this comment");
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true, statusReason: true } })).toEqual({
      status: "hidden",
      statusReason: "abusive",
    });
  });

  it("two moderators promoting one suggestion at once: one claim with one flag, and a clear 409 for the other", async () => {
    const app = await testApp();
    const { id: episodeId } = await episode("promote-race");
    const text = "The ministry paid 4 million dollars to the contractor in 2021.";
    const section = await prisma.section.create({
      data: { episodeId, position: 0, label: "1", blocks: [{ type: "paragraph", text }] as Prisma.InputJsonValue, plainText: text },
      select: { id: true },
    });
    const suggestion = await prisma.claimSuggestion.create({
      data: { episodeId, sectionId: section.id, start: 0, end: text.length, exact: text, prefix: "", suffix: "", score: 0.9, signals: ["figure"], targetRevision: 1 },
      select: { id: true },
    });
    const first = await signedIn("moderator");
    const second = await signedIn("moderator");
    const promote = (cookie: string) => app.post("/moderation/suggestions", { intent: "promote-suggestion", suggestionId: String(suggestion.id) }, { cookie });
    // Both requests pass their first look at the suggestion, then wait for the section's flag lock.
    const answers = await whileLocked(
      (tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claims:section:${section.id}`}))`,
      2,
      () => [promote(first.cookie), promote(second.cookie)],
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(await refused.text()).toContain("already promoted");
    const claims = await prisma.claim.findMany({ select: { flaggerCount: true, _count: { select: { flags: true, events: true } } } });
    expect(claims).toEqual([{ flaggerCount: 1, _count: { flags: 1, events: 1 } }]);
    expect(await prisma.moderationLog.count({ where: { action: "suggestion.promoted" } })).toBe(1);
  });
});
