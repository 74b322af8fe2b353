import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SourcingSummary } from "~/components/claims/sourcing-summary";
import { listEpisodes } from "~/models/episode.server";
import { PageQuerySchema } from "~/schemas/pagination";
import { Card, EmptyState } from "~/components/ui/card";
import { parseQuery } from "~/utils/http";
import { formatCalendarDate, toDate } from "~/utils/time-format";
import { Time } from "~/components/ui/time";

export const meta: MetaFunction = () => [{ title: "Footnote — the archive" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { page } = parseQuery(request, PageQuerySchema);
  return listEpisodes({ page });
}

export default function ArchivePage() {
  const { episodes, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">The archive</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Programs of <cite>For The Record</cite> and the news articles they discuss, each with its discussion. Select a
          claim to ask for a source; the community and the moderators follow it up.
        </p>
      </header>

      {total === 0 ? (
        <EmptyArchive />
      ) : (
        <section aria-labelledby="episodes-title">
          <h2 id="episodes-title" className="sr-only">
            Episodes
          </h2>
          <Card as="ol" divided>
            {episodes.map((episode) => (
              <li key={episode.id} className="px-4 py-4 sm:px-5">
                <p className="text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">
                  {episode.kind === "program" && episode.number !== null ? `FTR #${episode.number}` : episode.publication ?? episode.kind}
                </p>
                <h3 className="mt-1 font-serif text-lg font-semibold leading-snug">
                  <Link to={`/episodes/${episode.slug}`}>{episode.title}</Link>
                </h3>
                {episode.teaser ? <p className="mt-1 max-w-prose text-stone-700 dark:text-stone-300">{episode.teaser}</p> : null}
                <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-500 dark:text-stone-400">
                  {episode.publishedOn ? (
                    <span>
                      {/* The day the page was published (a calendar day, the same in every zone). */}
                      Published{" "}
                      <time dateTime={toDate(episode.publishedOn).toISOString().slice(0, 10)}>{formatCalendarDate(episode.publishedOn)}</time>
                    </span>
                  ) : episode.firstCommentAt ? (
                    <span>
                      Discussed since <Time date={episode.firstCommentAt} />
                    </span>
                  ) : (
                    <span>
                      Added <Time date={episode.createdAt} />
                    </span>
                  )}
                  <span>{episode.commentCount === 1 ? "1 comment" : `${episode.commentCount} comments`}</span>
                  <SourcingSummary summary={episode.sourcing} episodeSlug={episode.slug} />
                </p>
              </li>
            ))}
          </Card>
          {pageCount > 1 ? (
            <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
              {page > 1 ? <Link to={`/?page=${page - 1}`}>← Newer</Link> : <span />}
              <span className="text-stone-500">
                Page {page} of {pageCount}
              </span>
              {page < pageCount ? <Link to={`/?page=${page + 1}`}>Older →</Link> : <span />}
            </nav>
          ) : null}
        </section>
      )}
    </div>
  );
}

function EmptyArchive() {
  return (
    <EmptyState as="section" muted={false} aria-labelledby="empty-title">
      <h2 id="empty-title" className="font-serif text-xl font-semibold">
        No episodes yet
      </h2>
      <p className="mx-auto mt-3 max-w-prose text-stone-600 dark:text-stone-300">
        The archive fills up when an admin imports episode documents — plain-text captures of program pages or news
        articles. From the project folder, run:
      </p>
      <pre className="mx-auto mt-4 inline-block rounded bg-stone-100 px-4 py-2 text-left text-sm dark:bg-stone-800">
        <code>npm run import -- seeds/*.txt</code>
      </pre>
      <p className="mx-auto mt-3 max-w-prose text-sm text-stone-500 dark:text-stone-400">
        <code>npm start</code> imports the documents in <code>seeds/</code> by itself.
      </p>
    </EmptyState>
  );
}
