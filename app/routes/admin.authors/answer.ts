// What the imported-authors page's action answers, as its forms read it.

export type Intent = "link" | "unlink";
export type ActionErrors = { username?: string; reason?: string; form?: string };
export type ActionResult =
  | { ok: true; message: string; doneAt: number }
  | { ok: false; intent: Intent | null; authorId: number | null; errors: ActionErrors; fields: { username: string; reason: string } };
export type Refusal = Extract<ActionResult, { ok: false }>;
