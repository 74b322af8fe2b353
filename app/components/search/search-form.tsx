import { Form } from "@remix-run/react";
import { SEARCH_QUERY_MAX_LENGTH } from "~/schemas/search";

/**
 * A GET form (the address bar keeps the query, so results can be bookmarked and shared).
 * `hidden` carries filters that a new query keeps, such as the result type.
 */
export function SearchForm({
  action,
  label,
  query,
  placeholder,
  hidden = {},
}: {
  action: string;
  label: string;
  query: string;
  placeholder?: string;
  hidden?: Record<string, string>;
}) {
  return (
    <Form method="get" action={action} role="search" className="space-y-2">
      <label htmlFor="search-query" className="block text-sm font-medium text-stone-700 dark:text-stone-200">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          // A new query arriving by navigation (a tab, the back button) replaces what the box shows.
          key={query}
          id="search-query"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          placeholder={placeholder}
          autoComplete="off"
          className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-accent-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:placeholder:text-stone-500"
        />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button
          type="submit"
          className="shrink-0 rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100"
        >
          Search
        </button>
      </div>
    </Form>
  );
}
