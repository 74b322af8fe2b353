// Mail (issue 18, ADR 0035) through a real SMTP server in this process (smtp-server), read back with
// mailparser: verification first, the digest's items, one-click unsubscribe without signing in, and a
// refused delivery retried without a second copy.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createComment } from "~/models/comment.server";
import { enqueueJob } from "~/models/jobs.server";
import { requestEmailVerification, setEmailDelivery } from "~/models/mail.server";
import { setWatchLevel } from "~/models/watch.server";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/mail.unsubscribe.$token";
import { action as verifyAction } from "~/routes/mail.verify.$token";
import { prisma } from "~/utils/db.server";
import { createNamedUser, signedIn, testContext } from "../factories";
import { runJobs } from "../jobs";

const received: ParsedMail[] = [];
/** How many deliveries the server refuses before it accepts again. */
let refuseNext = 0;
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refuseNext > 0) {
          refuseNext -= 1;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          return callback(error);
        }
        simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  refuseNext = 0;
});

/** Retries and digests wait for their time; the test moves every waiting job to now instead of sleeping. */
async function makeJobsDue() {
  await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL`;
}

const post = (url: string, form: Record<string, string>) => new Request(url, { method: "POST", body: new URLSearchParams(form) });

/** A member with a verified address (through the link of the verification mail) and an episode they watch. */
async function verifiedWatcher(delivery: "immediate" | "daily") {
  const ada = await createNamedUser("ada", { email: "ada@example.org" });
  const episode = await prisma.episode.create({ data: { kind: "program", slug: "ftr-863", number: 863, title: "FTR #863" }, select: { id: true } });
  await setWatchLevel({ user: ada, target: { type: "episode", id: episode.id }, level: "watching" });
  await setEmailDelivery(ada.id, delivery);
  const other = await signedIn("member");
  // Before verification nothing but the verification mail goes out.
  await createComment({ episodeId: episode.id, parentId: null, author: other.user, body: "Written before the address was verified." });
  await requestEmailVerification(ada.id);
  await runJobs();
  await makeJobsDue();
  await runJobs();
  expect(received.map((mail) => mail.subject)).toEqual(["Confirm your e-mail address for Footnote"]);
  const token = /\/mail\/verify\/([A-Za-z0-9_-]+)/.exec(received[0]!.text!)![1]!;
  await verifyAction({ request: post(`http://localhost/mail/verify/${token}`, {}), params: { token }, context: testContext });
  received.length = 0;
  return { ada, episode, other };
}

describe("mail", { timeout: 120_000 }, () => {
  it("the daily digest holds what happened since, with plain text, HTML and a one-click unsubscribe", async () => {
    const { ada, episode, other } = await verifiedWatcher("daily");
    await runJobs();
    await makeJobsDue();
    await runJobs();
    // What waited for the address came once it was verified: the comment from before.
    expect(received.map((mail) => mail.subject)).toEqual(["Footnote daily digest: 1 new notification"]);
    received.length = 0;

    const third = await signedIn("member");
    await createComment({ episodeId: episode.id, parentId: null, author: other.user, body: "Second comment." });
    await createComment({ episodeId: episode.id, parentId: null, author: other.user, body: "Third comment." });
    await createComment({ episodeId: episode.id, parentId: null, author: third.user, body: "What do you say, @ada?" });
    await runJobs();
    expect(received).toEqual([]); // the digest waits for its hour
    await makeJobsDue();
    await runJobs();
    expect(received).toHaveLength(1);
    const digest = received[0]!;
    expect(digest.subject).toBe("Footnote daily digest: 3 new notifications");
    expect((digest.to as { text: string }).text).toBe("ada@example.org");
    expect(digest.text).toContain("2 new comments on FTR #863");
    expect(digest.text).toContain(`${third.user.username} mentioned you on “FTR #863”`);
    expect(digest.html).toContain("2 new comments on FTR #863");
    const header = (key: string) => digest.headerLines.find((line) => line.key === key)?.line ?? "";
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const unsubscribeUrl = /<([^>]+)>/.exec(header("list-unsubscribe"))![1]!;
    expect(digest.text).toContain(unsubscribeUrl);
    const token = unsubscribeUrl.split("/").at(-1)!;

    // A GET only asks; a POST without any session, as a mail program sends it, unsubscribes.
    const page = await unsubscribeLoader({ request: new Request(unsubscribeUrl), params: { token }, context: testContext });
    expect(page.subscribed).toBe(true);
    expect(await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: ada.id }, select: { emailDelivery: true } })).toEqual({ emailDelivery: "daily" });
    const answer = await unsubscribeAction({ request: post(unsubscribeUrl, { "List-Unsubscribe": "One-Click" }), params: { token }, context: testContext });
    expect(answer.subscribed).toBe(false);

    await createComment({ episodeId: episode.id, parentId: null, author: other.user, body: "After the unsubscribe." });
    await runJobs();
    await makeJobsDue();
    await runJobs();
    expect(received).toHaveLength(1);
  });

  it("a reply mails its parent's author at once; a reply in a thread they muted mails nothing", async () => {
    const { ada, episode, other } = await verifiedWatcher("immediate");
    await runJobs();
    await makeJobsDue();
    await runJobs();
    const question = await createComment({ episodeId: episode.id, parentId: null, author: ada, body: "Who said so?" });
    await runJobs();
    received.length = 0;

    // The fan-out's one statement names ada by the reply notification the insert wrote, not by a watch.
    await createComment({ episodeId: episode.id, parentId: question.id, author: other.user, body: "The report did." });
    await runJobs();
    expect(received.map((mail) => mail.subject)).toEqual([`${other.user.username} replied to your comment on “FTR #863”`]);
    received.length = 0;

    await setWatchLevel({ user: ada, target: { type: "thread", id: question.id }, level: "muted" });
    await createComment({ episodeId: episode.id, parentId: question.id, author: other.user, body: "And so did the minister." });
    await runJobs();
    await makeJobsDue();
    await runJobs();
    expect(received).toEqual([]);
    expect(await prisma.notification.count({ where: { userId: ada.id, readAt: null, emailedAt: null } })).toBe(0);
  });

  it("a refused delivery is retried and delivered once", async () => {
    const { episode, other } = await verifiedWatcher("immediate");
    await runJobs();
    await makeJobsDue();
    await runJobs();
    received.length = 0;
    refuseNext = 1;
    await createComment({ episodeId: episode.id, parentId: null, author: other.user, body: "A comment worth a mail." });
    await runJobs();
    expect(received).toEqual([]);
    const mail = await prisma.mail.findFirstOrThrow({ where: { kind: "notifications", sentAt: null }, select: { id: true, attempts: true, lastError: true } });
    expect(mail.attempts).toBe(1);
    expect(mail.lastError).toMatch(/Try again later/);

    await makeJobsDue();
    await runJobs();
    expect(received.map((message) => message.subject)).toEqual([`${other.user.username} commented on FTR #863`]);
    // The same mail queued again (a duplicate job, a crash after the send) is not sent again.
    await enqueueJob(prisma, "send-mail", { mailId: mail.id });
    await runJobs();
    expect(received).toHaveLength(1);
    expect(await prisma.mail.findUniqueOrThrow({ where: { id: mail.id }, select: { attempts: true, transport: true } })).toEqual({ attempts: 2, transport: "smtp" });
  });
});
