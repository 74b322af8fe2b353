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
  return (
    <Form
      method="get"
      aria-label="Filter the queue"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end dark:border-stone-800 dark:bg-stone-900"
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
  );
}
