import { Link } from "@remix-run/react";
import type { ImportedFile } from "~/models/import/index.server";
import { Card } from "~/components/ui/card";
import { OutcomeBadge } from "./outcome-badge";

/** What the confirmation did to each file. */
export function ResultSection({ results }: { results: ImportedFile[] }) {
  return (
    <section aria-labelledby="result-title" className="space-y-4">
      <h2 id="result-title" className="font-serif text-2xl font-semibold">
        Result
      </h2>
      <ul className="space-y-3">
        {results.map((result) => (
          <li key={result.fileName}>
            <Card>
              <p className="font-medium">
                {result.fileName}: <OutcomeBadge outcome={result.outcome} />
              </p>
              <p className="mt-1 text-stone-600 dark:text-stone-300">{result.message}</p>
              {result.episode ? (
                <p className="mt-1">
                  <Link to={`/episodes/${result.episode.slug}`}>{result.episode.title}</Link>
                </p>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
      <Link to="/admin/import">Import more files</Link>
    </section>
  );
}
