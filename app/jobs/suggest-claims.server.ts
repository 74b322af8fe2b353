// The suggestion pass of one section or comment, after the write that changed its text has committed.
import { z } from "zod";
import { suggestForCurrentText } from "~/models/suggestion.server";

export const SuggestClaimsPayload = z.object({
  target: z.object({ type: z.enum(["section", "comment"]), id: z.number().int().positive() }),
});

export async function suggestClaims(payload: z.infer<typeof SuggestClaimsPayload>) {
  await suggestForCurrentText(payload.target);
}
