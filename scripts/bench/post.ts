// `npm run bench:post`: time to post a reply over HTTP — 200 sequential replies to the FTR #863
// discussion through the production server (session lookup, validation, rate limit, transaction),
// sent as the page's fetcher sends them: the first 100 on an episode nobody watches, the next 100 after
// 10,000 members started watching it (the fan-out is a job, ADR 0035: the reply should not grow).
// Beside the time, the cost: CPU ms per reply of the app process (the request and the jobs it queued, run
// in the same process as `npm run serve` runs them) and of PostgreSQL, read from /proc once the queue is empty.
// Beside Footnote, in the same run and on the same database, its reference: a bare node:http + pg server
// that only looks up the session and inserts the same row (scripts/bench/reply-floor.ts), as nginx is the
// reference of the read benchmark. Absolute figures drift from machine to machine; the ratio is the figure.
import fs from "node:fs";
import { buildIfNeeded } from "../build-if-needed";
import { startServerProcess } from "./server-process";
import { postmasterOnPort, treesCpuMs } from "./proc";
import { machine, summarize } from "./stats";
import { withBenchDatabase } from "./with-database";

const POSTS = 200;
const WATCHERS = 10_000;
// The per-user posting limit is 10 a minute: the posts are spread over enough members.
const POSTS_PER_MEMBER = 10;
// Replies before the measured ones, so that the server's code is compiled (V8 optimises what runs often)
// and its connections have prepared their statements: the figures are a running server's.
const WARM_UP = 50;

await buildIfNeeded(console.log);

/**
 * The reference server's replies, sent as Footnote's are (the same members, body and parent, one at a
 * time after a warm-up): its server time and the CPU per reply of its process and of PostgreSQL.
 */
