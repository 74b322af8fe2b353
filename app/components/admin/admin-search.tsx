import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Input, labelClass } from "~/components/ui/input";
import { SEARCH_MAX_LENGTH } from "~/schemas/admin";

/** The search box above an admin list (a GET form, so the address keeps the query); Clear goes back to the whole list. */
export function AdminSearch({ label, query, clearHref, autoCapitalize }: { label: string; query: string; clearHref: string; autoCapitalize?: "none" }) {
  return (
    <Form method="get" role="search" className="flex max-w-2xl flex-col gap-2 sm:flex-row sm:items-end">
      <div className="grow">
        <label htmlFor="q" className={labelClass}>
          {label}
        </label>
        <Input id="q" name="q" type="search" defaultValue={query} maxLength={SEARCH_MAX_LENGTH} autoCapitalize={autoCapitalize} spellCheck={false} className="mt-1" />
      </div>
      <div className="flex items-center gap-3">
        <Button>Search</Button>
        {query ? <Link to={clearHref}>Clear</Link> : null}
      </div>
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
