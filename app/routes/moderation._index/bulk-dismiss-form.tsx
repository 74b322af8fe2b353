import { Form } from "@remix-run/react";
import { Field, SubmitButton } from "~/components/forms";
import { useIsPendingFor } from "~/components/pending-for";
import { BULK_MAX, REASON_MAX_LENGTH } from "~/schemas/claim";
import type { ModerationRefusal } from "./answer";

/** One reason for every claim ticked in the cards below (their checkboxes belong to this form by its id). */
export function BulkDismissForm({ answer }: { answer: ModerationRefusal | undefined }) {
  const pending = useIsPendingFor("intent", "bulk-dismiss");
  const errors = answer?.errors ?? {};
  return (
    <Form
      method="post"
      id="bulk-dismiss"
      aria-label="Dismiss the selected claims"
      preventScrollReset
      className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-stone-100/70 p-4 sm:flex-row sm:items-end dark:border-stone-800 dark:bg-stone-900/60"
    >
      <input type="hidden" name="intent" value="bulk-dismiss" />
      <Field
        name="reason"
        id="bulk-reason"
        label={`Reason for dismissing the selected claims (at most ${BULK_MAX})`}
        maxLength={REASON_MAX_LENGTH}
        defaultValue={answer?.fields.reason ?? ""}
        error={errors.claimIds ?? errors.reason}
        className="grow"
      />
      <SubmitButton pending={pending} pendingLabel="Dismissing…">
        Dismiss selected
      </SubmitButton>
    </Form>
  );
}
