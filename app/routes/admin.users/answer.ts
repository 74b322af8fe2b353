// What the users page's action answers, as its forms read it.
import type { ADMIN_USER_INTENTS } from "~/schemas/admin";
import type { FormErrors } from "~/utils/http";

export type Intent = (typeof ADMIN_USER_INTENTS)[number];

/** The fields whose messages are shown beside them, and whose values come back as typed. */
export const USER_FIELDS = ["role", "reason"] as const;
export type UserField = (typeof USER_FIELDS)[number];

export type Done = { ok: true; message: string; doneAt: number };

/** A refused form: which of the three it was (null when it named none), its messages and its values as typed. */
export type Refusal = { ok: false; intent: Intent | null; errors: FormErrors<UserField>; fields: Partial<Record<UserField, string>> };
