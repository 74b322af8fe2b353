// Telling "the database cannot be reached right now" apart from every other error, so that an outage
// is answered with 503 + Retry-After ("try again") instead of a 500 ("we have a bug").

/** Seconds a client is told to wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

export const OUTAGE_MESSAGE =
  "Footnote cannot reach its database right now. Nothing you sent was half-saved: try again in a few seconds.";

// SQLSTATEs: connection exceptions (08…), the server shutting down or starting (57P01–57P03),
// too many connections (53300), a statement cancelled by statement_timeout (57014).
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02", "57P03", "53300", "57014"]);
// Socket errors from the driver.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// Prisma's codes: server unreachable, timeouts, connection closed, no pooled connection in time, transaction not started in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// The driver adapter's kinds, and the pg driver's own plain errors.
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (?:is )?(?:closed|refused)/i,
  /not queryable/i,
  /the database system is (?:shutting down|starting up|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /can't reach database server/i,
  /unable to start a transaction in the given time/i,
  /server closed the connection unexpectedly/i,
  /canceling statement due to statement timeout/i,
];

/** True when `error` (or what it wraps) says the database is unreachable, shutting down, or overloaded. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    for (const code of [candidate.code, candidate.originalCode]) {
      if (typeof code === "string" && (SQLSTATES.has(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
    }
    if (typeof candidate.kind === "string" && KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && MESSAGES.some((pattern) => pattern.test(candidate.message as string))) return true;
    queue.push(candidate.cause, candidate.meta);
    if (candidate.meta && typeof candidate.meta === "object") queue.push(...Object.values(candidate.meta));
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return false;
}
