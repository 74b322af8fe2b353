// Watching and mail (issue 18, ADR 0035): the fan-out of a new comment or a claim's new state to the
// members concerned, and the mail they chose, each after the write that caused it has committed.
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { JobName, JobPayloads } from "~/models/jobs.server";
import { mailNotifications, sendStoredMail } from "~/models/mail.server";
import { notifyClaimEvent, notifyNewComment } from "~/models/watch.server";

const id = z.number().int().positive();

type TaskOf = <Name extends JobName>(name: Name, schema: z.ZodType<JobPayloads[Name]>, run: (payload: JobPayloads[Name]) => Promise<void>) => Task;

export function watchTasks(task: TaskOf) {
  return {
    "notify-comment": task("notify-comment", z.object({ commentId: id }), ({ commentId }) => notifyNewComment(commentId)),
    "notify-claim-event": task("notify-claim-event", z.object({ eventId: id }), ({ eventId }) => notifyClaimEvent(eventId)),
    "mail-notifications": task("mail-notifications", z.object({ userId: id }), async ({ userId }) => {
      await mailNotifications(userId);
    }),
    "send-mail": task("send-mail", z.object({ mailId: id }), ({ mailId }) => sendStoredMail(mailId)),
  };
}
