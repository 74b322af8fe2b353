// `npm run bench:read`: reading FTR #863 side by side, in one run, through `npm run serve` (the production
// path) with one and with two app processes (WEB_CONCURRENCY), on a throwaway PostgreSQL:
//   - the anonymous page at 10 / 1,000 / 10,000 synthetic comments (gzip, as browsers get it; Brotli at 1,000);
//   - at 1,000 comments: its JSON twin, the page of a signed-in member (gzip; and Brotli, as browsers ask,
//     with one process), and a revalidation (If-None-Match → 304);
//   - the same gzip bytes served as a static file by Debian's nginx (started and stopped here; that row is
//     skipped with a message when nginx is not installed), with as many worker processes as app processes.
// Each row: Debian's wrk with one thread when it is installed (else autocannon, in this Node process; or
// BENCH_CLIENT=autocannon), 10 connections, BENCH_SECONDS (10) after a 2 s warm-up; requests/s, p50, p99,
// server CPU per request — user + system time from /proc of the app's processes and of every PostgreSQL
// process, over the run, divided by the requests answered — the app processes' resident memory, and the
// client's own CPU over the run's wall time.
// The load generator runs on the same cores; CPU per request is the figure it does not distort.
import fs from "node:fs";
import http from "node:http";
import autocannon from "autocannon";
import { buildIfNeeded } from "../build-if-needed";
import { findNginx, startNginx } from "./nginx";
import { postmasterOnPort, rssMegabytes, treesCpuMs } from "./proc";
import { startServe } from "./server-process";
import { machine } from "./stats";
import { withBenchDatabase } from "./with-database";
import { findWrk, runWrk, wrkVersion } from "./wrk";

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : [10, 1_000, 10_000];
const DETAILED_SIZE = 1_000;
const PROCESS_COUNTS = process.env.BENCH_PROCESSES ? process.env.BENCH_PROCESSES.split(",").map(Number) : [1, 2];
const CONNECTIONS = 10;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const TIMEOUT_SECONDS = 20;
// autocannon runs in this Node process and takes most of a core from the server's two; wrk (C, epoll) a fraction.
const WRK = process.env.BENCH_CLIENT === "autocannon" ? null : findWrk();
const CLIENT = WRK ? `wrk ${wrkVersion(WRK)}, 1 thread` : "autocannon";

type Row = Record<string, string | number>;

await buildIfNeeded(console.log);
if (!findNginx()) console.log("nginx is not installed: the static-file rows are skipped (Debian: apt-get install -y nginx).");
if (!findWrk()) console.log("wrk is not installed: autocannon drives the load from this process; wrk would lighten the client (Debian: apt-get install -y wrk).");

const rows = await withBenchDatabase("read", async (url) => {
  const { importDocument } = await import("../../app/models/import/index.server");
  const { createUser } = await import("../../app/models/users/index.server");
  const { createSession, generateSessionToken } = await import("../../app/models/session.server");
  const { seedSyntheticComments } = await import("../seed-synthetic");
  const { prisma } = await import("../../app/utils/db.server");
  const file = "seeds/ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt";
  const { episode } = await importDocument({ fileName: "ftr-863.txt", bytes: fs.readFileSync(file) });
  const member = await createUser({ username: "bench-reader", password: "bench-password-123" });
  const token = generateSessionToken();
  await createSession(token, member.id);
  const memberCookie = `footnote_session=${token}`;
  // The bench process's own connections are closed: only the app's count as the database's work.
  await prisma.$disconnect();
  const postmaster = postmasterOnPort(Number(new URL(url).port));
  if (!postmaster) console.log("the PostgreSQL server is not a local process of this machine: its CPU is not counted.");

  const results: Row[] = [];
  for (const size of SIZES) {
    await seedSyntheticComments(episode.id, size);
    await prisma.$disconnect();
    for (const processes of PROCESS_COUNTS) {
      const server = await startServe({ databaseUrl: url, processes });
      const pageUrl = `${server.origin}/episodes/${episode.slug}`;
      const measure = async (what: string, target: string, headers: Record<string, string>, expect = 200) => {
        // Each process renders its copy first, one request at a time (a new connection each: the cluster
        // hands connections to its workers in turn), then the load warms up.
        for (let i = 0; i < processes * 2; i += 1) await (await fetch(target, { headers: { ...headers, Connection: "close" } })).arrayBuffer();
        const checked = await checkStatus(target, headers, expect);
        await load(target, headers, WARM_UP_SECONDS, expect); // warm-up: every process renders its copy
        const roots = [server.pids()[0]!, ...(postmaster ? [postmaster] : [])];
        const appBefore = treesCpuMs(server.pids());
        const allBefore = treesCpuMs(roots);
        const result = await load(target, headers, DURATION_SECONDS, expect);
        const appMs = treesCpuMs(server.pids()) - appBefore;
        const allMs = treesCpuMs(roots) - allBefore;
        results.push(report({ comments: size, processes, what }, result, { allMs, appMs }, server.pids().map(rssMegabytes).join(" / "), checked));
        return result;
      };

      const gzip = { "Accept-Encoding": "gzip" };
      await measure("anonymous page (gzip)", pageUrl, gzip);
      // The bytes as sent (fetch would decompress them).
      const { etag, body: gzipBytes } = await rawGet(pageUrl, gzip);
      if (size === DETAILED_SIZE) {
        if (processes === 1) await measure("anonymous page (br)", pageUrl, { "Accept-Encoding": "br, gzip" });
        await measure("If-None-Match → 304", pageUrl, { ...gzip, "If-None-Match": etag }, 304);
        await measure("JSON twin (gzip)", `${server.origin}/api/episodes/${episode.slug}`, gzip);
        await measure("signed-in page (gzip)", pageUrl, { ...gzip, Cookie: memberCookie });
        // What a browser asks for (Brotli first).
        if (processes === 1) await measure("signed-in page (br)", pageUrl, { "Accept-Encoding": "gzip, deflate, br", Cookie: memberCookie });
      }
      if (size === DETAILED_SIZE && processes === 1) {
        const sizes = await Promise.all(
          ["identity", "gzip", "br"].map(async (coding) => [coding, (await rawGet(pageUrl, { "Accept-Encoding": coding })).body.length] as const),
        );
        console.log(`page bytes at ${size} comments: ${sizes.map(([coding, bytes]) => `${coding} ${Math.round(bytes / 1024)} KB`).join(", ")}`);
      }
      await server.stop();

      const nginx = await startNginx({
        body: gzipBytes,
        headers: { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", Vary: "Accept-Encoding" },
        workers: processes,
      });
      if (nginx) {
        try {
          const checked = await checkStatus(nginx.url, gzip, 200);
          await load(nginx.url, gzip, WARM_UP_SECONDS, 200);
          const before = treesCpuMs([nginx.pid]);
          const result = await load(nginx.url, gzip, DURATION_SECONDS, 200);
          const ms = treesCpuMs([nginx.pid]) - before;
          results.push(report({ comments: size, processes, what: "nginx, the same gzip bytes" }, result, { allMs: ms, appMs: ms }, "", checked));
        } finally {
          await nginx.stop();
        }
      }
    }
  }
  return results;
});

/** One row of the table, from one run and the CPU its servers spent (printed as it comes). */
function report(
  { comments, processes, what }: { comments: number; processes: number; what: string },
  result: Load,
  { allMs, appMs }: { allMs: number; appMs: number },
  rss: string,
  checked: string | null,
): Row {
  const { answered } = result;
  const row: Row = {
    comments: comments.toLocaleString("en"),
    processes,
    what,
    "req/s": Math.round(result.requestsPerSecond),
    "p50 ms": result.p50Ms,
    "p99 ms": result.p99Ms,
    "CPU ms/req (app+PG)": answered ? round(allMs / answered) : "—",
    "CPU ms/req (app)": answered ? round(appMs / answered) : "—",
    "KB/answer": answered ? Math.round(result.bytes / answered / 1024) : "—",
    "RSS MB": rss,
    "client CPU %": Math.round((result.clientCpuMs / result.wallMs) * 100),
  };
  const note = [checked, result.problems].filter(Boolean).join("; ");
  if (note) row.note = note;
  console.log(JSON.stringify(row));
  return row;
}

/** What a row reads of one run, whichever client drove it. */
type Load = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  answered: number;
  /** Bytes read, headers included. */
  bytes: number;
  /** What was not answered with the expected status, errors, timeouts; "" when all was. */
  problems: string;
  clientCpuMs: number;
  wallMs: number;
};

