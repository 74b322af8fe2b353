// What the queue's action answers, as the page's forms read it.

export type ModerationErrors = { decision?: string; proposalId?: string; reason?: string; claimIds?: string; form?: string };

export type ModerationAnswer =
  | { ok: true; message: string; claimId: number | null }
  | { ok: false; intent: string; claimId: number | null; errors: ModerationErrors; values: { reason: string } };

export type ModerationRefusal = Extract<ModerationAnswer, { ok: false }>;
