// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo accounts → seed
// documents → build → HTTP server, in one process: the newcomer's command. Production runs the same steps
// as `npm run setup` once and `npm run serve` on every server (scripts/setup.ts, scripts/serve.ts).
// Ctrl-C or SIGTERM stops the server and the embedded database.
import { EnvError, getEnv } from "../app/utils/env.server";
import { buildIfNeeded } from "./build-if-needed";
import { openDatabase, type Database } from "./db/database";
import { takeOverShutdownSignals } from "./db/embedded";
import { prepareDatabase } from "./prepare-database";

const started = performance.now();
const log = (line: string) => console.log(`[footnote] ${line}`);
process.env.NODE_ENV ??= "production";

let database: Database | undefined;
let stopping = false;
const closers: (() => Promise<void>)[] = [];

/**
 * Graceful shutdown, in order: the HTTP server stops accepting connections and lets the requests in
 * flight finish (at most SHUTDOWN_GRACE_MS), then the connection pool closes, then the embedded database stops.
 */
async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping (no new connections; requests in flight may finish)…`);
  for (const close of closers.reverse()) await close().catch((error) => console.error(error));
  await database?.stop().catch((error) => console.error(error));
  log("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// The embedded database is stopped by shutdown(), after the requests in flight, not the moment a signal arrives.
takeOverShutdownSignals();

try {
  const env = getEnv();
  database = await openDatabase(log);
  process.env.DATABASE_URL = database.url;
  // Migrations, demo accounts, seeds — under the setup lock, so a second server starting now waits.
  const accounts = await prepareDatabase(database.url, log, { accounts: "demo" });
  const { closeAppConnections } = await import("../app/models/connections.server");
  closers.push(closeAppConnections);
  if (await buildIfNeeded(log)) log("build ready");

  const { startServer } = await import("./server");
  const server = await startServer({ port: env.PORT, log });
  closers.push(() => server.close());
  log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (accounts.length) printDemoAccounts(accounts, env.PORT);
} catch (error) {
  if (error instanceof EnvError) console.error(error.message);
  else console.error(`[footnote] could not start: ${(error as Error).message}`);
  await shutdown("error", 1);
}

function printDemoAccounts(accounts: { username: string; role: string; password: string }[], port: number) {
  const lines = [
    "",
    "Demo accounts (created now because the database had no users; the passwords are shown only this once):",
    ...accounts.map((a) => `  ${a.role.padEnd(10)} username: ${a.username.padEnd(10)} password: ${a.password}`),
    "",
  ];
  console.log(lines.join("\n"));
}
