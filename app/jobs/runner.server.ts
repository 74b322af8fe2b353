// Runs the queue's jobs in this process: each app process runs a few at a time (graphile-worker takes a
// job with SKIP LOCKED, so several processes never run one job twice), woken by LISTEN/NOTIFY when a job
// is added. Tests and scripts run what is queued and wait for it with runQueuedJobs.
import { Logger, run, runOnce, type Runner, type TaskList } from "graphile-worker";

export interface JobRunner {
  stop(): Promise<void>;
}

/** Quiet unless something fails: a failed job is logged with its error and retried with back-off. */
function logger(log: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(`[jobs] ${message}`);
  });
}

/**
 * Starts the runner and keeps it running: when the database goes away graphile-worker may give up (its
 * pool cannot record a finished job, and it stops rather than guess); the runner is then started again,
 * after 1 s and doubling up to 30 s, until the database is back. A job it was running is retried: jobs are
 * written to be run again (they read the current state, and mail is recorded before it is sent).
 */
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
  let stopped = false;
  let current: Runner | undefined;
  let retryMs = 1_000;
  let retryTimer: NodeJS.Timeout | undefined;

  const start = async (): Promise<void> => {
    const runner = await run({
      connectionString,
      concurrency,
      // Its own small pool: jobs never wait behind requests for a connection, nor requests behind jobs.
      maxPoolSize: concurrency + 2,
      taskList,
      noHandleSignals: true,
      pollInterval: 2_000,
      logger: logger(log),
      // Finished and failed jobs are recorded in batches (at once): graphile-worker 0.17 handles a failure to
      // record one there (it stops the runner, restarted below) where the unbatched path leaves an unhandled
      // rejection that ends the process when the database goes away. Jobs are fetched a few at a time (the
      // local queue): a reply adds two jobs at once, and they cost one get_job instead of one per job plus an
      // empty one per idle worker (PostgreSQL's statement log, docs/performance.md).
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0, localQueue: { size: concurrency + 1 } } },
    });
    if (stopped) {
      // Stopped while this restart was connecting.
      await runner.stop();
      return;
    }
    current = runner;
    retryMs = 1_000;
    runner.promise.then(
      () => undefined,
      (error: Error) => {
        log(`[jobs] runner stopped (${error.message}); starting it again`);
        restartLater();
      },
    );
  };

  const restartLater = () => {
    current = undefined;
    if (stopped) return;
    retryTimer = setTimeout(() => {
      start().catch((error: Error) => {
        log(`[jobs] runner could not start (${error.message}); trying again in ${Math.round(retryMs / 1000)} s`);
        retryMs = Math.min(retryMs * 2, 30_000);
        restartLater();
      });
    }, retryMs);
    retryTimer.unref();
  };

  await start();
  return {
    // Lets a running job finish (graphile-worker's graceful stop), then closes the pool.
    stop: async () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await current?.stop().catch(() => {});
    },
  };
}

/** Runs every job that is due now, one after another, until none is left: for tests and scripts. */
export async function runQueuedJobs({ connectionString, taskList }: { connectionString: string; taskList: TaskList }) {
  await runOnce({ connectionString, taskList, noHandleSignals: true, logger: logger((line) => console.error(line)) });
}
