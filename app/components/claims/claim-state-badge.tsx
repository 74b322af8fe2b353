import { Badge, type BadgeTone } from "~/components/ui/badge";
import { CLAIM_STATE_LABELS, type ClaimState } from "~/schemas/claim";

const STATE_TONES: Record<ClaimState, BadgeTone> = {
  open: "amber",
  source_proposed: "sky",
  sourced: "emerald",
  unsourced: "red",
  dismissed: "stone",
  removed: "stone",
};

/** The claim's state as a label; the colour repeats what the words say. */
export function ClaimStateBadge({ state }: { state: ClaimState }) {
  return (
    <Badge tone={STATE_TONES[state]} className={state === "removed" ? "line-through" : undefined}>
      {CLAIM_STATE_LABELS[state]}
    </Badge>
  );
}

export function flaggerLabel(count: number) {
  return count === 1 ? "1 flagger" : `${count} flaggers`;
}
