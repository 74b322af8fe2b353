// What the queue's action answers, as the page's forms read it.
import type { FormErrors } from "~/utils/http";

/** The fields whose messages are shown beside them; the reason is the one kept as typed. */
export const MODERATION_FIELDS = ["decision", "proposalId", "reason", "quoteReason", "claimIds"] as const;
export type ModerationField = (typeof MODERATION_FIELDS)[number];

export type ModerationDone = { ok: true; message: string; claimId: number | null };

/** A refused form: which form it was (its intent and claim), its messages, and the reason as typed. */
export type ModerationRefusal = {
  ok: false;
  intent: string;
  claimId: number | null;
  errors: FormErrors<ModerationField>;
  fields: Partial<Record<ModerationField, string>>;
};
