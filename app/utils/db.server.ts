import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";
import pg from "pg";

/**
 * Connection pool and timeouts, chosen so that no request waits for the database forever
 * (figures and reasons in docs/performance.md, "Connection pool and timeouts").
 */
export const DATABASE_LIMITS = {
  /** Connections per app process: several processes share the server's max_connections (200 embedded, 100 default). */
  poolSize: 10,
  /** A request waits at most this long for a free connection, then fails as "database unavailable" (503). */
  connectionWaitMs: 5_000,
  /** Longest single statement; the slowest measured query is two orders of magnitude below it. */
  statementTimeoutMs: 10_000,
  /** A transaction left open without a statement (a stuck request) gives its locks back after this. */
  idleInTransactionMs: 15_000,
  /** Idle connections are closed after this, so a restarted server's dead sockets do not linger. */
  idleConnectionMs: 30_000,
  /** Prisma's wait for a connection to start an interactive transaction (its default, 2 s, is too short under load). */
  transactionMaxWaitMs: 5_000,
  /** Prisma's bound on one interactive transaction (default 5 s). */
  transactionTimeoutMs: 15_000,
} as const;

/**
 * A pooled connection that always has an "error" listener. The pool hands a connection to a waiting
 * transaction a moment before the transaction's own listener is attached (an `await` later); a server
 * shutting down sends its "terminating connection" message in that moment, and an "error" event nobody
 * listens to ends the process (brianc/node-postgres#2762; seen in `npm run test:load -- --fault db-restart`).
 * The connection is then unusable: the query on it fails as "not queryable" (a 503) and the pool drops it.
 */
export class GuardedClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    this.on("error", () => {});
  }
}

// One client per process; in development the module is re-evaluated on every rebuild,
// so the instance is kept on globalThis to avoid exhausting connections.
const globalForPrisma = globalThis as unknown as { __footnotePrisma?: PrismaClient; __footnotePool?: pg.Pool; __footnoteStatementNames?: Map<string, string> };

/**
 * The process's pool of connections: Prisma's adapter runs on it, and so do the statements sent past
 * Prisma (`sqlRows`, ADR 0045). It is ended by closeAppConnections (app/models/connections.server.ts);
 * Prisma's `$disconnect` leaves it open, and its idle connections do not keep a finished script alive.
 */
function appPool() {
  if (globalForPrisma.__footnotePool) return globalForPrisma.__footnotePool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start and npm test set it for the embedded PostgreSQL).");
  const pool = new pg.Pool({
    connectionString,
    max: DATABASE_LIMITS.poolSize,
    connectionTimeoutMillis: DATABASE_LIMITS.connectionWaitMs,
    idleTimeoutMillis: DATABASE_LIMITS.idleConnectionMs,
    statement_timeout: DATABASE_LIMITS.statementTimeoutMs,
    idle_in_transaction_session_timeout: DATABASE_LIMITS.idleInTransactionMs,
    keepAlive: true,
    allowExitOnIdle: true,
    Client: GuardedClient,
  });
  // An idle connection the server ends (a restart, the end of a test run) is dropped by the pool; the
  // adapter listens for this only while Prisma is connected, and an "error" nobody hears ends the process.
  pool.on("error", () => {});
  return (globalForPrisma.__footnotePool = pool);
}

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg(appPool()),
    transactionOptions: { maxWait: DATABASE_LIMITS.transactionMaxWaitMs, timeout: DATABASE_LIMITS.transactionTimeoutMs },
  });
}

// `timestamp` columns (Prisma's DateTime) hold UTC; node-postgres would read them as local time.
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const statementTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP_OID && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text"))) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * One statement straight to the pool, past Prisma (ADR 0045): Prisma 6's JavaScript engine compiles every
 * query on the main thread, a raw one too (0.3–1 ms of CPU each; its plan cache came with Prisma 7.4, which
 * cannot run here). For the statements of the hottest paths — a reply, the session, the jobs every comment
 * queues. `query` is a `Prisma.sql` template: its values are parameters, never text in the SQL. Columns
 * arrive as node-postgres reads them: cast what needs a type (`::int` for a count, `::text` for an enum).
 * A failure is node-postgres's error, which isDatabaseUnavailable reads like Prisma's. It takes a connection
 * of its own: never the statement of an interactive transaction, which it would run outside.
 */
export async function sqlRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const text = query.text;
  // Dates as UTC text: a `timestamp` parameter keeps the wall time it is given.
  const values = query.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const result = await appPool().query<Row & pg.QueryResultRow>({ text, values, name: statementName(text), types: statementTypes });
  return result.rows;
}

/**
 * A name per statement text, so that each connection parses and plans it once (a prepared statement):
 * a reply's statement took PostgreSQL 1.1 ms to parse and plan each time. Bounded: a text past the
 * first 500 is sent unnamed, as Prisma sends every statement. Kept beside the pool (a module evaluated
 * again, in development or a test run, meets connections that already prepared names).
 */
function statementName(text: string) {
  const statementNames = (globalForPrisma.__footnoteStatementNames ??= new Map());
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < 500) {
    name = `footnote_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Ends the pool (after Prisma's `$disconnect`): what stops the app calls it once nothing else will run. */
export async function closeAppPool() {
  const pool = globalForPrisma.__footnotePool;
  globalForPrisma.__footnotePool = undefined;
  if (pool && !pool.ended && !pool.ending) await pool.end();
}

export const prisma: PrismaClient = (globalForPrisma.__footnotePrisma ??= createClient());
