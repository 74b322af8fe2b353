// Every background task by name (ADR 0029). A payload is parsed by the task's schema before it is trusted:
// a job row is data in the database, and a malformed one fails that job (kept with its error) instead of
// running on guesses. The names and payload types are declared once, in app/models/jobs.server.ts.
import type { Task, TaskList } from "graphile-worker";
import type { z } from "zod";
import type { JobName, JobPayloads } from "~/models/jobs.server";
import { suggestClaims, SuggestClaimsPayload } from "./suggest-claims.server";
import { checkQuote, CheckQuotePayload, recheckCitedPage, RecheckSourcePayload } from "./evidence.server";
import { watchTasks } from "./watch.server";

function task<Name extends JobName>(name: Name, schema: z.ZodType<JobPayloads[Name]>, run: (payload: JobPayloads[Name]) => Promise<void>): Task {
  return async (payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new Error(`${name}: malformed payload (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")})`);
    await run(parsed.data);
  };
}

export const taskList: TaskList = {
  "suggest-claims": task("suggest-claims", SuggestClaimsPayload, suggestClaims),
  "check-quote": task("check-quote", CheckQuotePayload, checkQuote),
  "recheck-source": task("recheck-source", RecheckSourcePayload, recheckCitedPage),
  ...watchTasks(task),
};
