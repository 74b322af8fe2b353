import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readerOf } from "~/models/presenters/reader";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/search/pager";
import { listModerationLog } from "~/models/claims/index.server";
import { PageQuerySchema } from "~/schemas/pagination";
import { getUser } from "~/utils/auth.server";
import { Card, EmptyState } from "~/components/ui/card";
import { parseQuery } from "~/utils/http";
import { Time } from "~/components/ui/time";

export const meta: MetaFunction = () => [{ title: "Moderation log — Footnote" }];

/** Public: what the moderators and admins did and why; their names only for other moderators and admins. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { page } = parseQuery(request, PageQuerySchema);
  const user = await getUser(request);
  return listModerationLog({ viewer: readerOf(user), page });
}

export default function ModerationLogPage() {
  const { entries, page, pageCount, total, showsNames } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Transparency</p>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Moderation log</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Every action of the moderators and admins, newest first, with the reason they gave.{" "}
          {showsNames ? "You see who acted because you are a moderator." : "Who acted is known to the moderators; here it reads “a moderator”."}
        </p>
      </header>

      {entries.length === 0 ? (
        <EmptyState as="p">
          No moderation actions yet.
        </EmptyState>
      ) : (
        <section aria-labelledby="log-title">
          <h2 id="log-title" className="sr-only">
            {total === 1 ? "1 action" : `${total} actions`}
          </h2>
          <Card as="ol" divided>
            {entries.map((entry) => (
              <li key={entry.id} className="space-y-1 px-4 py-3 sm:px-5">
                <p className="text-sm text-stone-500 dark:text-stone-400">
                  <Time date={entry.createdAt} />
                </p>
                <p className="[overflow-wrap:anywhere]">
                  {entry.sentence.map((part, index) =>
                    part.href ? (
                      <Link key={index} to={part.href}>
                        {part.text}
                      </Link>
                    ) : (
                      <span key={index}>{part.text}</span>
                    ),
                  )}
                </p>
                {entry.reason ? (
                  <p className="text-sm text-stone-700 [overflow-wrap:anywhere] dark:text-stone-300">
                    <span className="text-stone-500 dark:text-stone-400">Reason: </span>
                    {entry.reason}
                  </p>
                ) : null}
              </li>
            ))}
          </Card>
          <Pager page={page} pageCount={pageCount} href={(target) => (target > 1 ? `/moderation/log?page=${target}` : "/moderation/log")} />
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
