// The queue's forms as the action reads them: one schema, discriminated by `intent`.
import { z } from "zod";
import { BulkDismissSchema, ResolveClaimSchema, TakeClaimSchema } from "~/schemas/claim";
import { text } from "~/utils/http";

export const ModerationActionSchema = z.discriminatedUnion("intent", [TakeClaimSchema, ResolveClaimSchema, BulkDismissSchema], {
  error: "Choose an action: take a claim, decide it, or dismiss a selection.",
});
export type ModerationAction = z.infer<typeof ModerationActionSchema>;

/** Which form a refusal answers: its intent and the claim it is about. */
export function formOf(form: FormData) {
  return { intent: text(form.get("intent")), claimId: Number.parseInt(text(form.get("claimId")), 10) || null };
}

/** What the schema reads besides the plain fields: each proposal is its own choice ("accept-source:<proposal id>"), and a selection is a list. */
export function moderationFields(form: FormData) {
  const [decision, proposalId] = text(form.get("decision")).split(":");
  return { decision, proposalId: proposalId ?? form.get("proposalId") ?? "", claimIds: form.getAll("claimIds"), reason: form.get("reason") };
}
