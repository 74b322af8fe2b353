import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CitationPlaces } from "~/components/sources/citation-places";
import { citationCountLabel, SOURCE_KIND_LABELS } from "~/components/sources/source-format";
import { SourceRecord } from "~/components/sources/source-record";
import { getSourceWithCitations } from "~/models/source.server";
import { SourceIdSchema } from "~/schemas/search";
import { sourceJson } from "~/models/presenters/source";
import { firstIssueOf, invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.source.title} — Sources — Footnote` : "Source — Footnote" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = SourceIdSchema.safeParse(params.id);
  if (!id.success) invariantResponse(false, firstIssueOf(id.error), { status: 400 });
  const source = await getSourceWithCitations(id.data);
  invariantResponse(source, `No source has the id ${id.data}.`, { status: 404 });
  return {
    source: sourceJson(source),
    citationCount: source.citationCount,
    citedIn: source.citedIn.map((episode) => ({
      id: episode.id,
      slug: episode.slug,
      title: episode.title,
      sections: episode.sections.map(({ id, label, pages, url }) => ({ id, label, pages, url })),
      comments: episode.comments.map(({ id, ordinal, authorName, pages, url }) => ({ id, ordinal, authorName, pages, url })),
    })),
  };
}

export default function SourcePage() {
  const { source, citationCount, citedIn } = useLoaderData<typeof loader>();
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

      <SourceRecord source={source} />

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
