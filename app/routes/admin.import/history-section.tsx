import { Link } from "@remix-run/react";
import type { listImports } from "~/models/import/index.server";
import { OutcomeBadge } from "./outcome-badge";
import { Time } from "~/components/ui/time";

/** The latest imports, from the web or the command line, with who ran them and what came of it. */
export function HistorySection({ imports }: { imports: Awaited<ReturnType<typeof listImports>> }) {
  return (
    <section aria-labelledby="history-title" className="space-y-3">
      <h2 id="history-title" className="font-serif text-2xl font-semibold">
        Import history
      </h2>
      {imports.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-300">Nothing has been imported yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="bg-stone-100 dark:bg-stone-800">
              <tr>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">File</th>
                <th scope="col" className="px-3 py-2">Outcome</th>
                <th scope="col" className="px-3 py-2">Episode</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 bg-white dark:divide-stone-800 dark:bg-stone-900">
              {imports.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <Time date={entry.createdAt} />
                  </td>
                  <td className="px-3 py-2">{entry.importedBy?.username ?? "command line"}</td>
                  <td className="break-all px-3 py-2">{entry.fileName}</td>
                  <td className="px-3 py-2">
                    <OutcomeBadge outcome={entry.outcome} />
                    {entry.message ? <p className="mt-1 text-stone-500 dark:text-stone-400">{entry.message}</p> : null}
                  </td>
                  <td className="px-3 py-2">{entry.episode ? <Link to={`/episodes/${entry.episode.slug}`}>{entry.episode.title}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
