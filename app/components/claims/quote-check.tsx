import type { QuoteCheckView } from "~/models/presenters/evidence";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Time } from "~/components/ui/time";

const TONES: Record<QuoteCheckView["status"], BadgeTone> = {
  checking: "sky",
  exact: "emerald",
  approximate: "amber",
  not_found: "red",
  unreachable: "red",
  uncheckable: "stone",
};

/**
 * Whether a proposal's quote is in its source: the result in words, the words that differ, the source's
 * text around the passage with a link that jumps to it, and the snapshot it was read in.
 */
export function QuoteCheckResult({ check }: { check: QuoteCheckView }) {
  const external = check.textKind === "web";
  return (
    <div className="space-y-2 text-sm" data-quote-check={check.status}>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={TONES[check.status]} size="md">
          {check.label}
        </Badge>
        {check.unreachableSince && check.status !== "unreachable" ? (
          <Badge tone="red" size="md">
            Source unreachable since <Time date={check.unreachableSince} />
          </Badge>
        ) : null}
      </p>
      {check.reason && (check.status === "unreachable" || check.status === "uncheckable") ? (
        <p className="text-stone-600 [overflow-wrap:anywhere] dark:text-stone-300">{check.reason}</p>
      ) : null}
      {check.unreachableSince && check.status !== "unreachable" && check.unreachableReason ? (
        <p className="text-stone-600 [overflow-wrap:anywhere] dark:text-stone-300">{check.unreachableReason} The result below is from the last snapshot.</p>
      ) : null}
      {check.differences.length > 0 ? (
        <div>
          <p className="font-medium text-stone-800 dark:text-stone-200">Where the quote differs from the source:</p>
          <ul className="list-disc pl-5 text-stone-700 [overflow-wrap:anywhere] dark:text-stone-300">
            {check.differences.map((difference, index) => (
              <li key={index}>
                {difference.quote ? <>the quote has “{difference.quote}”</> : <>the quote leaves out</>}
                {difference.source ? <>, the source “{difference.source}”</> : <>, which the source does not have</>}
                {difference.quote ? null : <> “{difference.source}”</>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {check.selector ? (
        <figure className="space-y-1">
          <figcaption className="text-stone-500 dark:text-stone-400">
            {external ? "The page’s text around the passage:" : "The text on Footnote around the passage:"}
          </figcaption>
          <blockquote className="border-l-2 border-emerald-400 pl-2 text-stone-700 [overflow-wrap:anywhere] dark:border-emerald-700 dark:text-stone-300">
            {check.before}
            <mark className="bg-emerald-100 text-inherit dark:bg-emerald-900/60">{check.selector.exact}</mark>
            {check.after}
          </blockquote>
          {check.jumpUrl ? (
            <a href={check.jumpUrl} {...(external ? { rel: "nofollow ugc noopener" } : {})}>
              Jump to the passage
            </a>
          ) : null}
        </figure>
      ) : null}
      {check.snapshot ? (
        <p className="text-xs text-stone-500 [overflow-wrap:anywhere] dark:text-stone-400">
          Snapshot of {check.snapshot.finalUrl} taken <Time date={check.snapshot.fetchedAt} /> (HTTP {check.snapshot.httpStatus}
          {check.snapshot.truncated ? `, first ${Math.round(check.snapshot.byteLength / 1048576)} MB of a longer page` : ""}; SHA-256{" "}
          <code>{check.snapshot.sha256.slice(0, 16)}…</code>)
        </p>
      ) : check.checkedAt && check.status !== "checking" ? (
        <p className="text-xs text-stone-500 dark:text-stone-400">Checked <Time date={check.checkedAt} /></p>
      ) : null}
    </div>
  );
}
