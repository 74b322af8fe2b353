// Issue 15: two app processes on one database share everything a reader can notice. Each is a real
// `npm run serve` (scripts/serve.ts, WEB_CONCURRENCY=1) in a process of its own, on this worker's
// database: sign-in throttling counts in PostgreSQL, and a page one process keeps in its cache is renewed
// when the other one writes (the episode's content version, pushed by NOTIFY, ADR 0022).
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { serveArguments } from "../../scripts/bench/server-process";
import { freePort } from "../../scripts/db/embedded";
import { createNamedUser, signedIn } from "../factories";
import { httpClient, type TestApp } from "../http";

interface AppProcess {
  app: TestApp;
  stop(): Promise<void>;
}

const running: ChildProcess[] = [];

/** `npm run serve` with one process, on this worker's database; resolves once it says it is ready. */
async function serve(): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, serveArguments(), {
    env: {
      ...process.env,
      PORT: String(port),
      WEB_CONCURRENCY: "1",
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      // Claims on comments are public at once, so the anonymous page shows them.
      CLAIM_GRACE_MINUTES: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      if (/ready in/.test(output)) resolve();
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => reject(new Error(`npm run serve exited with ${code}:\n${output}`)));
  });
  return {
    app: httpClient(`http://localhost:${port}`),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

let a: AppProcess;
let b: AppProcess;

beforeAll(async () => {
  [a, b] = await Promise.all([serve(), serve()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
});

const PASSWORD = "correct horse battery";

async function signIn(app: TestApp, password: string) {
  return app.post("/login", { username: "chief", password });
}

describe("two app processes on one database", () => {
  it("refuse the 11th failed sign-in for a username from one address, whichever process gets it", async () => {
    await createNamedUser("chief", { role: "admin", password: PASSWORD });
    // Ten wrong passwords, every other one through the other process. From the fifth on, each failure
    // makes the (username, address) pair wait (ADR 0012); the wait is let pass without waiting for it,
    // except after the tenth.
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await signIn(attempt % 2 ? a.app : b.app, `guess ${attempt}`);
      expect(response.status, `attempt ${attempt}`).toBe(400);
      if (attempt < 10) await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "sign-in-wait:" } } });
    }
    for (const app of [a.app, b.app]) {
      const refused = await signIn(app, PASSWORD);
      expect(refused.status).toBe(429);
      // The wait after the tenth failure of the pair is 64 s: both processes counted into one record. Had
      // each counted its own five, the wait would be 2 s.
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(32);
    }
  });

  it("show a comment posted through A on B's cached anonymous page at B's next request", async () => {
    const episode = await prisma.episode.create({ data: { kind: "post", slug: "shared-thread", title: "A shared thread" } });
    const { cookie } = await signedIn("member");
    // B renders and caches the page, then answers it from its cache without asking the database.
    for (let i = 0; i < 3; i += 1) expect(await (await b.app.get(`/episodes/${episode.slug}`)).text()).not.toContain("Posted through A");

    const told = notified(episode.slug);
    await told.listening;
    const posted = await a.app.post(`/episodes/${episode.slug}`, { intent: "post-comment", body: "Posted through A.", js: "1" }, { cookie });
    expect(posted.status).toBe(200);
    // The commit's NOTIFY has gone out to every listening connection (this test's one among them).
    await told.received;

    const page = await freshPage(b.app, `/episodes/${episode.slug}`, "Posted through A.");
    expect(page.text).toContain("Posted through A.");
    expect(page.attempts).toBeLessThanOrEqual(MAX_ASKS);
  });

  it("change A's cached page and JSON twin when a claim is accepted on B", async () => {
    const episode = await prisma.episode.create({ data: { kind: "post", slug: "claimed-thread", title: "A claimed thread" } });
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    const body = "The attackers came from Tajikistan, the report says.";
    expect((await a.app.post(`/episodes/${episode.slug}`, { intent: "post-comment", body, js: "1" }, { cookie: member.cookie })).status).toBe(200);
    const comment = await prisma.comment.findFirstOrThrow({ where: { episodeId: episode.id }, select: { id: true } });
    const flagged = await a.app.post("/claims?index", { intent: "flag-claim", targetType: "comment", targetId: String(comment.id), exact: "came from Tajikistan", reason: "no_source", js: "1" }, { cookie: member.cookie });
    expect(flagged.status).toBe(200);
    const { id: claimId } = await prisma.claim.findFirstOrThrow({ where: { commentId: comment.id }, select: { id: true } });

    for (let i = 0; i < 3; i += 1) {
      expect(await (await a.app.get(`/episodes/${episode.slug}`)).text()).toContain(`data-claim-id="${claimId}" data-state="open"`);
      expect(((await (await a.app.get(`/api/episodes/${episode.slug}`)).json()) as { sourcing: { open: number } }).sourcing.open).toBe(1);
    }

    const source = { intent: "propose-source", url: "https://www.taipeitimes.com/News/editorials/archives/2024/03/30/2003815580", title: "Why ISIS attacked Russia", outlet: "Taipei Times", quote: "All of the alleged attackers are from Tajikistan." };
    // A plain form post: answered with a redirect to the claim (303).
    expect((await b.app.post(`/claims/${claimId}`, source, { cookie: member.cookie })).status).toBe(303);
    const proposal = await prisma.sourceProposal.findFirstOrThrow({ where: { claimId }, select: { id: true } });
    const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
    const told = notified(episode.slug);
    await told.listening;
    const decision = { intent: "resolve-claim", claimId: String(claimId), version: String(version), decision: "accept-source", proposalId: String(proposal.id), reason: "The Taipei Times says so",
      // The app processes run the quote check (issue 17): the page cannot be fetched from here, so accepting it takes its own reason.
      quoteReason: "The printed article says so; the page is unreachable from the test machine." };
    expect((await b.app.post("/moderation?index", decision, { cookie: moderator.cookie })).status).toBeLessThan(400);
    await told.received;
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { state: true } })).toEqual({ state: "sourced" });

    const sourced = `data-claim-id="${claimId}" data-state="sourced"`;
    const page = await freshPage(a.app, `/episodes/${episode.slug}`, sourced);
    expect(page.text).toContain(sourced);
    const json = (await (await a.app.get(`/api/episodes/${episode.slug}`)).json()) as { sourcing: { open: number; sourced: number } };
    expect(json.sourcing).toMatchObject({ open: 0, sourced: 1 });
  });
});

/**
 * Resolves `received` when PostgreSQL delivers the notification of `slug`'s new version to a connection
 * of this test: the write committed and its NOTIFY went out to every listener, the app processes' among them.
 */
function notified(slug: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const listening = client.connect().then(() => client.query("LISTEN footnote_episode_version"));
  const received = new Promise<void>((resolve) => {
    client.on("notification", (message) => {
      if (message.payload === slug) resolve();
    });
  }).finally(() => client.end());
  return { listening, received };
}

/**
 * The notification reaches each app process on its own connection, a moment apart from this test's: the
 * page is asked for again, each time after the previous answer, at most MAX_ASKS times. On a quiet
 * machine the first answer is fresh; the bound only keeps a starved machine from failing the test.
 */
const MAX_ASKS = 20;

async function freshPage(app: TestApp, path: string, expected: string) {
  let text = "";
  for (let attempts = 1; attempts <= MAX_ASKS; attempts += 1) {
    text = await (await app.get(path)).text();
    if (text.includes(expected)) return { text, attempts };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { text, attempts: MAX_ASKS + 1 };
}