/** `seconds` of load on `target` with `headers`, CONNECTIONS connections, by wrk or else autocannon. */
async function load(target: string, headers: Record<string, string>, seconds: number, expect: number): Promise<Load> {
  const start = performance.now();
  if (WRK) {
    const result = await runWrk(WRK, { url: target, connections: CONNECTIONS, seconds, headers, timeoutSeconds: TIMEOUT_SECONDS });
    const wallMs = performance.now() - start;
    const { connect, read, write, timeout } = result.errors;
    const errors = connect + read + write + timeout;
    // wrk counts a 3xx as a success: that the answers are the status expected is checkStatus's part.
    const problems =
      result.non2xx3xx || errors || !result.requests
        ? `${result.non2xx3xx} non-2xx/3xx answers, ${errors} socket errors (connect ${connect}, read ${read}, write ${write}, timeout ${timeout})`
        : "";
    return { requestsPerSecond: result.requestsPerSecond, p50Ms: result.p50Ms, p99Ms: result.p99Ms, answered: result.requests, bytes: result.bytes, problems, clientCpuMs: result.cpuMs, wallMs };
  }
  // autocannon runs in this process: its CPU is this process's over the run.
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({ url: target, connections: CONNECTIONS, duration: seconds, headers, timeout: TIMEOUT_SECONDS });
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - start;
  const answered = result.requests.total;
  const expected = (result as unknown as Record<string, number>)[`${String(expect)[0]}xx`] ?? 0;
  const problems =
    expected !== answered || result.errors || result.timeouts || !answered
      ? `${answered - expected} other answers (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors, ${result.timeouts} timeouts`
      : "";
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    answered,
    bytes: result.throughput.total,
    problems,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
  };
}

/** One request with the run's headers, before it: "" when it is answered with `expect`, else what it got. */
async function checkStatus(target: string, headers: Record<string, string>, expect: number) {
  const { status } = await rawGet(target, headers);
  return status === expect ? "" : `answered ${status} before the run, not ${expect}`;
}

function rawGet(target: string, headers: Record<string, string>) {
  return new Promise<{ status: number; etag: string; body: Buffer }>((resolve, reject) => {
    http.get(target, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, etag: String(response.headers.etag ?? ""), body: Buffer.concat(chunks) }));
      response.on("error", reject);
    }).on("error", reject);
  });
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}

console.log(`\nRead benchmark — FTR #863, client: ${CLIENT}, ${CONNECTIONS} connections × ${DURATION_SECONDS} s per row, ${machine()}`);
console.table(rows);
// The same as a Markdown table, for docs/performance.md.
const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== "note");
console.log(`| ${columns.join(" | ")} | note |\n| ${columns.map(() => "---").join(" | ")} | --- |`);
for (const row of rows) console.log(`| ${columns.map((column) => row[column] ?? "").join(" | ")} | ${row.note ?? ""} |`);
