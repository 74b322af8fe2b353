// Rate limits on sign-in, sign-up, posting, flagging and importing. The counters live in PostgreSQL (the
// "RateLimit" table, rate-limiter-flexible's RateLimiterPostgres), so every app process on one database
// shares them. The store is chosen in one place, `createStore`; the sign-in design is ADR 0012.
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "~/utils/env.server";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

interface LimitOptions {
  keyPrefix: string;
  points: number;
  /** Seconds the window lasts. */
  duration: number;
}

// One small pool for the counters: a limit is checked before the Prisma work of the request starts.
const globalForLimits = globalThis as unknown as { __footnoteRateLimitPool?: pg.Pool };

function pool() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start and npm test set it for the embedded PostgreSQL).");
  if (globalForLimits.__footnoteRateLimitPool) return globalForLimits.__footnoteRateLimitPool;
  const created = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: 5_000 });
  // An idle connection the server closes (a restart, an outage) is dropped by the pool; it must not end the process.
  created.on("error", (error) => console.error(`rate-limit pool: ${error.message}`));
  return (globalForLimits.__footnoteRateLimitPool = created);
}

/** Closes the counters' pool (graceful shutdown, after the server stopped taking requests). */
export async function closeRateLimits() {
  const open = globalForLimits.__footnoteRateLimitPool;
  globalForLimits.__footnoteRateLimitPool = undefined;
  await open?.end();
}

/** The store behind every limit; swap it here (memory, Redis…) and nothing else changes. */
function createStore(options: LimitOptions): RateLimiterAbstract {
  // The table is created by a migration; expired rows are cleared by the library every five minutes.
  return new RateLimiterPostgres({ ...options, storeClient: pool(), tableName: "RateLimit", tableCreated: true });
}

/** Every limit, in seconds and points. End-to-end suites, all from 127.0.0.1, scale the per-address ones only. */
function limitOptions() {
  const perAddress = getEnv().RATE_LIMIT_IP_SCALE;
  return {
    /** Sign-in attempts from one address, whichever usernames it tries. */
    signInByIp: { keyPrefix: "sign-in-ip", points: 50 * perAddress, duration: 15 * MINUTE },
    /** Failed sign-ins for one (username, address) pair; the count behind the growing wait. */
    signInFailuresByPair: { keyPrefix: "sign-in-pair", points: 1_000, duration: HOUR },
    /** The wait a pair is under after too many failures (set by `block`, never consumed). */
    signInWaitByPair: { keyPrefix: "sign-in-wait", points: 1, duration: 1 },
    signUpByIp: { keyPrefix: "sign-up-ip", points: 5 * perAddress, duration: HOUR },
    postByUser: { keyPrefix: "post-user", points: 10, duration: MINUTE },
    flagByUser: { keyPrefix: "flag-user", points: 20, duration: 10 * MINUTE },
    importByUser: { keyPrefix: "import-user", points: 30, duration: 10 * MINUTE },
  } satisfies Record<string, LimitOptions>;
}

export type RateLimitName = keyof ReturnType<typeof limitOptions>;

let limiters: Record<RateLimitName, RateLimiterAbstract> | undefined;

function limiter(name: RateLimitName) {
  limiters ??= Object.fromEntries(
    Object.entries(limitOptions()).map(([key, options]) => [key, createStore(options)]),
  ) as Record<RateLimitName, RateLimiterAbstract>;
  return limiters[name];
}

export class RateLimitedError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`);
  }
}

function secondsUntil(msBeforeNext: number) {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** Spends one point; throws RateLimitedError with the wait when the limit is reached. */
export async function consume(name: RateLimitName, key: string | number) {
  try {
    await limiter(name).consume(String(key));
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(secondsUntil(error.msBeforeNext));
    throw error;
  }
}

/** Gives back the point `consume` spent, for an attempt that was refused and so made nothing. */
export async function refund(name: RateLimitName, key: string | number) {
  await limiter(name).reward(String(key), 1);
}

/** Throws RateLimitedError when the key has no points left, without spending one. */
export async function ensureNotLimited(name: RateLimitName, key: string | number) {
  const current = limiter(name);
  const state = await current.get(String(key));
  if (state && state.consumedPoints >= current.points && state.msBeforeNext > 0) {
    throw new RateLimitedError(secondsUntil(state.msBeforeNext));
  }
}

export async function resetLimit(name: RateLimitName, key: string | number) {
  await limiter(name).delete(String(key));
}

// ——— Sign-in: growing waits per (username, address), never a lock of the account (ADR 0012) ———

/** The failure of a pair after which waits begin. */
export const SIGN_IN_FREE_FAILURES = 5;
/** The longest wait, however many failures. */
export const SIGN_IN_MAX_WAIT_SECONDS = 15 * MINUTE;

/** The wait after the `failures`-th failure of a pair: none for the first four, then 2, 4, 8… seconds up to 15 minutes. */
export function signInWaitSeconds(failures: number) {
  if (failures < SIGN_IN_FREE_FAILURES) return 0;
  return Math.min(SIGN_IN_MAX_WAIT_SECONDS, 2 ** (failures - SIGN_IN_FREE_FAILURES + 1));
}

/** Hashed: any typed username fits the key column, and the table does not list who was tried. */
function pairKey(usernameKey: string, address: string) {
  return createHash("sha256").update(JSON.stringify([usernameKey, address])).digest("base64url");
}

/** Throws RateLimitedError while this username may not be tried from this address yet. */
export async function ensureSignInAllowed(usernameKey: string, address: string) {
  const state = await limiter("signInWaitByPair").get(pairKey(usernameKey, address));
  if (state && state.consumedPoints > 0 && state.msBeforeNext > 0) throw new RateLimitedError(secondsUntil(state.msBeforeNext));
}

/** Counts a wrong password for the pair and starts its wait, if it has one now. */
export async function recordSignInFailure(usernameKey: string, address: string) {
  const key = pairKey(usernameKey, address);
  const counted = await limiter("signInFailuresByPair").penalty(key, 1);
  const wait = signInWaitSeconds(counted.consumedPoints);
  if (wait > 0) await limiter("signInWaitByPair").block(key, wait);
}

/** A right password clears the pair's failures and wait. */
export async function clearSignInFailures(usernameKey: string, address: string) {
  const key = pairKey(usernameKey, address);
  await Promise.all([limiter("signInFailuresByPair").delete(key), limiter("signInWaitByPair").delete(key)]);
}

/** A plain-text 429 for resource routes and API answers; forms use `retryAfter` on their own 429. */
export function tooManyRequests(error: RateLimitedError) {
  return new Response(error.message, {
    status: 429,
    headers: { ...retryAfter(error), "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * A route's `headers` for document requests: the action's Retry-After reaches the browser (without a
 * `headers` export Remix drops an action's headers from the HTML answer).
 */
export function retryAfterHeaders({ actionHeaders }: { actionHeaders: Headers }) {
  const headers = new Headers();
  const wait = actionHeaders.get("Retry-After");
  if (wait) headers.set("Retry-After", wait);
  return headers;
}

/** The Retry-After header every 429 carries. */
export function retryAfter(error: RateLimitedError) {
  return { "Retry-After": String(error.retryAfterSeconds) };
}
