// The input boundary's rules, shared by the HTTP server (scripts/server.ts), the schemas and the feeds.
// docs/api.md ("Input rules") says which rule applies to which field.
import { z } from "zod";

/** A form body is read up to this many bytes unless its route says more; past it the answer is 413. */
export const FORM_MAX_BYTES = 64 * 1024;

/** An import takes at most this many files of at most this many bytes each (app/schemas/import.ts says so per file). */
export const MAX_FILES_PER_IMPORT = 10;
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

/** Routes that take more than a form: the import's uploads (files of at most 5 MB each, plus the form around them). */
const ROUTE_MAX_BYTES: Record<string, number> = {
  "/admin/import": MAX_FILES_PER_IMPORT * MAX_IMPORT_FILE_BYTES * 1.4 + 1024 * 1024,
};

/** The most bytes a request body to `pathname` may have. */
export function maxBodyBytes(pathname: string) {
  return ROUTE_MAX_BYTES[pathname.replace(/\/+$/, "") || "/"] ?? FORM_MAX_BYTES;
}

export function describeBytes(bytes: number) {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The largest id PostgreSQL's `integer` holds: every id of the database. */
export const MAX_INT4 = 2_147_483_647;

/**
 * A database id from a form, query or path: a whole number from 1 to 2³¹−1, else `message`. Written in
 * digits: `Number()` alone would also read "0x10", "1e3" or "12.0" as ids.
 */
export function idSchema(message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" && !/^\s*[0-9]+\s*$/.test(value) ? Number.NaN : value),
    z.coerce.number({ error: message }).int(message).positive(message).max(MAX_INT4, message),
  );
}

/** A database id in a path segment (`/claims/12`): digits only, no sign, no exponent, within int4. */
export function idParamSchema(message: string) {
  return z
    .string({ error: message })
    .regex(/^[1-9][0-9]{0,9}$/, message)
    .transform(Number)
    .refine((id) => id <= MAX_INT4, message);
}

// Characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets): C0 controls other than TAB, LF and CR,
// lone surrogates, U+FFFE and U+FFFF. PostgreSQL refuses NUL; feeds would stop parsing on the rest.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters XML 1.0 forbids: what free text is stored as, and what feeds and JSON show. */
export function xmlSafe(text: string) {
  return text.replace(XML_FORBIDDEN, "");
}

/** Any C0 control character or DEL, TAB/CR/LF included: none belongs in a name, an address or a path. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export const NUL = "\u0000";

/** Free text of a form (comment, note, quote, reason, title): forbidden characters dropped, then `schema`. */
export function freeText<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" ? xmlSafe(value) : value), schema);
}

/** A one-line identifier (username, e-mail, address): refused when it holds a control character. */
export function withoutControls(schema: z.ZodString, what: string) {
  return schema.refine((value) => !CONTROL_CHARACTER.test(value), `${what} cannot contain control characters (such as tab or line breaks).`);
}
