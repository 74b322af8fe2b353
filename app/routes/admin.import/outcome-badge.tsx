import { Badge, type BadgeTone } from "~/components/ui/badge";

const OUTCOME_TONES: Record<string, BadgeTone> = { created: "emerald", updated: "sky", unchanged: "stone", failed: "red" };

/** An import's outcome as a label; the colour repeats what the word says. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <Badge tone={OUTCOME_TONES[outcome] ?? "neutral"} size="md">
      {outcome}
    </Badge>
  );
}
