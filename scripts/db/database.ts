// Finds the database the app and its scripts use: DATABASE_URL when set, otherwise the embedded
// PostgreSQL, started here. Migrations run through the Prisma CLI (`prisma migrate deploy`).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import { getEnv } from "../../app/utils/env.server";
import { runningEmbeddedPostgres, startEmbeddedPostgres } from "./embedded";

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const DEFAULT_DATABASE = "footnote";

export async function openDatabase(
  log: (line: string) => void = console.log,
  /** Use the embedded PostgreSQL that a running `npm start` already serves (the import CLI) instead of refusing. */
  { shareRunning = false }: { shareRunning?: boolean } = {},
): Promise<Database> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    await ensureDatabaseExists(env.DATABASE_URL, log);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const running = shareRunning ? runningEmbeddedPostgres(env.EMBEDDED_PG_DATA_DIR) : null;
  if (running) {
    log(`using the running embedded PostgreSQL on 127.0.0.1:${running.port} (pid ${running.pid})`);
    return { url: running.url(DEFAULT_DATABASE), embedded: false, stop: async () => {} };
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_PG_DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    persistent: true,
    log,
  });
  const url = cluster.url(DEFAULT_DATABASE);
  await ensureDatabaseExists(url, log);
  log(`embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT} (data in ${env.EMBEDDED_PG_DATA_DIR})`);
  return { url, embedded: true, stop: () => cluster.stop() };
}

/** Creates the database named in `url` when the server does not have it yet. */
export async function ensureDatabaseExists(url: string, log: (line: string) => void = () => {}) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, "")) || "postgres";
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to the PostgreSQL server of DATABASE_URL (${redact(url)}): ${(error as Error).message}`);
  }
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        log(`created database "${name}"`);
      } catch (error) {
        // Another process starting at the same moment created it first (42P04, or 23505 on pg_database).
        const code = (error as { code?: string }).code;
        if (code !== "42P04" && code !== "23505") throw error;
      }
    }
  } finally {
    await client.end();
  }
}

export function redact(url: string) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

const PRISMA_CLI = path.resolve("node_modules/prisma/build/index.js");
const PRISMA_CONFIG = path.resolve("prisma/prisma.config.ts");

/** Runs the Prisma CLI against `url` and resolves with its output; rejects with the output on failure. */
export function runPrisma(args: string[], url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, ...args, "--config", PRISMA_CONFIG], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(" ")} failed:\n${output}`)),
    );
  });
}

export async function migrate(url: string) {
  const output = await runPrisma(["migrate", "deploy"], url);
  // The job queue's schema (graphile_worker) is versioned by graphile-worker itself (ADR 0029).
  await runMigrations({ connectionString: url, logger: new Logger(() => () => {}) });
  const applied = output.match(/The following migration\(s\) have been applied:[\s\S]*/)?.[0];
  return applied ? applied.split("\n").filter((line) => /└─ \d+_/.test(line)).length : 0;
}

/** Key of the session-level advisory lock that setup steps hold (an arbitrary constant: "footnote setup"). */
const SETUP_LOCK = 7_246_915_033;

/**
 * Runs `work` while holding the setup lock on `url`'s database, so that two servers starting on one empty
 * database migrate, create accounts and import seeds one after the other, never at once. The lock is a
 * PostgreSQL advisory lock held by a connection of its own: it is released when the work ends, and by
 * the server if this process dies.
 */
export async function withSetupLock<T>(url: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on("error", () => {});
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [SETUP_LOCK]);
    if (!rows[0]?.locked) {
      log("another process is setting this database up; waiting for it…");
      await client.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK]);
    }
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SETUP_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** Migrations in prisma/migrations that the database has not applied yet (without running the Prisma CLI). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const folder = path.resolve("prisma/migrations");
  const expected = fs.readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: table } = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'");
    if (!table.length) return expected.sort();
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return expected.filter((name) => !applied.has(name)).sort();
  } finally {
    await client.end();
  }
}
