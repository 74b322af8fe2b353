import { Form, useNavigation } from "@remix-run/react";
import { BULK_MAX, REASON_MAX_LENGTH } from "~/schemas/claim";
import type { ModerationRefusal } from "./answer";
import { buttonClass, fieldClass } from "~/components/moderation/styles";

/** One reason for every claim ticked in the cards below (their checkboxes belong to this form by its id). */
export function BulkDismissForm({ answer }: { answer: ModerationRefusal | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "bulk-dismiss";
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
      <div className="grow">
        <label htmlFor="bulk-reason" className="block text-sm font-medium text-stone-800 dark:text-stone-200">
          Reason for dismissing the selected claims (at most {BULK_MAX})
        </label>
        <input
          id="bulk-reason"
          name="reason"
          maxLength={REASON_MAX_LENGTH}
          defaultValue={answer?.values.reason ?? ""}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason || errors.claimIds ? "bulk-error" : undefined}
          className={fieldClass}
        />
        {errors.reason || errors.claimIds ? (
          <p id="bulk-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.claimIds ?? errors.reason}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? "Dismissing…" : "Dismiss selected"}
      </button>
    </Form>
  );
}
