// The form layer's half in the page (ADR 0020): a field with its label, its message and its hint, the
// whole form's message, a submit button that shows the form is on its way. The server half is
// `parseForm` / `formFailure` in app/utils/http.ts; what they answer is read here with `failureOf`.
import { useFormAction, useNavigation, type Fetcher } from "@remix-run/react";
import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import type { FormErrors, FormFailure } from "~/utils/http";
import { Button, type ButtonProps } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { Input, labelClass, Select, Textarea } from "~/components/ui/input";
import { Notice } from "~/components/ui/notice";

/** The messages and kept values of a refused form, from an action's or a fetcher's answer (empty when it was not refused). */
export function failureOf<Field extends string>(answer: unknown): { errors: FormErrors<Field>; fields: Partial<Record<Field, string>> } {
  if (answer && typeof answer === "object" && "errors" in answer && "fields" in answer) {
    const failure = answer as FormFailure<Field>;
    return { errors: failure.errors ?? {}, fields: failure.fields ?? {} };
  }
  return { errors: {}, fields: {} };
}

/**
 * Whether this form is on its way (epic-stack's idiom): a navigation submitting to `formAction` (this
 * route's action by default) with `formMethod`, or, given a fetcher, that fetcher busy.
 */
export function useIsPending({
  formAction,
  formMethod = "POST",
  state = "non-idle",
  fetcher,
}: { formAction?: string; formMethod?: "POST" | "GET"; state?: "submitting" | "loading" | "non-idle"; fetcher?: Pick<Fetcher, "state"> } = {}) {
  const contextualFormAction = useFormAction();
  const navigation = useNavigation();
  if (fetcher) return fetcher.state !== "idle";
  const inState = state === "non-idle" ? navigation.state !== "idle" : navigation.state === state;
  return inState && navigation.formAction === (formAction ?? contextualFormAction) && navigation.formMethod === formMethod;
}

/** The ids of a field's messages and hint, in the order a screen reader should say them: what is wrong first. */
function describedBy(id: string, { error, warning, hint }: { error?: string; warning?: string; hint?: ReactNode }, extra?: string) {
  return [error ? `${id}-error` : null, warning ? `${id}-warning` : null, hint ? `${id}-hint` : null, extra].filter(Boolean).join(" ") || undefined;
}

/** One field's message, beside the field (its id is `${fieldId}-error`, which the field names as its description). */
export function ErrorList({ id, error, className }: { id?: string; error?: string; className?: string }) {
  if (!error) return null;
  return (
    <p id={id} className={cx("mt-1 text-sm text-red-700 dark:text-red-400", className)}>
      {error}
    </p>
  );
}

/** The message for the whole form (a refusal that belongs to no field), announced when it appears. */
export function FormError({ id, error, className }: { id?: string; error?: string; className?: string }) {
  if (!error) return null;
  return (
    <Notice tone="error" compact id={id} role="alert" className={className}>
      {error}
    </Notice>
  );
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">
      {hint}
    </p>
  );
}

type FieldFrame = {
  /** The field's name in the form, and its id unless `id` is given. */
  name: string;
  id?: string;
  label: ReactNode;
  /** The message from the server, shown beside the field: the value was refused. */
  error?: string;
  /** A message from the server that does not refuse the value (a search cut to its first 200 characters). */
  warning?: string;
  hint?: ReactNode;
  /** The label is read by screen readers only. */
  hiddenLabel?: boolean;
  /** Classes of the block around label, field and messages. */
  className?: string;
  labelClassName?: string;
  /** Shown after the field's messages (an addition such as a choice of occurrences). */
  children?: ReactNode;
  /** Shown on the field's line, after it (the search box's button). */
  inline?: ReactNode;
};

function Frame({ id, label, error, warning, hint, hiddenLabel, className, labelClassName, control, inline, children }: FieldFrame & { id: string; control: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={hiddenLabel ? "sr-only" : (labelClassName ?? labelClass)}>
        {label}
      </label>
      {inline ? (
        <div className="mt-1 flex gap-2">
          {control}
          {inline}
        </div>
      ) : (
        control
      )}
      <ErrorList id={`${id}-error`} error={error} />
      {warning ? (
        <Notice tone="warning" compact role="status" id={`${id}-warning`} className="mt-2">
          {warning}
        </Notice>
      ) : null}
      <Hint id={id} hint={hint} />
      {children}
    </div>
  );
}

type FieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "children" | "className"> & { inputClassName?: string };

/** A labelled text box with its message and hint; the value typed comes back as `defaultValue`. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { name, id = name, label, error, warning, hint, hiddenLabel, className, labelClassName, children, inline, inputClassName, "aria-describedby": more, ...input },
  ref,
) {
  return (
    <Frame
      {...{ name, id, label, error, warning, hint, hiddenLabel, className, labelClassName, children, inline }}
      control={
        <Input
          ref={ref}
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { error, warning, hint }, more)}
          {...input}
          className={cx(!hiddenLabel && !inline && "mt-1", inputClassName)}
        />
      }
    />
  );
});

type TextareaFieldProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "children" | "className"> & { textareaClassName?: string };

export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(function TextareaField(
  { name, id = name, label, error, warning, hint, hiddenLabel, className, labelClassName, children, textareaClassName, "aria-describedby": more, ...textarea },
  ref,
) {
  return (
    <Frame
      {...{ name, id, label, error, warning, hint, hiddenLabel, className, labelClassName, children }}
      control={
        <Textarea
          ref={ref}
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { error, warning, hint }, more)}
          {...textarea}
          className={cx("mt-1", textareaClassName)}
        />
      }
    />
  );
});

type SelectFieldProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "className"> & { options: ReactNode };

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { name, id = name, label, error, warning, hint, hiddenLabel, className, labelClassName, children, options, ...select },
  ref,
) {
  return (
    <Frame
      {...{ name, id, label, error, warning, hint, hiddenLabel, className, labelClassName, children }}
      control={
        <Select ref={ref} id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { error, warning, hint })} {...select} className="mt-1">
          {options}
        </Select>
      }
    />
  );
});

/**
 * A field for bots only (a honeypot): people never see or reach it, and anything typed in it refuses the
 * form. The action checks that it is empty.
 */
export function Honeypot({ name = "website" }: { name?: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label>
        Website <input type="text" name={name} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

/** The form's submit button: disabled while the form is on its way, with `pendingLabel` then. */
export function SubmitButton({ pending, pendingLabel, children, disabled, ...props }: ButtonProps & { pending: boolean; pendingLabel?: ReactNode }) {
  return (
    <Button type="submit" disabled={pending || disabled} aria-busy={pending || undefined} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
