import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/search/pager";
import { SearchForm } from "~/components/search/search-form";
import { SourceGroups } from "~/components/sources/source-groups";
import { listSources } from "~/models/source.server";
import { parseQuery } from "~/utils/http";
import { SourceListQuerySchema } from "~/schemas/search";
import { sourceJson } from "~/models/presenters/source";
import { EmptyState } from "~/components/ui/card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? `Sources matching ${data.query} — Footnote` : "Sources — Footnote" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { q, truncated, page } = parseQuery(request, SourceListQuerySchema);
  const list = await listSources({ q, page });
  return {
    query: list.query,
    truncated,
    page: list.page,
    pageCount: list.pageCount,
    total: list.total,
    groups: list.groups.map((group) => ({
      name: group.name,
      sources: group.sources.map((source) => ({ ...sourceJson(source), citationCount: source.citationCount })),
    })),
  };
}

function sourcesHref(q: string, page = 1) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/sources?${search}` : "/sources";
}

export default function SourcesPage() {
  const { query, truncated, page, pageCount, total, groups } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">Sources</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Every book, article and web page the archive cites, by outlet, with the number of places that cite it. Open one
          to see each section and comment that refers to it.
        </p>
      </header>

      <SearchForm action="/sources" label="Find a source by title, author or outlet" query={query} truncated={truncated} placeholder="Labeviere, Reuters, Dollars for Terror…" />


      <p className="text-sm text-stone-600 dark:text-stone-300" aria-live="polite">
        {query
          ? `${total === 1 ? "1 source matches" : `${total} sources match`} “${query}”.`
          : `${total === 1 ? "1 source" : `${total} sources`} in the library.`}
        {query ? (
          <>
            {" "}
            <Link to="/sources">Show all sources</Link>
          </>
        ) : null}
      </p>

      {groups.length > 0 ? (
        <SourceGroups groups={groups} />
      ) : (
        <EmptyState muted={false}>
          <p className="font-serif text-xl font-semibold">
            {total > 0 ? `There is no page ${page} of sources.` : query ? `No source matches “${query}”.` : "The library is empty."}
          </p>
          <p className="mx-auto mt-2 max-w-prose text-stone-600 dark:text-stone-300">
            {total > 0 ? (
              <Link to={sourcesHref(query)}>Back to the first page</Link>
            ) : query ? (
              "Try part of a name (“Reut” finds Reuters) or an author’s surname."
            ) : (
              "Sources appear here as episodes that cite them are imported."
            )}
          </p>
        </EmptyState>
      )}

      <Pager page={page} pageCount={pageCount} href={(target) => sourcesHref(query, target)} label="Source pages" />
    </div>
  );
}
