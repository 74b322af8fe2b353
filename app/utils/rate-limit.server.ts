// Rate limits on sign-in, posting and flagging. In memory: one app process per database is the
// deployment this project supports; a multi-process deployment would switch to RateLimiterPostgres.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "~/utils/env.server";

const MINUTE = 60;
// End-to-end suites send every journey from 127.0.0.1; they raise the per-address allowances only.
const PER_ADDRESS = getEnv().RATE_LIMIT_IP_SCALE;

export const rateLimits = {
  /** Attempts from one address, whichever usernames it tries. */
  signInByIp: new RateLimiterMemory({ keyPrefix: "sign-in-ip", points: 50 * PER_ADDRESS, duration: 15 * MINUTE }),
  /** Failed attempts on one username: the eleventh within the window is refused. */
  signInFailuresByUsername: new RateLimiterMemory({ keyPrefix: "sign-in-user", points: 10, duration: 15 * MINUTE }),
  signUpByIp: new RateLimiterMemory({ keyPrefix: "sign-up-ip", points: 5 * PER_ADDRESS, duration: 60 * MINUTE }),
  postByUser: new RateLimiterMemory({ keyPrefix: "post-user", points: 10, duration: MINUTE }),
  flagByUser: new RateLimiterMemory({ keyPrefix: "flag-user", points: 20, duration: 10 * MINUTE }),
  importByUser: new RateLimiterMemory({ keyPrefix: "import-user", points: 30, duration: 10 * MINUTE }),
};

export type RateLimitName = keyof typeof rateLimits;

export class RateLimitedError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`);
  }
}

/** Spends one point; throws RateLimitedError with the wait when the limit is reached. */
export async function consume(name: RateLimitName, key: string | number) {
  try {
    await rateLimits[name].consume(String(key));
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}

/** Throws RateLimitedError when the key has no points left, without spending one. */
export async function ensureNotLimited(name: RateLimitName, key: string | number) {
  const limiter = rateLimits[name];
  const state = await limiter.get(String(key));
  if (state && state.consumedPoints >= limiter.points) {
    throw new RateLimitedError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
  }
}

export async function resetLimit(name: RateLimitName, key: string | number) {
  await rateLimits[name].delete(String(key));
}

export function tooManyRequests(error: RateLimitedError) {
  return new Response(error.message, {
    status: 429,
    headers: { "Retry-After": String(error.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
  });
}
