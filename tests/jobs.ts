// Background jobs in integration tests: nothing runs them behind the test's back (the test server runs
// no job runner), so a test sees a job's effect exactly when it runs the queue.
import { runQueuedJobs } from "~/jobs/runner.server";
import { taskList } from "~/jobs/task-list.server";

/** Runs every job queued so far, and the jobs those add, until the queue is empty. */
export async function runJobs() {
  await runQueuedJobs({ connectionString: process.env.DATABASE_URL!, taskList });
}
