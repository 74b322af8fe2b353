// `npm run test:load [-- --fault db-restart]`: the production build under 50 concurrent clients for 60 s
// on loopback, against its own throwaway embedded PostgreSQL. Every acknowledged write is recorded and
// checked in the database at the end. Figures: docs/performance.md, "Load and faults".
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIfNeeded } from "../build-if-needed";
import { ensureDatabaseExists, migrate } from "../db/database";
import { scratchDir, startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";
import { startServerProcess } from "../bench/server-process";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const FAULT = argv.includes("--fault") ? argv[argv.indexOf("--fault") + 1] : null;
if (FAULT !== null && FAULT !== "db-restart") throw new Error(`Unknown fault "${FAULT}" (known: db-restart).`);
const DURATION_S = option("duration", 60);
const CLIENTS = option("clients", 50);
// App processes on one database (each on its own port; clients spread over them): they share rate limits, sessions and page freshness.
const PROCESSES = option("processes", 1);
const MODERATORS = 5;
const FAULT_AT_S = 20;
const FAULT_FOR_S = 10;
const APP_PORT = Number(process.env.LOAD_PORT ?? 3310);
const PG_PORT = Number(process.env.LOAD_PG_PORT ?? 54410);
const REQUEST_TIMEOUT_MS = 30_000;
// The per-member limits (app/utils/rate-limit.server.ts) are respected by spreading writes over members.
const REPLIES_PER_MEMBER = 9; // postByUser: 10 a minute
const FLAGS_PER_MEMBER = 19; // flagByUser: 20 in 10 minutes

const log = (line: string) => console.log(`[load] ${line}`);
const seconds = () => (performance.now() - runStart) / 1000;
let runStart = performance.now();

// ---------------------------------------------------------------- the database and the app
log(`production build…`);
await buildIfNeeded(log);
const root = scratchDir("footnote-load-");
// LOAD_PG_LOG=FILE: the database's log — statements slower than 500 ms and lock waits past 1 s — goes to FILE.
const PG_LOG = process.env.LOAD_PG_LOG;
const clusterOptions = { dataDir: path.join(root, "pg"), port: PG_PORT, persistent: true, log: PG_LOG ? (line: string) => fs.appendFileSync(PG_LOG, `${line}\n`) : undefined };
let cluster: EmbeddedDatabase = await startEmbeddedPostgres(clusterOptions);
const url = cluster.url("footnote_load");
await ensureDatabaseExists(url);
await migrate(url);
if (PG_LOG) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (const setting of ["log_min_duration_statement = 500", "log_lock_waits = on", "deadlock_timeout = '1s'"]) await admin.query(`ALTER SYSTEM SET ${setting}`);
  await admin.query("SELECT pg_reload_conf()");
  await admin.end();
}
process.env.DATABASE_URL = url;
const db = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 2_000 });
db.on("error", () => {});

const { importDocument } = await import("../../app/models/import/index.server");
const { createUser } = await import("../../app/models/users/index.server");
const { createComment } = await import("../../app/models/comment.server");
const { closeAppConnections } = await import("../../app/models/connections.server");
const episodes: { id: number; slug: string }[] = [];
for (const file of fs.readdirSync("seeds").filter((name) => name.endsWith(".txt"))) {
  const { episode } = await importDocument({ fileName: file, bytes: fs.readFileSync(path.join("seeds", file)) });
  episodes.push({ id: episode.id, slug: episode.slug });
}
// Comments by a registered member: replies to them notify her, which the check at the end relies on.
const host = await createUser({ username: "load-host", password: "load-password-123" });
const PHRASES = ["137 people died in the attack", "the report was published on Tuesday", "four gunmen were arrested"];
const hostComments: { id: number; episodeId: number; slug: string }[] = [];
for (let i = 0; i < 20; i++) {
  const episode = episodes[i % episodes.length]!;
  const body = `Load statement ${i}: ${PHRASES[0]}. Then ${PHRASES[1]}. Police said ${PHRASES[2]}.`;
  const comment = await createComment({ episodeId: episode.id, parentId: null, author: { id: host.id, role: "member" } as never, body });
  hostComments.push({ id: comment.id, episodeId: episode.id, slug: episode.slug });
}
await closeAppConnections();

