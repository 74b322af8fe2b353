import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
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
const globalForPrisma = globalThis as unknown as { __footnotePrisma?: PrismaClient };

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start and npm test set it for the embedded PostgreSQL).");
  const adapter = new PrismaPg({
    connectionString,
    max: DATABASE_LIMITS.poolSize,
    connectionTimeoutMillis: DATABASE_LIMITS.connectionWaitMs,
    idleTimeoutMillis: DATABASE_LIMITS.idleConnectionMs,
    statement_timeout: DATABASE_LIMITS.statementTimeoutMs,
    idle_in_transaction_session_timeout: DATABASE_LIMITS.idleInTransactionMs,
    keepAlive: true,
    Client: GuardedClient,
  });
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: DATABASE_LIMITS.transactionMaxWaitMs, timeout: DATABASE_LIMITS.transactionTimeoutMs },
  });
}

export const prisma: PrismaClient = (globalForPrisma.__footnotePrisma ??= createClient());
