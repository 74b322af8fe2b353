// `npm run serve`: production serving only — no migration, no account, no import (that is `npm run setup`).
// WEB_CONCURRENCY app processes (node:cluster workers; default one per core) share the port and one
// DATABASE_URL; they keep nothing of their own that another process would need: sessions and rate limits
// are rows in PostgreSQL, and the page caches are told of every change by LISTEN/NOTIFY (ADR 0022).
// With WEB_CONCURRENCY=1 the server runs in this process. SIGTERM or Ctrl-C stops every worker gracefully.
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { EnvError, getEnv } from "../app/utils/env.server";
import { buildIfNeeded } from "./build-if-needed";
import { openDatabase, pendingMigrations, type Database } from "./db/database";
import { takeOverShutdownSignals } from "./db/embedded";

const log = (line: string) => console.log(`[footnote] ${line}`);
process.env.NODE_ENV ??= "production";

if (cluster.isPrimary) await primary();
else await worker();

async function primary() {
  const started = performance.now();
  let database: Database | undefined;
  let stopping = false;
  const closers: (() => Promise<void>)[] = [];
  const workers = new Set<Worker>();

  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${workers.size || 1} process(es) (requests in flight may finish)…`);
    const exits = [...workers].map((child) => new Promise((resolve) => (child.isDead() ? resolve(null) : child.once("exit", resolve))));
    for (const child of workers) child.process.kill("SIGTERM");
    await Promise.all(exits);
    for (const close of closers.reverse()) await close().catch((error) => console.error(error));
    await database?.stop().catch((error) => console.error(error));
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  takeOverShutdownSignals();

  try {
    const env = getEnv();
    database = await openDatabase(log, { shareRunning: true });
    process.env.DATABASE_URL = database.url;
    const pending = await pendingMigrations(database.url);
    if (pending.length) throw new Error(`the database lacks ${pending.length} migration(s) (${pending.at(-1)}…): run \`npm run setup\` first`);
    if (await buildIfNeeded(log)) log("build ready");
    // Workers of one primary render identical cached pages (one nonce key, ADR 0022).
    process.env.CSP_NONCE_SECRET ||= randomBytes(32).toString("base64");
    const count = env.WEB_CONCURRENCY ?? os.availableParallelism();

    if (count === 1) {
      const { startServer } = await import("./server");
      const server = await startServer({ port: env.PORT, log: () => {} });
      const { closeAppConnections } = await import("../app/models/connections.server");
      closers.push(closeAppConnections, () => server.close());
    } else {
      const crashes: number[] = [];
      const fork = () => {
        const child = cluster.fork();
        workers.add(child);
        child.once("exit", (code, signal) => {
          workers.delete(child);
          if (stopping) return;
          log(`process ${child.process.pid} exited (${signal ?? code}); starting another`);
          // A worker that cannot stay up (a bad build, the port taken) would be restarted forever.
          crashes.push(Date.now());
          while (crashes[0]! < Date.now() - 60_000) crashes.shift();
          if (crashes.length > count * 5) return void shutdown("workers keep exiting", 1);
          fork();
        });
        return child;
      };
      const listening = Array.from({ length: count }, () => new Promise((resolve) => fork().once("listening", resolve)));
      await Promise.all(listening);
    }
    log(`${count} process(es) serving on http://localhost:${env.PORT} (pid ${process.pid}${workers.size ? `, workers ${[...workers].map((w) => w.process.pid).join(" ")}` : ""})`);
    log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : `[footnote] could not start: ${(error as Error).message}`);
    await shutdown("error", 1);
  }
}

async function worker() {
  const env = getEnv();
  const { startServer } = await import("./server");
  const server = await startServer({ port: env.PORT, log: () => {} });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    const { closeAppConnections } = await import("../app/models/connections.server");
    await closeAppConnections().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  // Ctrl-C reaches every process of the terminal's group: the primary stops the workers in order.
  process.on("SIGINT", () => {});
}
