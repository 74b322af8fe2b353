// Runs the queue's jobs in this process: each app process runs a few at a time (graphile-worker takes a
// job with SKIP LOCKED, so several processes never run one job twice), woken by LISTEN/NOTIFY when a job
// is added. Tests and scripts run what is queued and wait for it with runQueuedJobs.
import { Logger, run, runOnce, type TaskList } from "graphile-worker";

export interface JobRunner {
  stop(): Promise<void>;
}

/** Quiet unless something fails: a failed job is logged with its error and retried with back-off. */
function logger(log: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(`[jobs] ${message}`);
  });
}

export async function startJobRunner({
  connectionString,
  concurrency = 2,
  taskList,
  log = (line: string) => console.error(line),
}: {
  connectionString: string;
  concurrency?: number;
  /** The build's task list (entry.server.tsx exports it), or app/jobs/task-list.server.ts's in tests. */
  taskList: TaskList;
  log?: (line: string) => void;
}): Promise<JobRunner> {
  const runner = await run({
    connectionString,
    concurrency,
    // Its own small pool: jobs never wait behind requests for a connection, nor requests behind jobs.
    maxPoolSize: concurrency + 2,
    taskList,
    noHandleSignals: true,
    pollInterval: 2_000,
    logger: logger(log),
  });
  // The runner's promise rejects when it stops for good (its pool failed while the database was away):
  // that is logged, never an unhandled rejection that would take the web process down with it.
  runner.promise.catch((error: Error) => log(`[jobs] runner stopped: ${error.message}`));
  return {
    // Lets a running job finish (graphile-worker's graceful stop), then closes the pool.
    stop: () => runner.stop(),
  };
}

/** Runs every job that is due now, one after another, until none is left: for tests and scripts. */
export async function runQueuedJobs({ connectionString, taskList }: { connectionString: string; taskList: TaskList }) {
  await runOnce({ connectionString, taskList, noHandleSignals: true, logger: logger((line) => console.error(line)) });
}
