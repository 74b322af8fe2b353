// `npm run bench:queue`: the moderation queue and the claims API over 100,000 synthetic claims, through
// the model and through HTTP against the production build in a separate server process, and the
// throughput of sequential flags through the model. Runs against its own throwaway database.
import fs from "node:fs";
import { buildIfNeeded } from "../build-if-needed";
import { startServerProcess } from "./server-process";
import { machine, summarize } from "./stats";
import { withBenchDatabase } from "./with-database";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARM_UP = 20;
const FLAGS = Number(process.env.BENCH_FLAGS ?? 500);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);

await buildIfNeeded(console.log);

const { rows, throughput } = await withBenchDatabase("queue", async (url) => {
  const { importDocument } = await import("../../app/models/import/index.server");
  const { flagClaim, listClaimsApi, listQueue } = await import("../../app/models/claims/index.server");
  const { createSession, generateSessionToken } = await import("../../app/models/session.server");
  const { SESSION_COOKIE } = await import("../../app/utils/session.server");
  const { prisma } = await import("../../app/utils/db.server");

  for (const file of fs.readdirSync("seeds").filter((name) => name.endsWith(".txt")).sort()) {
    await importDocument({ fileName: file, bytes: fs.readFileSync(`seeds/${file}`) });
  }
  const program = await prisma.episode.findFirstOrThrow({ where: { number: 863 }, select: { id: true } });

  // Accounts without a password worth hashing: the benchmark never signs in through the form.
  await prisma.user.createMany({
    data: [
      { username: "bench-moderator", usernameKey: "bench-moderator", passwordHash: "x", role: "moderator" },
      ...Array.from({ length: FLAGS + 1 }, (_, i) => ({ username: `bench-member-${i}`, usernameKey: `bench-member-${i}`, passwordHash: "x" })),
    ],
  });
  const moderator = await prisma.user.findUniqueOrThrow({ where: { usernameKey: "bench-moderator" }, select: { id: true } });
  const members = await prisma.user.findMany({ where: { role: "member" }, orderBy: { id: "asc" }, select: { id: true, role: true } });

  console.log(`inserting ${COMMENTS.toLocaleString("en")} synthetic comments and ${CLAIMS.toLocaleString("en")} synthetic claims…`);
  const started = performance.now();
  // A long discussion on the article, one comment in a hundred deleted by its author and one in five
  // hundred hidden: public claim lists must leave out the claims on those.
  await prisma.$executeRaw`
    INSERT INTO "Comment" ("episodeId", ordinal, format, body, "postedAt", status, "updatedAt")
    SELECT e.id, 1000 + g, 'markdown', 'Synthetic comment ' || g || ', with a sentence a member might flag as needing a source.',
      now() - g * interval '1 minute',
      (CASE WHEN g % 100 = 0 THEN 'deleted' WHEN g % 500 = 1 THEN 'hidden' ELSE 'visible' END)::"CommentStatus", now()
    FROM generate_series(1, ${COMMENTS}::int) AS g, (SELECT id FROM "Episode" WHERE kind = 'article' LIMIT 1) AS e`;
  // Seven in ten open, three in twenty with a proposed source, the rest settled; flagger counts skewed
  // towards one; ages over half a year; two in three on sections, one in three on comments (of the
  // program and the synthetic discussion).
  await prisma.$executeRaw`
    WITH s AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Section"),
         c AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Comment")
    INSERT INTO "Claim" ("episodeId", "targetType", "sectionId", "commentId", exact, prefix, suffix, start, "end",
                         "targetRevision", state, version, "flaggerCount", "createdAt", "updatedAt")
    SELECT
      CASE WHEN g % 3 = 0 THEN (SELECT "episodeId" FROM "Comment" WHERE id = c.ids[1 + g % array_length(c.ids, 1)])
           ELSE (SELECT "episodeId" FROM "Section" WHERE id = s.ids[1 + g % array_length(s.ids, 1)]) END,
      (CASE WHEN g % 3 = 0 THEN 'comment' ELSE 'section' END)::"ClaimTargetType",
      CASE WHEN g % 3 = 0 THEN NULL ELSE s.ids[1 + g % array_length(s.ids, 1)] END,
      CASE WHEN g % 3 = 0 THEN c.ids[1 + g % array_length(c.ids, 1)] ELSE NULL END,
      'synthetic claim number ' || g, 'the words before it, about thirty-two', 'and the words after it, also long',
      (g * 37) % 5000, (g * 37) % 5000 + 24, 1,
      (CASE WHEN g % 20 < 14 THEN 'open' WHEN g % 20 < 17 THEN 'source_proposed' WHEN g % 20 = 17 THEN 'sourced'
            WHEN g % 20 = 18 THEN 'unsourced' ELSE 'dismissed' END)::"ClaimState",
      1, 1 + floor(power(random(), 4) * 12)::int, now() - random() * interval '180 days', now()
    FROM generate_series(1, ${CLAIMS}::int) AS g, s, c`;
  await prisma.$executeRaw`
    INSERT INTO "Flag" ("claimId", "userId", reason, "createdAt")
    SELECT id, ${members[0]!.id}::int, (ARRAY['no_source', 'source_does_not_support', 'source_unreliable', 'other'])[1 + id % 4]::"FlagReason", "createdAt"
    FROM "Claim"`;
  // What autovacuum does on a live database: statistics, and the visibility map index-only scans rely on.
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  console.log(`inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const time = async (work: () => Promise<unknown>) => {
    for (let i = 0; i < WARM_UP; i++) await work();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const at = performance.now();
      await work();
      samples.push(performance.now() - at);
    }
    return summarize(samples);
  };

  const results: Record<string, ReturnType<typeof summarize>> = {};
  results["model: queue, first page"] = await time(() => listQueue({}));
  results["model: queue, comments + reason other"] = await time(() => listQueue({ filters: { target: "comment", reason: "other" } }));
  results["model: queue, page 40"] = await time(() => listQueue({ page: 40 }));
  results["model: claims API, state=open"] = await time(() => listClaimsApi({ state: "open" }));

  const server = await startServerProcess({ databaseUrl: url });
  try {
    const token = generateSessionToken();
    await createSession(token, moderator.id);
    const cookie = `${SESSION_COOKIE}=${token}`;
    const fetchOk = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.origin}${path}`, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    };
    results["HTTP: GET /moderation (moderator)"] = await time(() => fetchOk("/moderation", { Cookie: cookie }));
    results["HTTP: GET /api/claims?state=open"] = await time(() => fetchOk("/api/claims?state=open"));
    results["HTTP: GET /api/claims?state=open&page=100"] = await time(() => fetchOk("/api/claims?state=open&page=100"));
  } finally {
    await server.stop();
  }

  // Sequential flags, each by another member: half on spans of the program's sections, where the synthetic
  // claims lie thick and a flag mostly joins one; half on synthetic comments, where it starts a claim.
  const sections = await prisma.section.findMany({ where: { episodeId: program.id }, select: { id: true, plainText: true } });
  const comments = await prisma.comment.findMany({ where: { status: "visible", format: "markdown" }, orderBy: { id: "desc" }, take: FLAGS, select: { id: true } });
  const targets: { target: { type: "section" | "comment"; id: number }; exact: string }[] = [];
  for (let offset = 0; targets.length < FLAGS; offset += 41) {
    for (const section of sections) {
      const exact = section.plainText.slice(offset, offset + 24).trim();
      if (exact.length < 8 || targets.length >= FLAGS) continue;
      targets.push({ target: { type: "section", id: section.id }, exact });
      const comment = comments[targets.length];
      if (comment && targets.length < FLAGS) targets.push({ target: { type: "comment", id: comment.id }, exact: "a sentence a member might flag" });
    }
  }
  const flagStarted = performance.now();
  let joined = 0;
  for (const [index, { target, exact }] of targets.entries()) {
    const result = await flagClaim({ user: members[index + 1]!, target, exact, reason: "no_source" });
    if (result.joined) joined += 1;
  }
  const seconds = (performance.now() - flagStarted) / 1000;
  return {
    rows: results,
    throughput: { flags: targets.length, joined, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(targets.length / seconds) },
  };
});

console.log(`Queue benchmark — ${CLAIMS.toLocaleString("en")} claims, ${RUNS} sequential runs each after ${WARM_UP} warm-up, ${machine()}`);
console.table(Object.fromEntries(Object.entries(rows).map(([name, stats]) => [name, { "p50 ms": stats.p50, "p95 ms": stats.p95, "p99 ms": stats.p99, "mean ms": stats.mean }])));
console.log(
  `Flagging: ${throughput.flags} sequential flags through the model in ${throughput.seconds} s = ${throughput.perSecond} flags/s (${throughput.joined} joined an existing claim)`,
);
