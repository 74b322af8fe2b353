// Checking a proposed source's quote against the source's text, and fetching a cited page again on a
// schedule (docs/claims.md, "Evidence"; ADR 0030). Each re-check schedules the next one (runAt), so the
// schedule lives in the queue itself: it survives restarts and runs once however many processes serve.
import { z } from "zod";
import { checkProposalQuote, recheckSource } from "~/models/evidence.server";

export const CheckQuotePayload = z.object({ proposalId: z.number().int().positive() });
export const RecheckSourcePayload = z.object({ sourceId: z.number().int().positive() });

export async function checkQuote(payload: z.infer<typeof CheckQuotePayload>) {
  await checkProposalQuote(payload.proposalId);
}

export async function recheckCitedPage(payload: z.infer<typeof RecheckSourcePayload>) {
  await recheckSource(payload.sourceId);
}
