// `npm run bench:post`: time to post a reply over HTTP — 200 sequential replies to the FTR #863
// discussion through the production server (session lookup, validation, rate limit, transaction),
// sent as the page's fetcher sends them: the first 100 on an episode nobody watches, the next 100 after
// 10,000 members started watching it (the fan-out is a job, ADR 0035: the reply should not grow).
import fs from "node:fs";
import { buildIfNeeded } from "../build-if-needed";
import { startServerProcess } from "./server-process";
import { machine, summarize } from "./stats";
import { withBenchDatabase } from "./with-database";

const POSTS = 200;
const WATCHERS = 10_000;
// The per-user posting limit is 10 a minute: the posts are spread over enough members.
const POSTS_PER_MEMBER = 10;

await buildIfNeeded(console.log);

const timings = await withBenchDatabase("post", async (url) => {
  const { importDocument } = await import("../../app/models/import/index.server");
  const { createUser } = await import("../../app/models/users/index.server");
  const { createSession, generateSessionToken } = await import("../../app/models/session.server");
  const { prisma } = await import("../../app/utils/db.server");
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
    // Warm-up on a throwaway member outside the measured posts.
    const warm = await createUser({ username: "bench-warm", password: "bench-password-123" });
    const token = generateSessionToken();
    await createSession(token, warm.id);
    for (let i = 0; i < 5; i++) {
      await fetch(endpoint, { method: "POST", body: new URLSearchParams({ intent: "post-comment", body: "warm", js: "1" }), headers: { Cookie: `footnote_session=${token}` } });
    }
    await server.timings(); // forget the warm-up
    const samples: number[] = [];
    for (let i = 0; i < POSTS / 2; i++) samples.push(await send(i));
    const unwatched = { roundTrip: samples.splice(0), server: await server.timings() };
    await prisma.$executeRaw`INSERT INTO "User" (username, "usernameKey", "passwordHash", "updatedAt") SELECT 'watcher-' || i, 'watcher-' || i, 'x', now() FROM generate_series(1, ${WATCHERS}::int) i`;
    await prisma.$executeRaw`INSERT INTO "Watch" ("userId", "episodeId", level) SELECT id, ${episode.id}, 'watching' FROM "User" WHERE username LIKE 'watcher-%'`;
    for (let i = POSTS / 2; i < POSTS; i++) samples.push(await send(i));
    const watched = { roundTrip: samples, server: await server.timings() };
    const stored = await prisma.comment.count({ where: { parentId: parent.id } });
    if (stored < POSTS) throw new Error(`only ${stored} replies were stored`);
    const notified = await prisma.notification.count({ where: { kind: "new-comments" } });
    return { unwatched, watched, notified };
  } finally {
    await server.stop();
  }
});

console.log(`Posting benchmark — ${POSTS} sequential replies over HTTP (loopback), ${machine()}`);
console.table({
  "post a reply, server time (ms), nobody watching": summarize(timings.unwatched.server),
  "post a reply, HTTP round trip (ms), nobody watching": summarize(timings.unwatched.roundTrip),
  [`post a reply, server time (ms), ${WATCHERS.toLocaleString("en")} watching`]: summarize(timings.watched.server),
  [`post a reply, HTTP round trip (ms), ${WATCHERS.toLocaleString("en")} watching`]: summarize(timings.watched.roundTrip),
});
console.log(`The watchers' notifications written by the fan-out jobs while the benchmark ran: ${timings.notified.toLocaleString("en")} (one grouped notification per watcher).`);

