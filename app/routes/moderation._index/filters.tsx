import { Form, Link } from "@remix-run/react";
import { useId } from "react";
import { SelectField } from "~/components/forms";
import { Button } from "~/components/ui/button";
import { CLAIM_STATE_LABELS, FLAG_REASON_LABELS, FLAG_REASONS, type QueueFilters } from "~/schemas/claim";

type Filters = Omit<QueueFilters, "page">;

/** The queue's address for these filters and page; page 1 and empty filters stay out of it. */
export function queueHref(filters: Filters, page = 1) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/moderation?${search}` : "/moderation";
}

export function Filters({ filters, episodes }: { filters: Filters; episodes: { slug: string; title: string }[] }) {
  const id = useId();
  const select = (name: keyof Filters, label: string, options: [string, string][]) => (
    <SelectField
      name={name}
      id={`${id}-${name}`}
      label={label}
      defaultValue={filters[name] ?? ""}
      className="min-w-0"
      options={options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    />
  );
  const active = Object.values(filters).filter(Boolean).length;
  // On a phone the filters fold into a panel (open while some are set); from 640 px up they are always shown (tailwind.css).
  return (
    <details open={active > 0 || undefined} data-filter-panel="" className="group/filters rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 text-sm font-semibold text-stone-700 dark:text-stone-200 [&::-webkit-details-marker]:hidden">
        <span>
          Filters{active > 0 ? <span className="font-normal text-stone-500 dark:text-stone-400"> · {active} set</span> : null}
        </span>
        <span aria-hidden="true" className="size-2 -translate-y-0.5 rotate-45 border-r-2 border-b-2 border-current transition-transform group-open/filters:translate-y-0.5 group-open/filters:-rotate-135" />
      </summary>
    <Form
      method="get"
      aria-label="Filter the queue"
      className="grid gap-3 px-4 pb-4 sm:grid-cols-2 sm:pt-4 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
    >
      {select("episode", "Episode", [["", "All episodes"], ...episodes.map((episode): [string, string] => [episode.slug, episode.title])])}
      {select("state", "State", [
        ["", "All waiting"],
        ["open", CLAIM_STATE_LABELS.open],
        ["source_proposed", CLAIM_STATE_LABELS.source_proposed],
      ])}
      {select("reason", "Reason", [["", "Any reason"], ...FLAG_REASONS.map((reason): [string, string] => [reason, FLAG_REASON_LABELS[reason]])])}
      {select("target", "Flagged in", [
        ["", "Anywhere"],
        ["section", "Sections"],
        ["comment", "Comments"],
      ])}
      <div className="flex items-center gap-3">
        <Button>Filter</Button>
        {Object.values(filters).some(Boolean) ? <Link to="/moderation">Clear</Link> : null}
      </div>
    </Form>
    </details>
  );
}
