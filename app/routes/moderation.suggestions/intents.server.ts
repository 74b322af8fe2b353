// Promoting a suggestion to a claim, or discarding it; each returns what the page says after it.
import { discardSuggestion, promoteSuggestion } from "~/models/suggestion.server";
import type { SuggestionAction } from "~/schemas/suggestion";

type Moderator = Parameters<typeof promoteSuggestion>[0]["moderator"];
type Intent<Name extends SuggestionAction["intent"]> = Extract<SuggestionAction, { intent: Name }>;

export async function promote(moderator: Moderator, { suggestionId }: Intent<"promote-suggestion">) {
  const result = await promoteSuggestion({ moderator, id: suggestionId });
  const message = result.joined ? `The sentence joined claim #${result.claimId}, already open on it.` : `Claim #${result.claimId} is open: flagged “no source”.`;
  return { message, claimId: result.claimId };
}

export async function discard(moderator: Moderator, { suggestionId, reason }: Intent<"discard-suggestion">) {
  await discardSuggestion({ moderator, id: suggestionId, reason });
  return { message: `Suggestion #${suggestionId} discarded.`, claimId: null };
}
