import { data } from "@remix-run/node";
import type { z } from "zod";
import { NUL } from "~/utils/input";

/** Throws a Response (rendered by the error boundary) when `condition` is falsy. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers } });
  }
}

export function jsonResponse(data: unknown, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

export const NUL_IN_FORM = "The form contains a NUL character (U+0000), which no field accepts. Remove it and send the form again.";

/**
 * The submitted form, as the input boundary lets it through: its size was capped by scripts/server.ts,
 * a NUL in any field is refused with 400, and a body that is not a form reads as an empty one, so
 * validation answers 400 instead of a crash. Other control characters are each field's schema's business.
 */
export async function readFormData(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new FormData();
  }
  for (const [name, value] of form) {
    const text = typeof value === "string" ? value : value.name;
    if (text.includes(NUL) || name.includes(NUL)) invariantResponse(false, NUL_IN_FORM, { status: 400 });
  }
  return form;
}

/** The first validation message, for a one-line 400 answer. */
export function firstIssueOf(error: z.ZodError) {
  return error.issues[0]?.message ?? "The request is not valid.";
}

// ---- The form layer (ADR 0020) -------------------------------------------------------------------
// A route parses its form with `parseForm`; a failure goes back with `formFailure` as
// `{ errors, fields }`: one message per field (`form` for the whole form) and the typed
// values to show again beside their fields. app/components/forms.tsx shows them.

/** Messages of a failed form: the first message of each field, and `form` for what belongs to no field. */
export type FormErrors<Field extends string = string> = Partial<Record<Field | "form", string>>;

/** What an action answers a form it refused: the messages and the values typed (never a password). */
export type FormFailure<Field extends string = string> = { ok?: false; errors: FormErrors<Field>; fields: Partial<Record<Field, string>> };

/** A text field of a form as typed: "" when it is missing or is a file. */
export function text(value: FormDataEntryValue | null | undefined): string {
  return typeof value === "string" ? value : "";
}

/**
 * The one mapping of validation issues to messages beside fields: the first message of each of
 * `fields` (by the issue's first path segment), every other issue under `form`.
 */
export function errorsOf<Field extends string>(error: z.ZodError, fields: readonly Field[]): FormErrors<Field> {
  const errors: FormErrors<Field> = {};
  for (const issue of error.issues) {
    const head = issue.path[0];
    const key = typeof head === "string" && (fields as readonly string[]).includes(head) ? (head as Field) : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The typed values of `fields`, to send back with a refusal. */
export function fieldsOf<Field extends string>(form: FormData, fields: readonly Field[]): Record<Field, string> {
  return Object.fromEntries(fields.map((field) => [field, text(form.get(field))])) as Record<Field, string>;
}

export type Submission<T, Field extends string> =
  | { ok: true; value: T; form: FormData; fields: Record<Field, string> }
  | { ok: false; errors: FormErrors<Field>; form: FormData; fields: Record<Field, string> };

type ParseFormOptions<Field extends string> = {
  /** The fields whose messages are shown beside them; any other issue is a message for the whole form. */
  fields: readonly Field[];
  /** The fields whose typed values go back with a refusal (default: `fields`). Leave passwords out. */
  keep?: readonly Field[];
  /** Values that do not come from the form (a path parameter), validated with it. */
  with?: Record<string, unknown>;
};

/**
 * A form through the input boundary (readFormData: size, NUL) and its schema: the value, or the
 * messages by field and the typed values to show again. Takes the request, or a form already read
 * (when the route counts or rewrites it first).
 */
export async function parseForm<T extends z.ZodType, Field extends string>(
  source: Request | FormData,
  schema: T,
  { fields, keep = fields, with: extra }: ParseFormOptions<Field>,
): Promise<Submission<z.infer<T>, Field>> {
  const form = source instanceof FormData ? source : await readFormData(source);
  const kept = fieldsOf(form, keep) as Record<Field, string>;
  const parsed = schema.safeParse({ ...Object.fromEntries(form), ...extra });
  if (parsed.success) return { ok: true, value: parsed.data, form, fields: kept };
  return { ok: false, errors: errorsOf(parsed.error, fields), form, fields: kept };
}

/**
 * A refused form: its messages beside the fields and the values typed, with `status` (400, 409, 429…).
 * `extra` carries what a form shows besides (a `formKey`, a match to confirm).
 */
export function formFailure<Field extends string, Extra extends object = Record<never, never>>(
  status: number,
  submission: { fields: Partial<Record<Field, string>> },
  errors: FormErrors<Field>,
  { headers, extra }: { headers?: HeadersInit; extra?: Extra } = {},
) {
  const failure: FormFailure<Field> & Extra = { ...(extra as Extra), errors, fields: submission.fields };
  return data(failure, { status, headers });
}

/**
 * A validated form or a thrown 400 with `message` (else the first issue's): for one-button forms, whose
 * only fields are hidden, so a refusal has no field to stand beside.
 */
export async function requireForm<T extends z.ZodType>(request: Request, schema: T, message?: string): Promise<z.infer<T>> {
  const parsed = schema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) invariantResponse(false, message ?? firstIssueOf(parsed.error), { status: 400 });
  return parsed.data;
}

/** The validated query string (unknown parameters dropped by the schema), or a thrown 400 with its message. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) invariantResponse(false, firstIssueOf(parsed.error), { status: 400 });
  return parsed.data;
}

/** Validated path parameters, or a thrown 404 with the message: an address that cannot exist names nothing. */
export function parseParams<T extends z.ZodType>(params: Record<string, string | undefined>, schema: T): z.infer<T> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) invariantResponse(false, firstIssueOf(parsed.error), { status: 404 });
  return parsed.data;
}
