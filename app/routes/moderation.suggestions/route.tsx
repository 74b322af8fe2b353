import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModerationTabs, TabLink } from "~/components/moderation/tab-link";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/search/pager";
import { EmptyState } from "~/components/ui/card";
import { Notice } from "~/components/ui/notice";
import { ClaimError } from "~/models/claims/index.server";
import { listSuggestions } from "~/models/suggestion.server";
import { SuggestionActionSchema, SuggestionQuerySchema } from "~/schemas/suggestion";
import { requireUserWithPermission } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { formFailure, parseForm, parseQuery, text } from "~/utils/http";
import type { SuggestionDone, SuggestionRefusal } from "./answer";
import { discard, promote } from "./intents.server";
import { SuggestionCard } from "./suggestion-card";

export const meta: MetaFunction = () => [{ title: "Suggested claims — Footnote" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "moderation:view-queue");
  const query = parseQuery(request, SuggestionQuerySchema);
  const list = await listSuggestions({ ...query, perEpisodeDay: getEnv().SUGGESTIONS_PER_EPISODE_DAY });
  return { ...list, episode: query.episode ?? null, day: query.episode ? (query.day ?? null) : null };
}

/** Promoting a suggestion to a claim, or discarding it with a reason. */
export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireUserWithPermission(request, "moderation:resolve-claim");
  const submission = await parseForm(request, SuggestionActionSchema, { fields: ["reason"] });
  const suggestionId = Number.parseInt(text(submission.form.get("suggestionId")), 10) || null;
  const fail = (status: number, errors: SuggestionRefusal["errors"]) => formFailure(status, submission, errors, { extra: { ok: false as const, suggestionId } });
  if (!submission.ok) return fail(400, submission.errors);

  const input = submission.value;
  try {
    const done = input.intent === "promote-suggestion" ? await promote(moderator, input) : await discard(moderator, input);
    return data<SuggestionDone>({ ok: true, ...done });
  } catch (error) {
    if (error instanceof ClaimError) return fail(error.status, { form: error.message });
    throw error;
  }
}

function pageHref(episode: string | null, page: number, day: string | null = null) {
  const params = new URLSearchParams();
  if (episode) params.set("episode", episode);
  if (episode && day) params.set("day", day);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/moderation/suggestions?${search}` : "/moderation/suggestions";
}

export default function SuggestionsPage() {
  const { items, total, waiting, page, pageCount, episode, day, perEpisodeDay } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const refusal = answer && !answer.ok ? answer : undefined;

  return (
    <div className="space-y-8">
      <PageHeader eyebrow="Moderation" title="Suggested claims">
        Sentences that look like factual claims with no source nearby, found by a heuristic (figures, dates, names,
        reporting verbs, superlatives); a sentence inside a quotation that carries its own citation is not suggested.
        The newest episodes come first, each day’s most likely unsourced claims of an episode first
        {perEpisodeDay ? `, at most ${perEpisodeDay} per episode and day` : ""}. Promote one to open a “no source” claim under your
        name, or discard it with a reason for the <Link to="/moderation/log">moderation log</Link>.
      </PageHeader>

      <ModerationTabs>
        <TabLink to="/moderation" current={false}>
          Queue
        </TabLink>
        <TabLink to="/moderation/suggestions" current>
          Suggestions ({waiting.toLocaleString("en")})
        </TabLink>
      </ModerationTabs>

      {answer?.ok ? (
        <Notice tone="success" role="status">
          {answer.message}{" "}
          {answer.claimId ? (
            <Link to={`/claims/${answer.claimId}`} className="font-semibold">
              See claim #{answer.claimId}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {refusal?.errors.form ? (
        <Notice tone="error" role="alert">
          {refusal.suggestionId ? `Suggestion #${refusal.suggestionId}: ` : null}
          {refusal.errors.form}
        </Notice>
      ) : null}

      <section aria-labelledby="suggestions-title" className="space-y-4">
        <h2 id="suggestions-title" className="font-serif text-xl font-semibold">
          {waiting === 1 ? "1 suggestion waiting" : `${waiting.toLocaleString("en")} suggestions waiting`}
          {episode ? " in this episode" : ""}
          {day ? ` made on ${day}` : ""}
          {total < waiting ? `, the ${total.toLocaleString("en")} most likely shown` : ""}
        </h2>
        {day || episode ? (
          <p className="text-sm">
            <Link to={day ? pageHref(episode, 1) : pageHref(null, 1)}>{day ? "Back to this episode’s ranked list" : "Back to every episode"}</Link>
          </p>
        ) : null}
        {items.length === 0 ? (
          <EmptyState>No suggestion waits for a decision.</EmptyState>
        ) : (
          <ol className="space-y-5">
            {items.map((item, index) => {
              const previous = items[index - 1];
              const opensGroup = !previous || previous.episode.slug !== item.episode.slug || previous.day !== item.day;
              const next = items[index + 1];
              const closesGroup = !next || next.episode.slug !== item.episode.slug || next.day !== item.day;
              const hidden = item.groupTotal - item.rank;
              return (
                <li key={item.id} className="space-y-3">
                  {opensGroup ? (
                    <h3 className="border-b border-stone-200 pb-1 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-300">
                      {`${item.episode.title} · suggested ${item.day} · ${item.groupTotal.toLocaleString("en")} waiting`}
                    </h3>
                  ) : null}
                  <SuggestionCard item={item} answer={refusal?.suggestionId === item.id ? refusal : undefined} />
                  {closesGroup && perEpisodeDay && hidden > 0 && item.rank === perEpisodeDay ? (
                    <p>
                      <Link to={pageHref(item.episode.slug, 1, item.day)} className="font-semibold">
                        {`Show ${hidden.toLocaleString("en")} more of ${item.episode.title} from ${item.day}`}
                      </Link>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        <Pager page={page} pageCount={pageCount} href={(target) => pageHref(episode, target, day)} label="Suggestion pages" />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