const servers: Awaited<ReturnType<typeof startServerProcess>>[] = [];
for (let i = 0; i < PROCESSES; i++) {
  servers.push(await startServerProcess({ databaseUrl: url, port: APP_PORT + i, env: { RATE_LIMIT_IP_SCALE: "1000" } }));
}
log(`${servers.length} app process(es) on ${servers.map((server) => server.origin).join(", ")}; database on 127.0.0.1:${PG_PORT}`);

// ---------------------------------------------------------------- measuring
type Kind = "page-anonymous" | "json" | "page-signed-in" | "reply" | "edit" | "flag" | "propose-source" | "moderator-decision" | "sign-up";
type Phase = "before" | "outage" | "after";
interface Sample {
  kind: Kind;
  status: number;
  ms: number;
  at: number;
  phase: Phase;
  /** During an outage: how long it waited while the database was away (from the stop, or from its sending if later). */
  outageMs?: number;
}
const samples: Sample[] = [];
interface Outage { stoppedAt: number; startedAt?: number; recoveredAt?: number }
let outage = null as Outage | null;
const outageViolations: string[] = [];

/**
 * A request belongs to the outage when it was still unanswered as the database stopped and was sent before
 * the app had seen it come back: one in flight at the stop may be answered 503 like those sent during it.
 */
function phaseOf(sentAt: number, answeredAt: number): Phase {
  if (!outage || answeredAt < outage.stoppedAt) return "before";
  if (outage.recoveredAt === undefined || sentAt < outage.recoveredAt) return "outage";
  return "after";
}

async function request(kind: Kind, origin: string, pathname: string, init: { method?: string; cookie?: string; form?: Record<string, string> } = {}) {
  const sentAt = seconds();
  const start = performance.now();
  const headers: Record<string, string> = { "Accept-Encoding": "gzip" };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.form) headers.Origin = origin;
  let status = 0;
  let location = "";
  let body = "";
  let retryAfter: string | null = null;
  try {
    const response = await fetch(origin + pathname, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body: init.form ? new URLSearchParams(init.form) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    location = response.headers.get("location") ?? "";
    retryAfter = response.headers.get("retry-after");
    body = await response.text();
  } catch (error) {
    status = -1; // no answer at all (timeout or connection error)
    body = String(error);
  }
  const ms = performance.now() - start;
  const answeredAt = seconds();
  const phase = phaseOf(sentAt, answeredAt);
  const outageMs = phase === "outage" && outage ? (answeredAt - Math.max(sentAt, outage.stoppedAt)) * 1000 : undefined;
  samples.push({ kind, status, ms, at: sentAt, phase, outageMs });
  if (phase === "outage" && status === 503) {
    if (!retryAfter) outageViolations.push(`${kind} ${pathname}: 503 without Retry-After`);
    if (/\n\s+at |node_modules|\.ts:\d+/.test(body)) outageViolations.push(`${kind} ${pathname}: 503 page shows a stack trace`);
    if (!/database|try again/i.test(body)) outageViolations.push(`${kind} ${pathname}: 503 without a readable message`);
  }
  if (phase === "outage" && status >= 500 && status !== 503) outageViolations.push(`${kind} ${pathname}: ${status} during the outage`);
  return { status, location, body };
}

