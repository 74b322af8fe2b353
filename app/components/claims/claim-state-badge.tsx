import { CLAIM_STATE_LABELS, type ClaimState } from "~/schemas/claim";

const STATE_STYLES: Record<ClaimState, string> = {
  open: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  source_proposed: "bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  sourced: "bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  unsourced: "bg-red-100 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  dismissed: "bg-stone-200 text-stone-800 ring-stone-300 dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-700",
  removed: "bg-stone-200 text-stone-800 ring-stone-300 line-through dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-700",
};

/** The claim's state as a label; the colour repeats what the words say. */
export function ClaimStateBadge({ state }: { state: ClaimState }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATE_STYLES[state]}`}>
      {CLAIM_STATE_LABELS[state]}
    </span>
  );
}

export function flaggerLabel(count: number) {
  return count === 1 ? "1 flagger" : `${count} flaggers`;
}
