// The job queue (ADR 0029): the suggestion pass runs after the reply is answered, once per comment, and a
// job exists only when the write that queued it committed.
import { describe, expect, it } from "vitest";
import { enqueueJob, pendingJobs } from "~/models/jobs.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../factories";
import { testApp } from "../http";
import { runJobs } from "../jobs";

const CLAIM = "In 2019, 4,500 soldiers were sent to the region, officials said.";
const OTHER_CLAIM = "The ministry paid 4 million dollars to the contractor in 2021.";

async function episode(slug: string) {
  return prisma.episode.create({ data: { kind: "post", slug, title: `Episode ${slug}` }, select: { id: true, slug: true } });
}

describe("background jobs", { timeout: 120_000 }, () => {
  it("a reply is answered before its suggestions exist; running the queue makes them", async () => {
    const app = await testApp();
    const { slug } = await episode("jobs-reply");
    const { cookie } = await signedIn("member");
    const response = await app.post(`/episodes/${slug}`, { intent: "post-comment", body: CLAIM, parentId: "" }, { cookie });
    expect(response.status).toBe(303);
    const comment = await prisma.comment.findFirstOrThrow({ where: { body: CLAIM }, select: { id: true } });
    expect(await prisma.claimSuggestion.count({ where: { commentId: comment.id } })).toBe(0);
    // Beside the pass, the watchers' job of the new comment (ADR 0035).
    expect(await pendingJobs()).toEqual([{ task: "notify-comment", count: 1, failing: 0 }, { task: "suggest-claims", count: 1, failing: 0 }]);

    await runJobs();
    const suggestions = await prisma.claimSuggestion.findMany({ where: { commentId: comment.id }, select: { exact: true, status: true } });
    expect(suggestions).toEqual([{ exact: CLAIM, status: "pending" }]);
    expect(await pendingJobs()).toEqual([]);
  });

  it("edits before the pass runs leave one job for the comment, and the pass reads the text as it is then", async () => {
    const app = await testApp();
    const { slug } = await episode("jobs-edit");
    const { cookie } = await signedIn("member");
    await app.post(`/episodes/${slug}`, { intent: "post-comment", body: CLAIM, parentId: "" }, { cookie });
    const comment = await prisma.comment.findFirstOrThrow({ where: { body: CLAIM }, select: { id: true } });
    for (const body of [`${CLAIM} Edited once.`, OTHER_CLAIM]) {
      const edited = await app.post(`/episodes/${slug}`, { intent: "edit-comment", commentId: String(comment.id), body }, { cookie });
      expect(edited.status).toBe(303);
    }
    // Beside the pass, the watchers' job of the new comment (ADR 0035).
    expect(await pendingJobs()).toEqual([{ task: "notify-comment", count: 1, failing: 0 }, { task: "suggest-claims", count: 1, failing: 0 }]);

    await runJobs();
    const suggestions = await prisma.claimSuggestion.findMany({ where: { commentId: comment.id }, select: { exact: true, targetRevision: true } });
    expect(suggestions).toEqual([{ exact: OTHER_CLAIM, targetRevision: 3 }]);
  });

  it("a job queued in a transaction that rolls back never exists", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueJob(tx, "suggest-claims", { target: { type: "comment", id: 1 } });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await pendingJobs()).toEqual([]);
  });

  it("a comment hidden before its pass runs gets no suggestions", async () => {
    const app = await testApp();
    const { slug } = await episode("jobs-hidden");
    const { cookie } = await signedIn("member");
    await app.post(`/episodes/${slug}`, { intent: "post-comment", body: CLAIM, parentId: "" }, { cookie });
    await prisma.comment.updateMany({ where: { body: CLAIM }, data: { status: "hidden", statusReason: "test" } });
    await runJobs();
    expect(await prisma.claimSuggestion.count()).toBe(0);
  });

  it("a job whose payload is malformed fails with its reason and is kept, not run on guesses", async () => {
    await prisma.$executeRaw`SELECT graphile_worker.add_job('suggest-claims', '{"target":{"type":"user","id":-1}}'::json, max_attempts => 1)`;
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(" "));
    try {
      await runJobs();
    } finally {
      console.error = original;
    }
    expect(await pendingJobs()).toEqual([{ task: "suggest-claims", count: 1, failing: 1 }]);
    const [job] = await prisma.$queryRaw<{ last_error: string }[]>`SELECT last_error FROM graphile_worker._private_jobs`;
    expect(job!.last_error).toContain("suggest-claims: malformed payload");
    expect(errors.join("\n")).toContain("malformed payload");
  });
});
