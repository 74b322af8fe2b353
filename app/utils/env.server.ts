import { z } from "zod";

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

export function cookieSecure(env: Env = getEnv()) {
  return env.COOKIE_SECURE ?? env.NODE_ENV === "production";
}
