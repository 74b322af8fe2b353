import { Form, Link } from "@remix-run/react";
import { Field } from "~/components/forms";
import { Button } from "~/components/ui/button";
import { SEARCH_MAX_LENGTH } from "~/schemas/admin";

/** The search box above an admin list (a GET form, so the address keeps the query); Clear goes back to the whole list. */
export function AdminSearch({ label, query, clearHref, autoCapitalize }: { label: string; query: string; clearHref: string; autoCapitalize?: "none" }) {
  return (
    <Form method="get" role="search" className="max-w-2xl">
      <Field
        key={query}
        id="q"
        name="q"
        type="search"
        label={label}
        defaultValue={query}
        maxLength={SEARCH_MAX_LENGTH}
        autoCapitalize={autoCapitalize}
        spellCheck={false}
        inputClassName="min-w-0 flex-1"
        inline={
          <>
            <Button className="shrink-0">Search</Button>
            {query ? (
              <Link to={clearHref} className="self-center">
                Clear
              </Link>
            ) : null}
          </>
        }
      />
    </Form>
  );
}

/** An admin list's address for this query and page; page 1 and empty values stay out of it. */
export function adminListHref(path: string, params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
