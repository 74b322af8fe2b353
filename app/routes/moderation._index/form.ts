// The queue's forms as the action reads them: one schema, discriminated by `intent`.
import { z } from "zod";
import { BulkDismissSchema, ResolveClaimSchema, TakeClaimSchema } from "~/schemas/claim";
import type { ModerationErrors } from "./answer";

export const ModerationActionSchema = z.discriminatedUnion("intent", [TakeClaimSchema, ResolveClaimSchema, BulkDismissSchema], {
  error: "Choose an action: take a claim, decide it, or dismiss a selection.",
});
export type ModerationAction = z.infer<typeof ModerationActionSchema>;

function text(value: FormDataEntryValue | null) {
  return typeof value === "string" ? value : "";
}

/** What a refusal echoes back: the form it answers, the claim it is about, and the reason as typed. */
export function submitted(form: FormData) {
  return {
    intent: text(form.get("intent")),
    claimId: Number.parseInt(text(form.get("claimId")), 10) || null,
    values: { reason: text(form.get("reason")) },
  };
}

/** The form as the schema reads it: each proposal is its own choice ("accept-source:<proposal id>"), and a selection is a list. */
export function moderationFields(form: FormData) {
  const [decision, proposalId] = text(form.get("decision")).split(":");
  return {
    ...Object.fromEntries(form),
    decision,
    proposalId: proposalId ?? form.get("proposalId") ?? "",
    claimIds: form.getAll("claimIds"),
    reason: form.get("reason"),
  };
}

/** Validation issues by the field that shows them; the rest go above the form. */
export function errorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const errors: ModerationErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    const key = field === "decision" || field === "proposalId" || field === "reason" || field === "claimIds" ? field : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

