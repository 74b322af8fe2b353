// What the imported-authors page's action answers, as its forms read it.
import type { FormErrors } from "~/utils/http";

export type Intent = "link" | "unlink";

/** The fields whose messages are shown beside them, and whose values come back as typed. */
export const AUTHOR_FIELDS = ["username", "reason"] as const;
export type AuthorField = (typeof AUTHOR_FIELDS)[number];

export type Done = { ok: true; message: string; doneAt: number };

/** A refused form: which author's form it was, its messages and its values as typed. */
export type Refusal = {
  ok: false;
  intent: Intent | null;
  authorId: number | null;
  errors: FormErrors<AuthorField>;
  fields: Partial<Record<AuthorField, string>>;
};
