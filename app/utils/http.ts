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

/** A validated form or a thrown 400 with the first message: for forms whose errors are not shown beside fields. */
export async function parseForm<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) invariantResponse(false, firstIssueOf(parsed.error), { status: 400 });
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
