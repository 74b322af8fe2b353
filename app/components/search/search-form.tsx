import { Form } from "@remix-run/react";
import { Field } from "~/components/forms";
import { Button } from "~/components/ui/button";
import { SEARCH_QUERY_MAX_LENGTH } from "~/schemas/search";

/**
 * A GET form (the address bar keeps the query, so results can be bookmarked and shared).
 * `hidden` carries filters that a new query keeps, such as the result type. A query that was cut to
 * its first characters says so beside the box, which shows the query as searched.
 */
export function SearchForm({
  action,
  label,
  query,
  truncated = false,
  placeholder,
  hidden = {},
}: {
  action: string;
  label: string;
  query: string;
  truncated?: boolean;
  placeholder?: string;
  hidden?: Record<string, string>;
}) {
  return (
    <Form method="get" action={action} role="search" className="space-y-2">
      <Field
        // A new query arriving by navigation (a tab, the back button) replaces what the box shows.
        key={query}
        id="search-query"
        name="q"
        type="search"
        label={label}
        labelClassName="block text-sm font-medium text-stone-700 dark:text-stone-200"
        defaultValue={query}
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        placeholder={placeholder}
        autoComplete="off"
        inputClassName="min-w-0 flex-1"
        warning={
          truncated ? `Your search was longer than ${SEARCH_QUERY_MAX_LENGTH} characters, so only its first ${SEARCH_QUERY_MAX_LENGTH} were used.` : undefined
        }
        inline={
          <>
            {Object.entries(hidden).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <Button className="shrink-0">Search</Button>
          </>
        }
      />
    </Form>
  );
}
