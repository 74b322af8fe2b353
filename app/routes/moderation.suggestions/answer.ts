// What the suggestions page's action answers, as its forms read it.
import type { FormErrors } from "~/utils/http";

export type SuggestionDone = { ok: true; message: string; claimId: number | null };

/** A refused form: the suggestion it was about, its messages, and the reason as typed. */
export type SuggestionRefusal = {
  ok: false;
  suggestionId: number | null;
  errors: FormErrors<"reason">;
  fields: Partial<Record<"reason", string>>;
};
