// What the users page's action answers, as its forms read it.
import type { ADMIN_USER_INTENTS } from "~/schemas/admin";

export type Intent = (typeof ADMIN_USER_INTENTS)[number];
export type ActionErrors = { role?: string; reason?: string; form?: string };
export type ActionResult =
  | { ok: true; message: string; doneAt: number }
  | { ok: false; intent: Intent | null; errors: ActionErrors; fields: { reason: string; role: string } };
export type Refusal = Extract<ActionResult, { ok: false }>;
