import { Link } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { ClaimStateBadge, flaggerLabel } from "~/components/claims/claim-state-badge";
import type { OrphanItem } from "~/models/claim.server";
import { REASON_MAX_LENGTH as REASON_MAX } from "~/schemas/claim";
import { formatUtc } from "~/utils/utc";
import { fieldClass } from "~/components/moderation/styles";

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
    <article aria-labelledby={titleId} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {before}
        <h3 id={titleId} className="font-serif text-lg font-semibold">
          <Link to={`/claims/${item.id}`}>Claim #{item.id}</Link>
        </h3>
        <ClaimStateBadge state={item.state} />
        <span className="text-sm font-medium text-stone-700 dark:text-stone-200">{flaggerLabel(item.flaggerCount)}</span>
        <span className="text-sm text-stone-500 dark:text-stone-400">
          flagged <time dateTime={item.createdAt.toISOString()}>{formatUtc(item.createdAt)}</time>
        </span>
      </header>
      <p className="text-sm text-stone-600 dark:text-stone-300">
        {wasIn ? "Was in " : null}
        <Link to={item.target.url}>{item.target.label}</Link> in {item.target.episode.title}
      </p>
      <ClaimInContext prefix={item.prefix} exact={item.exact} suffix={item.suffix} />
      {children}
    </article>
  );
}

/** The public reason of a decision, with its error beside it and the text as typed kept. */
export function ReasonField({ label, defaultValue, error }: { label: string; defaultValue: string; error: string | undefined }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label} <span className="font-normal text-stone-500 dark:text-stone-400">(public)</span>
      </label>
      <textarea
        id={`${id}-reason`}
        name="reason"
        rows={2}
        maxLength={REASON_MAX}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-reason-error` : undefined}
        className={fieldClass}
      />
      {error ? (
        <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
