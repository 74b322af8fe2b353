// An import's outcome as a label; the colour repeats what the word says.
const OUTCOME_STYLES: Record<string, string> = {
  created: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  updated: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  unchanged: "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${OUTCOME_STYLES[outcome] ?? ""}`}>{outcome}</span>;
}
