import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { ErrorList, failureOf, FormError, SubmitButton, TextareaField, useIsPending } from "~/components/forms";
import { Choice, labelClass } from "~/components/ui/input";
import { EXACT_MAX_LENGTH, FLAG_CLAIM_ACTION, FLAG_REASON_LABELS, FLAG_REASONS, NOTE_MAX_LENGTH } from "~/schemas/claim";
import type { FormFailure } from "~/utils/http";

/** The fields of a flag with a message beside them; any other refusal is the form's. */
export const FLAG_FIELDS = ["exact", "reason", "note"] as const;
/** What a refused flag sends back as typed: the whole selection, so the form can be sent again. */
export const FLAG_KEPT = ["targetType", "targetId", "exact", "prefix", "suffix", "start", "reason", "note"] as const;
type FlagField = (typeof FLAG_KEPT)[number];

/** The words occur more than once in the target: each occurrence with its context, for the reader to choose. */
export type Occurrence = { start: number; prefix: string; exact: string; suffix: string };

/** What `POST /claims?index` answers a flag sent by JavaScript (`js=1`). */
export type FlagClaimActionData =
  | { ok: true; claimId: number; joined: boolean }
  | (FormFailure<FlagField> & { ok: false; occurrences?: Occurrence[] });

/** A selection to flag, as the episode page reads it, or a refused flag's fields as typed. */
export type FlagClaimValues = {
  targetType: string;
  targetId: number | string;
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number | string;
  reason?: string;
  note?: string;
};

type FlagClaimFormProps = {
  values: FlagClaimValues;
  /** The answer of a plain (no-JavaScript) post, shown until the form is sent again. */
  answer?: FlagClaimActionData;
  /** Without a selection (no JavaScript), the reader types or pastes the text to flag. */
  editableExact?: boolean;
  onDone?: (result: { claimId: number; joined: boolean }) => void;
};

/**
 * The "citation required" form: the selected text (with its context and position as hidden fields),
 * a reason, and a note when the reason is "other". Sent by a fetcher with JavaScript; a plain post
 * without, which the server answers with a redirect to the claim.
 */
export function FlagClaimForm({ values, answer, editableExact = false, onDone }: FlagClaimFormProps) {
  const fetcher = useFetcher<FlagClaimActionData>();
  const result = fetcher.data ?? answer;
  const failed = result && !result.ok ? result : undefined;
  const { errors, fields } = failureOf<FlagField>(failed);
  const shown: FlagClaimValues = failed ? { ...fields, targetType: fields.targetType ?? "", targetId: fields.targetId ?? "", exact: fields.exact ?? "" } : values;
  const [hydrated, setHydrated] = useState(false);
  const [reason, setReason] = useState<string>(shown.reason ?? "");
  const id = useId();
  const pending = useIsPending({ fetcher });

  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onDone?.(fetcher.data);
    // onDone changes identity with every render of the parent; the answer is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const start = shown.start === undefined || shown.start === "" ? undefined : shown.start;
  return (
    <fetcher.Form method="post" action={FLAG_CLAIM_ACTION} noValidate className="space-y-4" aria-describedby={errors.form ? `${id}-form-error` : undefined}>
      <input type="hidden" name="intent" value="flag-claim" />
      <input type="hidden" name="targetType" value={shown.targetType} />
      <input type="hidden" name="targetId" value={shown.targetId} />
      {shown.prefix ? <input type="hidden" name="prefix" value={shown.prefix} /> : null}
      {shown.suffix ? <input type="hidden" name="suffix" value={shown.suffix} /> : null}
      {start !== undefined && !failed?.occurrences ? <input type="hidden" name="start" value={start} /> : null}
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}

      <FormError id={`${id}-form-error`} error={errors.form} />

      {editableExact ? (
        <TextareaField
          id={`${id}-exact`}
          name="exact"
          label="The text that needs a source"
          error={errors.exact}
          hint={`Copy it exactly from the section or comment, at most ${EXACT_MAX_LENGTH.toLocaleString("en")} characters.`}
          rows={3}
          maxLength={EXACT_MAX_LENGTH}
          defaultValue={shown.exact}
        >
          {failed?.occurrences ? <OccurrenceChoice occurrences={failed.occurrences} describedBy={`${id}-exact-error`} /> : null}
        </TextareaField>
      ) : (
        <div>
          <input type="hidden" name="exact" value={shown.exact} />
          <p className={labelClass}>The text that needs a source</p>
          <ClaimInContext prefix={shown.prefix ?? ""} exact={shown.exact} suffix={shown.suffix ?? ""} className="mt-1 text-sm" />
          <ErrorList id={`${id}-exact-error`} error={errors.exact} />
        </div>
      )}

      <fieldset aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
        <legend className={labelClass}>Why does it need a source?</legend>
        <div className="mt-1 space-y-1">
          {FLAG_REASONS.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <Choice
                type="radio"
                name="reason"
                value={value}
                defaultChecked={shown.reason === value}
                onChange={() => setReason(value)}
                aria-invalid={errors.reason ? true : undefined}
              />
              {FLAG_REASON_LABELS[value]}
            </label>
          ))}
        </div>
        <ErrorList id={`${id}-reason-error`} error={errors.reason} />
      </fieldset>

      {/* Without JavaScript the note is always offered; it is required only for "Other". */}
      {!hydrated || reason === "other" || errors.note ? (
        <TextareaField
          id={`${id}-note`}
          name="note"
          label={
            <>
              What is wrong with it? <span className="font-normal text-stone-500 dark:text-stone-400">(required for “Other”)</span>
            </>
          }
          error={errors.note}
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          defaultValue={shown.note ?? ""}
        />
      ) : null}

      <SubmitButton pending={pending} pendingLabel="Flagging…">
        Flag: citation required
      </SubmitButton>
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {result.joined ? "Others flagged this too: your flag joined their claim." : "Flagged. The community and the moderators will follow it up."}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** "Which one?": each occurrence of the words in the target, in its context; the choice is sent as its position. */
function OccurrenceChoice({ occurrences, describedBy }: { occurrences: Occurrence[]; describedBy: string }) {
  return (
    <fieldset className="mt-2" aria-describedby={describedBy}>
      <legend className={labelClass}>Which occurrence needs a source?</legend>
      <div className="mt-1 space-y-2">
        {occurrences.map((occurrence, index) => (
          <label key={occurrence.start} className="flex items-start gap-2 text-sm">
            <Choice type="radio" name="start" value={occurrence.start} className="mt-1" />
            <span className="min-w-0 flex-1 font-serif [overflow-wrap:anywhere]">
              <span className="sr-only">Occurrence {index + 1}: </span>
              <span className="text-stone-500 dark:text-stone-400">…{occurrence.prefix.replace(/\s+/g, " ")}</span>
              <mark className="rounded-sm bg-amber-100 px-0.5 text-stone-950 dark:bg-amber-900/60 dark:text-amber-50">{occurrence.exact}</mark>
              <span className="text-stone-500 dark:text-stone-400">{occurrence.suffix.replace(/\s+/g, " ")}…</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
