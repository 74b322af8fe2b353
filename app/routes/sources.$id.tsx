import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CitationPlaces } from "~/components/sources/citation-places";
import { citationCountLabel, SOURCE_KIND_LABELS } from "~/components/sources/source-format";
import { SourceRecord } from "~/components/sources/source-record";
import { getSourceWithCitations } from "~/models/source.server";
import { SourceIdSchema } from "~/schemas/search";
import { sourceJson } from "~/models/presenters/source";
import { firstIssueOf, invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.source.title} — Sources — Footnote` : "Source — Footnote" },
  // A source nobody vetted yet is not the library's to recommend to search engines.
  ...(data && !data.inLibrary ? [{ name: "robots", content: "noindex" }] : []),
];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = SourceIdSchema.safeParse(params.id);
  if (!id.success) invariantResponse(false, firstIssueOf(id.error), { status: 400 });
  const source = await getSourceWithCitations(id.data);
  invariantResponse(source, `No source has the id ${id.data}.`, { status: 404 });
  return {
    source: sourceJson(source),
    inLibrary: source.inLibrary,
    citationCount: source.citationCount,
    supports: source.supports,
    citedIn: source.citedIn.map((episode) => ({
      id: episode.id,
      slug: episode.slug,
      title: episode.title,
      sections: episode.sections.map(({ id, label, pages, passage, url }) => ({ id, label, pages, passage, url })),
      comments: episode.comments.map(({ id, anchor, authorName, pages, passage, url }) => ({ id, anchor, authorName, pages, passage, url })),
    })),
  };
}

export default function SourcePage() {
  const { source, inLibrary, citationCount, citedIn, supports } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="source-title" className="space-y-6">
      <p className="text-sm">
        <Link to="/sources">← All sources</Link>
      </p>
      <header className="space-y-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">{SOURCE_KIND_LABELS[source.kind]}</p>
        <h1 id="source-title" className="font-serif text-2xl font-semibold leading-tight tracking-tight [overflow-wrap:anywhere] sm:text-3xl">
          {source.title}
        </h1>
      </header>

      {inLibrary ? null : (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Proposed for a claim and not yet accepted by a moderator: this source is not in the library until it is.
        </p>
      )}

      <SourceRecord source={source} />

      {supports.length > 0 ? (
        <section aria-labelledby="supports-title" className="space-y-3">
          <h2 id="supports-title" className="font-serif text-xl font-semibold">
            Accepted as support
          </h2>
          <ul className="space-y-3">
            {supports.map((support) => (
              <li key={support.id} className="space-y-1">
                <blockquote className="border-l-2 border-stone-300 pl-3 font-serif italic [overflow-wrap:anywhere] dark:border-stone-600">
                  {support.quote}
                </blockquote>
                <p className="text-sm">
                  <Link to={`/claims/${support.claimId}`}>for claim #{support.claimId}</Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="cited-title" className="space-y-3">
        <h2 id="cited-title" className="font-serif text-xl font-semibold">
          Cited in {citationCountLabel(citationCount).replace("citation", "place")}
        </h2>
        {citedIn.length > 0 ? (
          <CitationPlaces episodes={citedIn} />
        ) : (
          <p className="text-stone-600 dark:text-stone-300">No section or visible comment cites this source at the moment.</p>
        )}
      </section>
    </article>
  );
}
