import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { EXACT_MAX_LENGTH, FLAG_CLAIM_ACTION, FLAG_REASON_LABELS, FLAG_REASONS, NOTE_MAX_LENGTH, type FlagReason } from "~/schemas/claim";

/** What `POST /claims?index` answers a flag sent by JavaScript (`js=1`). */
export type FlagClaimActionData =
  | { ok: true; claimId: number; joined: boolean }
  | {
      ok: false;
      errors: { exact?: string; reason?: string; note?: string; form?: string };
      values: FlagClaimValues;
      /** The words occur more than once in the target: each occurrence with its context, for the reader to choose. */
      occurrences?: { start: number; prefix: string; exact: string; suffix: string }[];
    };

export type FlagClaimValues = {
  targetType: "section" | "comment";
  targetId: number;
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  reason?: FlagReason | "";
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

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-xs " +
  "focus:border-accent-600 aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";

/**
 * The "citation required" form: the selected text (with its context and position as hidden fields),
 * a reason, and a note when the reason is "other". Sent by a fetcher with JavaScript; a plain post
 * without, which the server answers with a redirect to the claim.
 */
export function FlagClaimForm({ values, answer, editableExact = false, onDone }: FlagClaimFormProps) {
  const fetcher = useFetcher<FlagClaimActionData>();
  const result = fetcher.data ?? answer;
  const failed = result && !result.ok ? result : undefined;
  const shown = failed?.values ?? values;
  const [hydrated, setHydrated] = useState(false);
  const [reason, setReason] = useState<string>(shown.reason ?? "");
  const id = useId();
  const busy = fetcher.state !== "idle";

  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onDone?.(fetcher.data);
    // onDone changes identity with every render of the parent; the answer is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const errors = failed?.errors ?? {};
  return (
    <fetcher.Form method="post" action={FLAG_CLAIM_ACTION} noValidate className="space-y-4" aria-describedby={errors.form ? `${id}-form-error` : undefined}>
      <input type="hidden" name="intent" value="flag-claim" />
      <input type="hidden" name="targetType" value={shown.targetType} />
      <input type="hidden" name="targetId" value={shown.targetId} />
      {shown.prefix ? <input type="hidden" name="prefix" value={shown.prefix} /> : null}
      {shown.suffix ? <input type="hidden" name="suffix" value={shown.suffix} /> : null}
      {shown.start !== undefined && !failed?.occurrences ? <input type="hidden" name="start" value={shown.start} /> : null}
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}

      {errors.form ? (
        <p id={`${id}-form-error`} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {errors.form}
        </p>
      ) : null}

      {editableExact ? (
        <div>
          <label htmlFor={`${id}-exact`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            The text that needs a source
          </label>
          <textarea
            id={`${id}-exact`}
            name="exact"
            rows={3}
            maxLength={EXACT_MAX_LENGTH}
            defaultValue={shown.exact}
            aria-invalid={errors.exact ? true : undefined}
            aria-describedby={`${id}-exact-help${errors.exact ? ` ${id}-exact-error` : ""}`}
            className={fieldClass}
          />
          <p id={`${id}-exact-help`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">
            Copy it exactly from the section or comment, at most {EXACT_MAX_LENGTH.toLocaleString("en")} characters.
          </p>
          {errors.exact ? (
            <p id={`${id}-exact-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.exact}
            </p>
          ) : null}
          {failed?.occurrences ? <OccurrenceChoice occurrences={failed.occurrences} describedBy={`${id}-exact-error`} /> : null}
        </div>
      ) : (
        <div>
          <input type="hidden" name="exact" value={shown.exact} />
          <p className="text-sm font-medium text-stone-800 dark:text-stone-200">The text that needs a source</p>
          <ClaimInContext prefix={shown.prefix ?? ""} exact={shown.exact} suffix={shown.suffix ?? ""} className="mt-1 text-sm" />
          {errors.exact ? <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.exact}</p> : null}
        </div>
      )}

      <fieldset aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
        <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">Why does it need a source?</legend>
        <div className="mt-1 space-y-1">
          {FLAG_REASONS.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="reason"
                value={value}
                defaultChecked={shown.reason === value}
                onChange={() => setReason(value)}
                aria-invalid={errors.reason ? true : undefined}
                className="size-4 accent-accent-700"
              />
              {FLAG_REASON_LABELS[value]}
            </label>
          ))}
        </div>
        {errors.reason ? (
          <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.reason}
          </p>
        ) : null}
      </fieldset>

      {/* Without JavaScript the note is always offered; it is required only for "Other". */}
      {!hydrated || reason === "other" || errors.note ? (
        <div>
          <label htmlFor={`${id}-note`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            What is wrong with it? <span className="font-normal text-stone-500 dark:text-stone-400">(required for “Other”)</span>
          </label>
          <textarea
            id={`${id}-note`}
            name="note"
            rows={2}
            maxLength={NOTE_MAX_LENGTH}
            defaultValue={shown.note ?? ""}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? `${id}-note-error` : undefined}
            className={fieldClass}
          />
          {errors.note ? (
            <p id={`${id}-note-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.note}
            </p>
          ) : null}
        </div>
      ) : null}

      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 disabled:cursor-wait disabled:opacity-70 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100"
      >
        {busy ? "Flagging…" : "Flag: citation required"}
      </button>
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {result.joined ? "Others flagged this too: your flag joined their claim." : "Flagged. The community and the moderators will follow it up."}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** "Which one?": each occurrence of the words in the target, in its context; the choice is sent as its position. */
function OccurrenceChoice({ occurrences, describedBy }: { occurrences: NonNullable<Extract<FlagClaimActionData, { ok: false }>["occurrences"]>; describedBy: string }) {
  return (
    <fieldset className="mt-2" aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">Which occurrence needs a source?</legend>
      <div className="mt-1 space-y-2">
        {occurrences.map((occurrence, index) => (
          <label key={occurrence.start} className="flex items-start gap-2 text-sm">
            <input type="radio" name="start" value={occurrence.start} className="mt-1 size-4 shrink-0 accent-accent-700" />
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
