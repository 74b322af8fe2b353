// Work that must not hold up a request (the suggestion pass, later fetching a cited page or sending mail)
// is a job in PostgreSQL's own queue (graphile-worker, ADR 0029). A job is added in the transaction of the
// write that needs it, so it exists if and only if that write committed; a job key keeps one pending job
// per subject (a newer write replaces the older job instead of queueing a second).
import { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";

type Db = Prisma.TransactionClient | typeof prisma;

/** Every job and its payload. A task (app/jobs/) parses its payload with a schema before it trusts it. */
export type JobPayloads = {
  /** Recompute the likely-unsourced suggestions of a section's or comment's current text. */
  "suggest-claims": { target: { type: "section" | "comment"; id: number } };
  /** Check a proposed source's quote against its source's text; "recheck-source" fetches a cited page again (docs/claims.md, "Evidence"). */
  "check-quote": { proposalId: number };
  "recheck-source": { sourceId: number };
  /** Watching (issue 18): tell the watchers, the mentioned and the muted of a new comment / a claim's new state; mail. */
  "notify-comment": { commentId: number };
  "notify-claim-event": { eventId: number };
  "mail-notifications": { userId: number };
  "send-mail": { mailId: number };
};

export type JobName = keyof JobPayloads;

export interface JobOptions {
  /** At most one pending job per key: adding another replaces it (graphile-worker's "replace" mode). */
  jobKey?: string;
  runAt?: Date;
  /** Attempts before the job is given up (graphile-worker's default is 25, with exponential back-off). */
  maxAttempts?: number;
  /** Lower runs first. */
  priority?: number;
}

/** Adds a job in `db`'s transaction; returns its id. */
export async function enqueueJob<Name extends JobName>(db: Db, name: Name, payload: JobPayloads[Name], options: JobOptions = {}) {
  const [row] = await db.$queryRaw<{ id: string }[]>`
    SELECT (graphile_worker.add_job(
      ${name}::text,
      ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? null}::int
    )).id::text AS id`;
  return row!.id;
}

/**
 * The SQL that adds jobs from inside a statement whose rows make them, one call for all of them, to use as
 * a row source (`FROM inserted i, ${addJobsSql([…])} AS j`: a row per job). `payload` and `jobKey` are SQL
 * expressions over the statement's rows (`json_build_object('commentId', i.id)`), so the write and its jobs
 * cost one round trip. One `add_jobs` call: graphile-worker's `add_job` is `add_jobs` with one job, and each
 * call cost PostgreSQL about 0.8 ms (its PL/pgSQL, the task upsert, the NOTIFY) — 1.7 ms of a reply's 2.0
 * for two calls, 1.0 ms for one with both. A payload must have `JobPayloads[name]`'s shape: the task's
 * schema checks it when it runs.
 */
export function addJobsSql(jobs: { name: JobName; payload: Prisma.Sql; jobKey: Prisma.Sql }[]) {
  const specs = jobs.map(({ name, payload, jobKey }) => Prisma.sql`(${name}::text, ${payload}, NULL, NULL, NULL, ${jobKey}, NULL, NULL)::graphile_worker.job_spec`);
  return Prisma.sql`graphile_worker.add_jobs(ARRAY[${Prisma.join(specs)}])`;
}

/** Jobs not yet done (waiting, running or failed and waiting for a retry), by task: what /healthz and tests read. */
export async function pendingJobs() {
  const rows = await prisma.$queryRaw<{ task: string; count: number; failing: number }[]>`
    SELECT t.identifier AS task, count(*)::int AS count, count(*) FILTER (WHERE j.last_error IS NOT NULL)::int AS failing
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    GROUP BY t.identifier ORDER BY t.identifier`;
  return rows;
}
