import { isIP } from "node:net";
import { z } from "zod";

/**
 * What Express trusts in X-Forwarded-For: how many proxies stand in front of the app, or which addresses
 * and subnets they have. Never every address: a client could then write its own address in the header.
 */
export type TrustProxy = false | number | string[];

const TRUST_PROXY_HELP =
  "must be the number of proxies in front of the app (such as 1) or a comma-separated list of their addresses or subnets " +
  "(such as 10.0.0.1,192.168.0.0/16, or loopback, linklocal, uniquelocal); \"true\" would let any client choose its own address";

/** "", "0" → false; "2" → 2; "10.0.0.1, 10.1.0.0/16" → the list; anything else (including "true") → null. */
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text === "false") return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? hops : null;
  }
  const entries = text.split(",").map((entry) => entry.trim());
  return entries.every(isProxyAddress) ? entries : null;
}

function isProxyAddress(entry: string) {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const version = isIP(address ?? "");
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** `NAME=` (docker-compose's `${NAME:-}`) means unset. */
function unsetWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema);
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Any PostgreSQL (15 or later). When unset, the scripts start the embedded PostgreSQL and set it. */
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// connection string")
    .optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  EMBEDDED_PG_DATA_DIR: z.string().min(1).default(".data/postgres"),
  /** Session cookies carry `Secure` when true; defaults to true in production. */
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  /** Time zone the imported comment timestamps were written in. */
  IMPORT_TIME_ZONE: z
    .string()
    .refine(isTimeZone, "must be an IANA time zone such as America/Los_Angeles")
    .default("America/Los_Angeles"),
  /** Minutes a claim on a comment stays visible only to its author, flaggers and staff before everyone sees it. */
  CLAIM_GRACE_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** The suggestions tab shows at most this many likely-unsourced suggestions per episode per day (the rest behind "show more"). */
  SUGGESTIONS_PER_EPISODE_DAY: z.coerce.number().int().min(1).max(500).default(10),
  /** Multiplies the per-address rate limits (sign-in, sign-up); end-to-end tests, all from one address, raise it. */
  RATE_LIMIT_IP_SCALE: z.coerce.number().int().min(1).max(1000).default(1),
  /** The proxies in front of the app whose X-Forwarded-For is believed (see parseTrustProxy); unset: none. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseTrustProxy(value);
      if (parsed === null) {
        context.addIssue({ code: "custom", message: TRUST_PROXY_HELP });
        return z.NEVER;
      }
      return parsed;
    }),
  /** `npm run setup` on a database without users: the first admin's password (else a random one is printed once). */
  ADMIN_PASSWORD: unsetWhenEmpty(z.string().min(10, "must have at least 10 characters (the sign-up rule)").max(1000).optional()),
  /** `npm run serve`: how many app processes (node:cluster workers); default: one per core. */
  WEB_CONCURRENCY: unsetWhenEmpty(z.coerce.number().int().min(1).max(64).optional()),
  /**
   * Key of the nonces of cached anonymous pages (ADR 0022): processes sharing it render the same bytes and
   * ETags. Unset: `npm run serve` draws one for its workers; separate hosts then differ (still correct).
   */
  CSP_NONCE_SECRET: unsetWhenEmpty(z.string().min(32, "must have at least 32 characters (openssl rand -base64 32)").optional()),
  /** Background jobs (the suggestion pass, ADR 0029) each app process runs at a time; 0 runs none here. */
  JOB_CONCURRENCY: z.coerce.number().int().min(0).max(32).default(2),
  /** Requests one app process works on at once; the others wait their turn (scripts/request-slots.ts). */
  REQUEST_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  /**
   * Where mail goes: an SMTP server as smtp(s)://user:password@host:port. Unset: mail is written and
   * kept in the database, shown to admins at /admin/mail, and sent nowhere (ADR 0035).
   */
  SMTP_URL: unsetWhenEmpty(z.string().refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// address").optional()),
  /** The sender of every mail. */
  MAIL_FROM: z.string().min(3).default("Footnote <footnote@localhost>"),
  /** The address of the site as readers reach it, for the links in mail (no request to read it from). */
  APP_URL: unsetWhenEmpty(z.string().url().optional()),
  /** Import the documents in seeds/ that are not imported yet when `npm start` runs. */
  IMPORT_SEEDS_ON_START: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .default(true),
});

export type Env = z.infer<typeof EnvSchema>;

function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

let cached: Env | undefined;

/** Reads and validates the environment once; a bad variable stops the process with its name. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new EnvError(`Invalid environment variables:\n${problems}\nSee .env.example for every variable.`);
  }
  cached = parsed.data;
  return cached;
}

export class EnvError extends Error {}

/** TRUST_PROXY as the server reads it when it starts (checked at boot by getEnv as well). */
export function trustProxyFromEnv(): TrustProxy {
  const parsed = parseTrustProxy(process.env.TRUST_PROXY);
  if (parsed === null) throw new EnvError(`Invalid environment variables:\n  TRUST_PROXY: ${TRUST_PROXY_HELP}`);
  return parsed;
}

/** The site's origin for links written outside a request (mail): APP_URL, else this machine's port. */
export function appOrigin(env: Env = getEnv()) {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export function cookieSecure(env: Env = getEnv()) {
  return env.COOKIE_SECURE ?? env.NODE_ENV === "production";
}
