import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { KIND_LABELS, KindTabs } from "~/components/search/kind-tabs";
import { Pager } from "~/components/search/pager";
import { SearchForm } from "~/components/search/search-form";
import { SearchResults } from "~/components/search/search-results";
import { search, SEARCH_RESULTS_PER_PAGE, searchSummary } from "~/models/search.server";
import { parseQuery } from "~/utils/http";
import { SearchQuerySchema, type SearchKind } from "~/schemas/search";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? `Search: ${data.query} — Footnote` : "Search — Footnote" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { q, truncated, author, kind, page } = parseQuery(request, SearchQuerySchema);
  const outcome = await search({ q, author, kind, page });
  return {
    ...searchSummary(outcome, truncated),
    results: outcome.results.map(({ type, id, titleParts, context, url, snippet }) => ({ type, id, titleParts, context, url, snippet })),
  };
}

function searchHref({ q, author = null, kind, page = 1 }: { q: string; author?: string | null; kind: SearchKind; page?: number }) {
  const params = new URLSearchParams({ q });
  if (author) params.set("author", author);
  if (kind !== "all") params.set("kind", kind);
  if (page > 1) params.set("page", String(page));
  return `/search?${params}`;
}

export default function SearchPage() {
  const { query, correctedFrom, author, truncated, kind, page, pageCount, total, counts, results } = useLoaderData<typeof loader>();
  const filters = { ...(kind === "all" ? {} : { kind }), ...(author ? { author } : {}) };
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">Search</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Programs and articles, their numbered sections, the discussion under them and the sources they cite.
        </p>
      </header>

      <SearchForm
        action="/search"
        label="Search the archive"
        query={correctedFrom ?? query}
        truncated={truncated}
        placeholder="Xinjiang, “Muslim Brotherhood”, FTR #863…"
        hidden={filters}
      />

      {author ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700 dark:text-stone-200">
          <Badge tone="stone" size="md">
            Comments by <strong>{author}</strong>
          </Badge>
          <Link to={searchHref({ q: query, kind })}>Search everyone’s</Link>
        </p>
      ) : null}

      {correctedFrom ? (
        <p role="status" className="text-sm text-stone-700 dark:text-stone-200">
          Nothing matched “{correctedFrom}”. Showing results for <strong>{query}</strong>.
        </p>
      ) : null}

      {query === "" && !author ? (
        <SearchPrompt />
      ) : (
        <section aria-labelledby="results-title" className="space-y-4">
          <h2 id="results-title" className="sr-only">
            Results
          </h2>
          <KindTabs kind={kind} counts={counts} href={(item) => searchHref({ q: query, author, kind: item })} />
          <p className="text-sm text-stone-600 dark:text-stone-300" aria-live="polite">
            {resultSummary({ query, author, kind, total })}
          </p>
          {results.length > 0 ? (
            <SearchResults results={results} start={(page - 1) * SEARCH_RESULTS_PER_PAGE + 1} />
          ) : (
            <NoResults query={query} kind={kind} page={page} total={total} otherTotal={counts.all} />
          )}
          <Pager page={page} pageCount={pageCount} href={(target) => searchHref({ q: query, author, kind, page: target })} label="Result pages" />
        </section>
      )}
    </div>
  );
}

function resultSummary({ query, author, kind, total }: { query: string; author: string | null; kind: SearchKind; total: number }) {
  const noun = kind === "all" ? (total === 1 ? "result" : "results") : total === 1 ? KIND_LABELS[kind].toLowerCase().replace(/s$/, "") : KIND_LABELS[kind].toLowerCase();
  const by = author ? ` by ${author}` : "";
  return query === "" ? `${total} ${noun}${by}` : `${total} ${noun}${by} for “${query}”`;
}

function SearchPrompt() {
  return (
    <EmptyState as="section" align="start" muted={false} aria-labelledby="prompt-title">
      <h2 id="prompt-title" className="font-serif text-xl font-semibold">
        What are you looking for?
      </h2>
      <p className="mt-2 max-w-prose text-stone-600 dark:text-stone-300">
        Type a word or a name above. Footnote finds it in episode titles and introductions, in every numbered section, in
        the comments and in the library of sources.
      </p>
      <ul className="mt-4 space-y-1.5 text-sm text-stone-600 dark:text-stone-300">
        <li>
          <Example>"Earth Island"</Example> finds the exact phrase.
        </li>
        <li>
          <Example>Uighur -Turkey</Example> leaves out results that mention Turkey;{" "}
          <Example>ISIS or Chechen</Example> finds either.
        </li>
        <li>
          <Example>FTR #863</Example> goes straight to a program by its number.
        </li>
      </ul>
    </EmptyState>
  );
}

/** A query to try, as it is typed. */
function Example({ children }: { children: ReactNode }) {
  return <code className="rounded bg-stone-100 px-1 dark:bg-stone-800">{children}</code>;
}

function NoResults({ query, kind, page, total, otherTotal }: { query: string; kind: SearchKind; page: number; total: number; otherTotal: number }) {
  let advice: ReactNode = "Check the spelling, try fewer or more general words, or remove quotation marks.";
  if (total > 0) advice = <Link to={searchHref({ q: query, kind })}>Back to the first page of results</Link>;
  else if (kind !== "all" && otherTotal > 0)
    advice = (
      <>
        There {otherTotal === 1 ? "is 1 result" : `are ${otherTotal} results`} of other types:{" "}
        <Link to={searchHref({ q: query, kind: "all" })}>show all results</Link>.
      </>
    );
  return (
    <EmptyState muted={false}>
      <p className="font-serif text-xl font-semibold">
        {total > 0 ? `There is no page ${page} of results.` : `Nothing matches “${query}”${kind === "all" ? "" : ` in ${KIND_LABELS[kind].toLowerCase()}`}.`}
      </p>
      <p className="mx-auto mt-2 max-w-prose text-stone-600 dark:text-stone-300">{advice}</p>
    </EmptyState>
  );
}
