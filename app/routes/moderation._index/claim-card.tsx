import { Link } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { ClaimStateBadge, flaggerLabel } from "~/components/claims/claim-state-badge";
import { Card } from "~/components/ui/card";
import type { OrphanItem } from "~/models/claims/index.server";
import { Time } from "~/components/ui/time";

/** The frame of a claim in the queue or the orphans: its number, state, flaggers, where it is, its words. */
export function ClaimCard({
  item,
  before,
  wasIn = false,
  children,
}: {
  item: Pick<OrphanItem, "id" | "state" | "flaggerCount" | "createdAt" | "target" | "prefix" | "exact" | "suffix">;
  /** Shown before the title (the queue's selection checkbox). */
  before?: ReactNode;
  /** An orphan's words are no longer on the page: it "was in" its place. */
  wasIn?: boolean;
  children: ReactNode;
}) {
  const titleId = `${useId()}-title`;
  return (
    // Focusable, so the focus can land on the next claim when a decision takes this one out of the queue.
    <Card as="article" aria-labelledby={titleId} tabIndex={-1} data-claim-item={item.id} className="scroll-mt-4 space-y-4">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {before}
        <h3 id={titleId} className="font-serif text-lg font-semibold">
          <Link to={`/claims/${item.id}`}>Claim #{item.id}</Link>
        </h3>
        <ClaimStateBadge state={item.state} />
        <span className="text-sm font-medium text-stone-700 dark:text-stone-200">{flaggerLabel(item.flaggerCount)}</span>
        <span className="text-sm text-stone-500 dark:text-stone-400">
          flagged <Time date={item.createdAt} />
        </span>
      </header>
      <p className="text-sm text-stone-600 dark:text-stone-300">
        {wasIn ? "Was in " : null}
        <Link to={item.target.url}>{item.target.label}</Link> in {item.target.episode.title}
      </p>
      <ClaimInContext prefix={item.prefix} exact={item.exact} suffix={item.suffix} />
      {children}
    </Card>
  );
}