// ---------------------------------------------------------------- members
interface Member { username: string; cookie: string; userId: number; role: "member" | "moderator"; origin: string; replies: { episodeId: number; slug: string; ordinal: number; id?: number }[]; flagged: Set<string>; flags: number }
const members: Member[] = [];
const signUp = async (i: number) => {
  const origin = servers[i % servers.length]!.origin;
  const username = `load-${i}`;
  const password = "load-password-123";
  const answer = await fetch(`${origin}/signup`, {
    method: "POST",
    headers: { Origin: origin },
    body: new URLSearchParams({ username, password, confirmPassword: password, email: "", redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = /footnote_session=[^;]+/.exec(answer.headers.get("set-cookie") ?? "")?.[0];
  if (answer.status !== 303 || !cookie) throw new Error(`sign-up of ${username} answered ${answer.status}`);
  members[i] = { username, cookie, userId: 0, role: "member", origin, replies: [], flagged: new Set(), flags: 0 };
};
log(`signing up ${CLIENTS} members over HTTP…`);
for (let i = 0; i < CLIENTS; i += 5) await Promise.all(Array.from({ length: Math.min(5, CLIENTS - i) }, (_, j) => signUp(i + j)));
const { rows: users } = await db.query<{ id: number; username: string }>(`SELECT id, username FROM "User" WHERE username LIKE 'load-%'`);
for (const member of members) member.userId = users.find((user) => user.username === member.username)!.id;
for (const member of members.slice(0, MODERATORS)) member.role = "moderator";
await db.query(`UPDATE "User" SET role = 'moderator' WHERE id = ANY($1)`, [members.slice(0, MODERATORS).map((member) => member.userId)]);

// ---------------------------------------------------------------- what was acknowledged
const acknowledged = {
  replies: [] as { episodeId: number; ordinal: number; authorId: number; body: string }[],
  edits: new Map<string, { episodeId: number; ordinal: number; body: string; count: number }>(),
  flags: [] as { claimId: number; userId: number }[],
  proposals: [] as { id: number; claimId: number; userId: number; quote: string }[],
  decisions: [] as { claimId: number; moderatorId: number; reason: string }[],
};
const unanswered = { edits: new Map<string, string[]>() };
const claimIds = new Set<number>();
let counter = 0;
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

async function reply(member: Member) {
  if (member.replies.length >= REPLIES_PER_MEMBER) return pageSignedIn(member);
  const parent = pick(hostComments);
  const body = `Load reply ${++counter} by ${member.username}: a source would help here.`;
  const answer = await request("reply", member.origin, `/episodes/${parent.slug}`, { cookie: member.cookie, form: { intent: "post-comment", parentId: String(parent.id), body } });
  // Comments posted here are named L1, L2… (ADR 0034): the local number is what identifies the reply.
  const ordinal = Number(/[?&]c=L(\d+)/.exec(answer.location)?.[1]);
  if (answer.status === 303 && ordinal) {
    acknowledged.replies.push({ episodeId: parent.episodeId, ordinal, authorId: member.userId, body });
    member.replies.push({ episodeId: parent.episodeId, slug: parent.slug, ordinal });
  }
}

async function edit(member: Member) {
  const own = member.replies.length ? pick(member.replies) : null;
  if (!own) return reply(member);
  // The edit form carries the comment's id; the client reads it where the page would show it (here: the database).
  own.id ??= await db.query<{ id: number }>(`SELECT id FROM "Comment" WHERE "episodeId" = $1 AND ordinal = $2 AND "originalOrdinal" IS NULL`, [own.episodeId, own.ordinal]).then((result) => result.rows[0]?.id).catch(() => undefined);
  if (!own.id) return;
  const body = `Load reply by ${member.username}, edited (${++counter}): a source would really help here.`;
  const answer = await request("edit", member.origin, `/episodes/${own.slug}`, { cookie: member.cookie, form: { intent: "edit-comment", commentId: String(own.id), body } });
  // An edit whose answer never came (no answer in time, or a 5xx) may still have been saved: its text is
  // not a lost write when found in place of the acknowledged one.
  if (answer.status !== 303 && (answer.status === -1 || answer.status >= 500)) unanswered.edits.set(`${own.episodeId}:${own.ordinal}`, [...(unanswered.edits.get(`${own.episodeId}:${own.ordinal}`) ?? []), body]);
  if (answer.status === 303) {
    const key = `${own.episodeId}:${own.ordinal}`;
    const previous = acknowledged.edits.get(key);
    acknowledged.edits.set(key, { episodeId: own.episodeId, ordinal: own.ordinal, body, count: (previous?.count ?? 0) + 1 });
  }
}

async function flag(member: Member) {
  if (member.flags >= FLAGS_PER_MEMBER) return json(member);
  const target = pick(hostComments);
  const exact = pick(PHRASES);
  const key = `${target.id}:${exact}`;
  if (member.flagged.has(key)) return json(member);
  member.flagged.add(key);
  member.flags++;
  const answer = await request("flag", member.origin, "/claims", { cookie: member.cookie, form: { intent: "flag-claim", targetType: "comment", targetId: String(target.id), exact, reason: "no_source" } });
  const claimId = Number(/\/claims\/(\d+)/.exec(answer.location)?.[1]);
  if (answer.status === 303 && claimId) {
    acknowledged.flags.push({ claimId, userId: member.userId });
    claimIds.add(claimId);
  }
}

async function propose(member: Member) {
  if (!claimIds.size) return flag(member);
  const claimId = pick([...claimIds]);
  const n = ++counter;
  const quote = `Load quote ${n}: the figure of 137 comes from the ministry's statement.`;
  const answer = await request("propose-source", member.origin, `/claims/${claimId}`, {
    cookie: member.cookie,
    form: { intent: "propose-source", url: `https://example.org/load/${n}`, title: `Load source ${n}`, quote },
  });
  // The answer sends the member to the proposal on the claim's page: /claims/N#proposal-ID.
  const proposalId = Number(/#proposal-(\d+)/.exec(answer.location)?.[1]);
  if (answer.status === 303 && proposalId) acknowledged.proposals.push({ id: proposalId, claimId, userId: member.userId, quote });
}

async function decide(member: Member) {
  if (!claimIds.size) return pageSignedIn(member);
  const claimId = pick([...claimIds]);
  // The queue shows each claim's version in its form; the client reads it where the page would show it (here: the database).
  const version = await db.query<{ version: number; state: string }>(`SELECT version, state FROM "Claim" WHERE id = $1`, [claimId]).then((result) => result.rows[0]).catch(() => undefined);
  if (!version || (version.state !== "open" && version.state !== "source_proposed")) return pageSignedIn(member);
  const reason = `Load decision ${++counter}: not a claim that needs a source.`;
  const answer = await request("moderator-decision", member.origin, "/moderation", {
    cookie: member.cookie,
    form: { intent: "resolve-claim", claimId: String(claimId), version: String(version.version), decision: "dismiss", reason },
  });
  if (answer.status === 200) acknowledged.decisions.push({ claimId, moderatorId: member.userId, reason });
}

const pageAnonymous = (member: Member) => request("page-anonymous", member.origin, Math.random() < 0.8 ? `/episodes/${pick(episodes).slug}` : "/");
const json = (member: Member) => request("json", member.origin, pick([`/api/episodes/${pick(episodes).slug}`, "/api/claims?state=open", "/api/episodes"]));
const pageSignedIn = (member: Member) =>
  request("page-signed-in", member.origin, member.role === "moderator" ? pick(["/moderation", `/episodes/${pick(episodes).slug}`]) : pick([`/episodes/${pick(episodes).slug}`, "/notifications"]), { cookie: member.cookie });

const MEMBER_MIX: [number, (member: Member) => Promise<unknown>][] = [
  [30, pageAnonymous], [20, json], [15, pageSignedIn], [12, reply], [8, edit], [8, flag], [7, propose],
];
const MODERATOR_MIX: [number, (member: Member) => Promise<unknown>][] = [[40, decide], [30, pageSignedIn], [15, json], [15, pageAnonymous]];
function chooseOperation(mix: [number, (member: Member) => Promise<unknown>][]) {
  let roll = Math.random() * mix.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, operation] of mix) if ((roll -= weight) < 0) return operation;
  return mix[0]![1];
}

// ---------------------------------------------------------------- the run
const rss: Record<string, number[]> = {};
const healthz: { at: number; db: string; ms: number }[] = [];
let running = true;
runStart = performance.now();
log(`${CLIENTS} clients for ${DURATION_S} s${FAULT ? `, database stopped at ${FAULT_AT_S} s for ${FAULT_FOR_S} s` : ""}…`);

// Where the memory is at each RSS sample (JavaScript heap used / allocated, buffers outside the heap).
const memory: Record<string, string[]> = {};
const sampleMemory = async (at: string) => {
  rss[at] = servers.map((server) => server.rssMegabytes());
  memory[at] = await Promise.all(servers.map(async (server) => {
    const { heapUsed, heapTotal, external } = await server.memory();
    return `heap ${heapUsed}/${heapTotal}, external ${external}`;
  }));
};
const timers = [setTimeout(() => void sampleMemory("10 s"), 10_000)];
const watchHealth = (async () => {
  while (running) {
    const start = performance.now();
    const at = seconds();
    const answer = await fetch(`${servers[0]!.origin}/healthz`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.json() as Promise<{ db: string }>).catch(() => ({ db: "no answer" }));
    healthz.push({ at, db: answer.db, ms: performance.now() - start });
    if (outage?.startedAt !== undefined && outage.recoveredAt === undefined && answer.db === "up") outage.recoveredAt = seconds();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
})();
// With LOAD_PG_LOG, what the database's sessions are doing, every 2 s: their states and wait events, and the longest-running statement.
const watchDatabase = (async () => {
  if (!PG_LOG) return;
  while (running) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const { rows } = await db.query<{ state: string; wait: string; ms: number; query: string }>(
      `SELECT coalesce(state, '') AS state, coalesce(wait_event_type || ':' || wait_event, '') AS wait,
              (extract(epoch FROM now() - query_start) * 1000)::int AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    ).catch(() => ({ rows: [] }));
    const counts: Record<string, number> = {};
    for (const row of rows) counts[`${row.state}${row.wait ? ` (${row.wait})` : ""}`] = (counts[`${row.state}${row.wait ? ` (${row.wait})` : ""}`] ?? 0) + 1;
    const longest = rows.filter((row) => row.state !== "idle").sort((a, b) => b.ms - a.ms)[0];
    fs.appendFileSync(PG_LOG, `${seconds().toFixed(0)} s: ${JSON.stringify(counts)}${longest ? ` longest ${longest.ms} ms ${longest.wait} ${longest.query}` : ""}\n`);
  }
})();
const fault = (async () => {
  if (!FAULT) return;
  await new Promise((resolve) => setTimeout(resolve, FAULT_AT_S * 1000));
  log(`${seconds().toFixed(1)} s: stopping PostgreSQL (fast shutdown)`);
  outage = { stoppedAt: seconds() };
  await cluster.stop();
  await new Promise((resolve) => setTimeout(resolve, FAULT_FOR_S * 1000));
  cluster = await startEmbeddedPostgres(clusterOptions);
  outage.startedAt = seconds();
  log(`${outage.startedAt.toFixed(1)} s: PostgreSQL started again`);
})();

await Promise.all(
  members.map(async (member) => {
    const mix = member.role === "moderator" ? MODERATOR_MIX : MEMBER_MIX;
    while (seconds() < DURATION_S) await chooseOperation(mix)(member);
  }),
);
await sampleMemory(`${DURATION_S} s`);
const ended = servers.filter((server) => Number.isNaN(server.rssMegabytes()));
running = false;
timers.forEach(clearTimeout);
await Promise.all([watchHealth, fault, watchDatabase]);
const elapsed = seconds();

// ---------------------------------------------------------------- checking every acknowledged write
const lost: string[] = [];
const halfApplied: string[] = [];
for (const write of acknowledged.replies) {
  const { rows } = await db.query<{ id: number; body: string; authorId: number; notified: number }>(
    `SELECT c.id, c.body, c."authorId", (SELECT count(*)::int FROM "Notification" n WHERE n."commentId" = c.id AND n."userId" = $3) AS notified
     FROM "Comment" c WHERE c."episodeId" = $1 AND c.ordinal = $2 AND c."originalOrdinal" IS NULL`,
    [write.episodeId, write.ordinal, host.id],
  );
  const row = rows[0];
  const edited = acknowledged.edits.get(`${write.episodeId}:${write.ordinal}`);
  const maybe = unanswered.edits.get(`${write.episodeId}:${write.ordinal}`) ?? [];
  if (!row || row.authorId !== write.authorId || (row.body !== (edited?.body ?? write.body) && !maybe.includes(row.body))) lost.push(`reply ${write.episodeId}#${write.ordinal}`);
  else if (row.notified !== 1) halfApplied.push(`reply ${write.episodeId}#${write.ordinal} without its notification`);
}
for (const write of acknowledged.edits.values()) {
  const { rows } = await db.query<{ revisions: number }>(
    `SELECT count(r.id)::int AS revisions FROM "Comment" c LEFT JOIN "CommentRevision" r ON r."commentId" = c.id WHERE c."episodeId" = $1 AND c.ordinal = $2 AND c."originalOrdinal" IS NULL`,
    [write.episodeId, write.ordinal],
  );
  if ((rows[0]?.revisions ?? 0) < write.count) halfApplied.push(`edit of ${write.episodeId}#${write.ordinal}: ${rows[0]?.revisions} revisions kept for ${write.count} edits`);
}
for (const write of acknowledged.flags) {
  const { rows } = await db.query<{ flags: number; events: number }>(
    `SELECT (SELECT count(*)::int FROM "Flag" WHERE "claimId" = $1 AND "userId" = $2) AS flags,
            (SELECT count(*)::int FROM "ClaimEvent" WHERE "claimId" = $1 AND "actorId" = $2 AND action IN ('flagged', 'flag-joined')) AS events`,
    [write.claimId, write.userId],
  );
  if (rows[0]!.flags !== 1) lost.push(`flag on claim ${write.claimId} by user ${write.userId}`);
  else if (rows[0]!.events < 1) halfApplied.push(`flag on claim ${write.claimId} without its history event`);
}
for (const write of acknowledged.proposals) {
  const { rows } = await db.query<{ quote: string; events: number }>(
    `SELECT p.quote, (SELECT count(*)::int FROM "ClaimEvent" e WHERE e."claimId" = p."claimId" AND e."actorId" = $2 AND e.action = 'source-proposed') AS events
     FROM "SourceProposal" p WHERE p.id = $1 AND p."claimId" = $3 AND p."proposedById" = $2`,
    [write.id, write.userId, write.claimId],
  );
  if (!rows[0] || rows[0].quote !== write.quote) lost.push(`proposal ${write.id}`);
  else if (rows[0].events < 1) halfApplied.push(`proposal ${write.id} without its history event`);
}
for (const write of acknowledged.decisions) {
  const { rows } = await db.query<{ events: number; logged: number }>(
    `SELECT (SELECT count(*)::int FROM "ClaimEvent" WHERE "claimId" = $1 AND "actorId" = $2 AND reason = $3) AS events,
            (SELECT count(*)::int FROM "ModerationLog" WHERE "targetId" = $1::text AND "actorId" = $2 AND reason = $3) AS logged`,
    [write.claimId, write.moderatorId, write.reason],
  );
  if (rows[0]!.events !== 1 && rows[0]!.logged !== 1) lost.push(`decision on claim ${write.claimId}`);
  else if (rows[0]!.events !== 1 || rows[0]!.logged !== 1) halfApplied.push(`decision on claim ${write.claimId}: history ${rows[0]!.events}, log ${rows[0]!.logged}`);
}
// Half-applied writes the client never heard about: every reply to the host in the database has its notification.
const { rows: orphanReplies } = await db.query<{ count: number }>(
  `SELECT count(*)::int FROM "Comment" c JOIN "Comment" p ON p.id = c."parentId"
   WHERE p."authorId" = $1 AND c."authorId" <> $1 AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."commentId" = c.id)`,
  [host.id],
);
if (orphanReplies[0]!.count) halfApplied.push(`${orphanReplies[0]!.count} replies in the database without their notification`);
const { rows: silentClaims } = await db.query<{ count: number }>(`SELECT count(*)::int FROM "Claim" c WHERE NOT EXISTS (SELECT 1 FROM "ClaimEvent" e WHERE e."claimId" = c.id)`);
if (silentClaims[0]!.count) halfApplied.push(`${silentClaims[0]!.count} claims without any history`);

await Promise.all(servers.map((server) => server.stop()));
await db.end();
await cluster.stop();
fs.rmSync(root, { recursive: true, force: true });

// ---------------------------------------------------------------- the report
const percentile = (values: number[], p: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const table: Record<string, Record<string, string | number>> = {};
for (const kind of [...new Set(samples.map((sample) => sample.kind))]) {
  const of = samples.filter((sample) => sample.kind === kind);
  const statuses: Record<string, number> = {};
  for (const sample of of) statuses[sample.status] = (statuses[sample.status] ?? 0) + 1;
  table[kind] = {
    requests: of.length,
    "req/s": Number((of.length / elapsed).toFixed(1)),
    "p50 ms": Math.round(percentile(of.map((s) => s.ms), 50)),
    "p99 ms": Math.round(percentile(of.map((s) => s.ms), 99)),
    statuses: Object.entries(statuses).map(([status, count]) => `${status}×${count}`).join(" "),
  };
}
const all = samples;
const fiveHundreds = all.filter((sample) => sample.status >= 500 || sample.status === -1);
const unexpected = fiveHundreds.filter((sample) => sample.phase !== "outage");
console.log(`\nFootnote load run${FAULT ? ` with --fault ${FAULT}` : ""}: ${CLIENTS} clients, ${elapsed.toFixed(1)} s, ${servers.length} app process(es), ${all.length} requests (${(all.length / elapsed).toFixed(1)}/s)`);
console.table(table);
console.log(`all requests: p50 ${Math.round(percentile(all.map((s) => s.ms), 50))} ms, p99 ${Math.round(percentile(all.map((s) => s.ms), 99))} ms`);
console.log(`RSS (MB) per process: ${Object.entries(rss).map(([at, values]) => `${at}: ${values.join(", ")}`).join("; ")}`);
console.log(`memory (MB) per process: ${Object.entries(memory).map(([at, values]) => `${at}: ${values.join("; ")}`).join(" | ")}`);
console.log(`acknowledged writes: ${acknowledged.replies.length} replies, ${[...acknowledged.edits.values()].reduce((sum, edit) => sum + edit.count, 0)} edits, ${acknowledged.flags.length} flags, ${acknowledged.proposals.length} source proposals, ${acknowledged.decisions.length} moderator decisions`);
console.log(`lost acknowledged writes: ${lost.length}${lost.length ? ` (${lost.slice(0, 10).join("; ")})` : ""}`);
console.log(`half-applied writes: ${halfApplied.length}${halfApplied.length ? ` (${halfApplied.slice(0, 10).join("; ")})` : ""}`);
console.log(`5xx or no answer outside an outage: ${unexpected.length}`);
let failed = lost.length > 0 || halfApplied.length > 0 || unexpected.length > 0;
const outageState = outage as Outage | null;
if (outageState) {
  const during = all.filter((sample) => sample.phase === "outage");
  const down = healthz.filter((check) => check.at >= outageState.stoppedAt && (outageState.startedAt === undefined || check.at < outageState.startedAt));
  const recovery = outageState.recoveredAt !== undefined && outageState.startedAt !== undefined ? outageState.recoveredAt - outageState.startedAt : null;
  console.log(
    `outage: ${during.length} requests while the database was away, ${during.filter((s) => s.status === 503).length} answered 503, ` +
      `${during.filter((s) => s.status >= 200 && s.status < 400).length} answered normally (served before the app touched the database or from its page cache), ` +
      `longest wait while it was away ${Math.round(Math.max(0, ...during.map((s) => s.outageMs ?? 0)))} ms; /healthz said db "down" in ${down.filter((c) => c.db === "down").length} of ${down.length} checks; ` +
      `recovered ${recovery === null ? "never" : `${recovery.toFixed(1)} s`} after the database was back`,
  );
  console.log(`outage violations (503 without Retry-After / readable page, other 5xx): ${outageViolations.length}${outageViolations.length ? ` (${outageViolations.slice(0, 5).join("; ")})` : ""}`);
  const slow = during.filter((s) => (s.outageMs ?? 0) > 5_000).length;
  console.log(`requests that waited more than 5 s while the database was away: ${slow}`);
  failed ||= outageViolations.length > 0 || recovery === null || recovery > 5 || slow > 0 || !down.some((c) => c.db === "down");
}
if (ended.length) {
  console.log(`app processes that ended during the run: ${ended.map((server) => server.origin).join(", ")}`);
  failed = true;
}
const growth = rss["10 s"] && rss[`${DURATION_S} s`] ? rss[`${DURATION_S} s`]!.map((value, i) => value / rss["10 s"]![i]! - 1) : [];
console.log(`RSS growth 10 s → ${DURATION_S} s: ${growth.map((g) => `${(g * 100).toFixed(1)} %`).join(", ")}`);
console.log(failed ? "\nLOAD TEST FAILED" : "\nload test passed");
process.exit(failed ? 1 : 0);
