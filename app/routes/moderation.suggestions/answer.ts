// What the suggestions page's action answers, as its forms read it.

export type SuggestionAnswer =
  | { ok: true; message: string; claimId: number | null }
  | { ok: false; suggestionId: number | null; errors: { reason?: string; form?: string }; values: { reason: string } };

export type SuggestionRefusal = Extract<SuggestionAnswer, { ok: false }>;