async function measureReference(url: string, slug: string, parentId: number, cookies: string[]) {
  const floor = await startServerProcess({ databaseUrl: url, timing: true, script: "scripts/bench/reply-floor.ts" });
  const postmaster = postmasterOnPort(Number(new URL(url).port));
  const cpu = () => ({ app: treesCpuMs([floor.pid]), database: postmaster ? treesCpuMs([postmaster]) : Number.NaN });
  const send = async (index: number) => {
    const body = new URLSearchParams({ body: `Reference reply ${index}: according to the report, 137 people died.`, parentId: String(parentId) });
    const start = performance.now();
    const response = await fetch(`${floor.origin}/episodes/${slug}`, { method: "POST", body, headers: { Cookie: cookies[Math.floor(index / POSTS_PER_MEMBER) % cookies.length]! } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`reference reply ${index} answered ${response.status}`);
    return performance.now() - start;
  };
  try {
    for (let i = 0; i < WARM_UP; i++) await send(i);
    await floor.timings();
    const before = cpu();
    const roundTrip: number[] = [];
    for (let i = 0; i < POSTS / 2; i++) roundTrip.push(await send(i));
    const after = cpu();
    return {
      roundTrip,
      server: await floor.timings(),
      cpu: {
        "app process (request + its jobs)": Math.round(((after.app - before.app) / (POSTS / 2)) * 100) / 100,
        PostgreSQL: Math.round(((after.database - before.database) / (POSTS / 2)) * 100) / 100,
      },
    };
  } finally {
    await floor.stop();
  }
}

const timings = await withBenchDatabase("post", async (url) => {
  const { importDocument } = await import("../../app/models/import/index.server");
  const { createUser } = await import("../../app/models/users/index.server");
  const { createSession, generateSessionToken } = await import("../../app/models/session.server");
  const { prisma } = await import("../../app/utils/db.server");
  const { pendingJobs } = await import("../../app/models/jobs.server");
  const file = "seeds/ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt";
  const { episode } = await importDocument({ fileName: "ftr-863.txt", bytes: fs.readFileSync(file) });
  const parent = await prisma.comment.findFirstOrThrow({ where: { episodeId: episode.id, ordinal: 3 }, select: { id: true } });
  const cookies: string[] = [];
  for (let i = 0; i < POSTS / POSTS_PER_MEMBER; i++) {
    const user = await createUser({ username: `bench-${i}`, password: "bench-password-123" });
    const token = generateSessionToken();
    await createSession(token, user.id);
    cookies.push(`footnote_session=${token}`);
  }

  const server = await startServerProcess({ databaseUrl: url, timing: true });
  const postmaster = postmasterOnPort(Number(new URL(url).port));
  const cpu = () => ({ app: treesCpuMs([server.pid]), database: postmaster ? treesCpuMs([postmaster]) : Number.NaN });
  // The jobs the replies queued are part of their cost: wait until the queue has run them.
  const drained = async () => {
    while ((await pendingJobs()).length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const costPerReply = (before: ReturnType<typeof cpu>, after: ReturnType<typeof cpu>, replies: number) => ({
    "app process (request + its jobs)": Math.round(((after.app - before.app) / replies) * 100) / 100,
    PostgreSQL: Math.round(((after.database - before.database) / replies) * 100) / 100,
  });
  // What the browser's fetcher sends: the single-fetch action request (the page revalidates separately,
  // which is the read benchmark's business).
  const endpoint = `${server.origin}/episodes/${episode.slug}.data`;
  const send = async (index: number) => {
    const body = new URLSearchParams({ intent: "post-comment", body: `Benchmark reply ${index}: according to the report, 137 people died.`, parentId: String(parent.id), js: "1" });
    const start = performance.now();
    const response = await fetch(endpoint, { method: "POST", body, headers: { Cookie: cookies[Math.floor(index / POSTS_PER_MEMBER)]! } });
    await response.arrayBuffer();
    const elapsed = performance.now() - start;
    if (response.status !== 200) throw new Error(`reply ${index} answered ${response.status}`);
    return elapsed;
  };
  try {
    // Warm-up on throwaway members outside the measured posts.
    for (let i = 0; i < WARM_UP; i++) {
      if (i % POSTS_PER_MEMBER === 0) {
        const warm = await createUser({ username: `bench-warm-${i}`, password: "bench-password-123" });
        const token = generateSessionToken();
        await createSession(token, warm.id);
        cookies.push(`footnote_session=${token}`);
      }
      const response = await fetch(endpoint, { method: "POST", body: new URLSearchParams({ intent: "post-comment", body: `warm-up ${i}`, js: "1" }), headers: { Cookie: cookies.at(-1)! } });
      if (response.status !== 200) throw new Error(`warm-up reply ${i} answered ${response.status}`);
    }
    await drained();
    await server.timings(); // forget the warm-up
    const samples: number[] = [];
    let before = cpu();
    for (let i = 0; i < POSTS / 2; i++) samples.push(await send(i));
    await drained();
    const unwatched = { roundTrip: samples.splice(0), server: await server.timings(), cpu: costPerReply(before, cpu(), POSTS / 2) };
    const reference = await measureReference(url, episode.slug, parent.id, cookies);
    await prisma.$executeRaw`INSERT INTO "User" (username, "usernameKey", "passwordHash", "updatedAt") SELECT 'watcher-' || i, 'watcher-' || i, 'x', now() FROM generate_series(1, ${WATCHERS}::int) i`;
    await prisma.$executeRaw`INSERT INTO "Watch" ("userId", "episodeId", level) SELECT id, ${episode.id}, 'watching' FROM "User" WHERE username LIKE 'watcher-%'`;
    before = cpu();
    for (let i = POSTS / 2; i < POSTS; i++) samples.push(await send(i));
    await drained();
    const watched = { roundTrip: samples, server: await server.timings(), cpu: costPerReply(before, cpu(), POSTS / 2) };
    const stored = await prisma.comment.count({ where: { parentId: parent.id } });
    if (stored < POSTS) throw new Error(`only ${stored} replies were stored`);
    const notified = await prisma.notification.count({ where: { kind: "new-comments" } });
    return { unwatched, reference, watched, notified };
  } finally {
    await server.stop();
  }
});

console.log(`Posting benchmark — ${POSTS} sequential replies over HTTP (loopback), ${machine()}`);
console.table({
  "post a reply, server time (ms), nobody watching": summarize(timings.unwatched.server),
  "post a reply, HTTP round trip (ms), nobody watching": summarize(timings.unwatched.roundTrip),
  "reference (bare node:http + pg), server time (ms)": summarize(timings.reference.server),
  "reference (bare node:http + pg), HTTP round trip (ms)": summarize(timings.reference.roundTrip),
  [`post a reply, server time (ms), ${WATCHERS.toLocaleString("en")} watching`]: summarize(timings.watched.server),
  [`post a reply, HTTP round trip (ms), ${WATCHERS.toLocaleString("en")} watching`]: summarize(timings.watched.roundTrip),
});
console.log("CPU per reply (ms), with the jobs it queued, from /proc:");
console.table({ "nobody watching": timings.unwatched.cpu, "reference (bare node:http + pg)": timings.reference.cpu, [`${WATCHERS.toLocaleString("en")} watching`]: timings.watched.cpu });
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
console.log(
  `Footnote's reply against the reference, nobody watching: ${times(mean(timings.unwatched.server), mean(timings.reference.server))} its mean server time, ` +
    `${times(timings.unwatched.cpu["app process (request + its jobs)"], timings.reference.cpu["app process (request + its jobs)"])} its app CPU, ` +
    `${times(timings.unwatched.cpu.PostgreSQL, timings.reference.cpu.PostgreSQL)} its PostgreSQL CPU.`,
);
console.log(`The watchers' notifications written by the fan-out jobs while the benchmark ran: ${timings.notified.toLocaleString("en")} (one grouped notification per watcher).`);

