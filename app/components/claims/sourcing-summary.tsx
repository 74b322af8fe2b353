import { Link } from "@remix-run/react";

export type SourcingSummaryData = { open: number; sourced: number; unsourced: number; dismissed: number; suggested: number };

const PARTS = [
  { key: "open", one: "claim needs a source", many: "claims need a source", className: "text-amber-800 dark:text-amber-300" },
  { key: "sourced", one: "sourced", many: "sourced", className: "text-emerald-800 dark:text-emerald-300" },
  { key: "unsourced", one: "unsourced", many: "unsourced", className: "text-red-800 dark:text-red-300" },
  { key: "dismissed", one: "dismissed", many: "dismissed", className: "text-stone-600 dark:text-stone-400" },
  { key: "suggested", one: "suggested for review", many: "suggested for review", className: "text-stone-600 dark:text-stone-400" },
] as const;

/** "2 claims need a source · 1 sourced": how an episode's flagged claims stand, linking to their list. */
export function SourcingSummary({ summary, episodeSlug }: { summary: SourcingSummaryData; episodeSlug: string }) {
  const parts = PARTS.filter((part) => summary[part.key] > 0);
  if (parts.length === 0) return null;
  return (
    <Link to={`/claims?episode=${encodeURIComponent(episodeSlug)}`} className="no-underline hover:underline" title="The claims flagged in this episode">
      {parts.map((part, index) => (
        <span key={part.key} className={part.className}>
          {index > 0 ? <span className="text-stone-400"> · </span> : null}
          {summary[part.key]} {summary[part.key] === 1 ? part.one : part.many}
        </span>
      ))}
    </Link>
  );
}
