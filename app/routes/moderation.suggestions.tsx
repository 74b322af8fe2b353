import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/search/pager";
import { ClaimError } from "~/models/claims/index.server";
import { discardSuggestion, listSuggestions, promoteSuggestion, type SuggestionItem } from "~/models/suggestion.server";
import { REASON_MAX_LENGTH } from "~/schemas/claim";
import { firstIssue } from "~/schemas/pagination";
import { SuggestionActionSchema, SuggestionQuerySchema } from "~/schemas/suggestion";
import { requirePermission } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { readFormData } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Suggested claims — Footnote" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation:view-queue");
  const parsed = SuggestionQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response(firstIssue(parsed.error), { status: 400 });
  const list = await listSuggestions({ ...parsed.data, perEpisodeDay: getEnv().SUGGESTIONS_PER_EPISODE_DAY });
  return { ...list, episode: parsed.data.episode ?? null, day: parsed.data.episode ? (parsed.data.day ?? null) : null };
}

type SuggestionAnswer =
  | { ok: true; message: string; claimId: number | null }
  | { ok: false; suggestionId: number | null; errors: { reason?: string; form?: string }; values: { reason: string } };

/** Promoting a suggestion to a claim, or discarding it with a reason. */
export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requirePermission(request, "moderation:resolve-claim");
  const form = await readFormData(request);
  const suggestionId = Number.parseInt(String(form.get("suggestionId") ?? ""), 10) || null;
  const values = { reason: String(form.get("reason") ?? "") };
  const fail = (status: number, errors: { reason?: string; form?: string }) =>
    data<SuggestionAnswer>({ ok: false, suggestionId, errors, values }, { status });

  const parsed = SuggestionActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const reasonIssue = parsed.error.issues.find((issue) => issue.path[0] === "reason");
    return reasonIssue ? fail(400, { reason: reasonIssue.message }) : fail(400, { form: firstIssue(parsed.error) });
  }
  try {
    if (parsed.data.intent === "promote-suggestion") {
      const result = await promoteSuggestion({ moderator, id: parsed.data.suggestionId });
      const message = result.joined
        ? `The sentence joined claim #${result.claimId}, already open on it.`
        : `Claim #${result.claimId} is open: flagged “no source”.`;
      return data<SuggestionAnswer>({ ok: true, message, claimId: result.claimId });
    }
    await discardSuggestion({ moderator, id: parsed.data.suggestionId, reason: parsed.data.reason });
    return data<SuggestionAnswer>({ ok: true, message: `Suggestion #${parsed.data.suggestionId} discarded.`, claimId: null });
  } catch (error) {
    if (error instanceof ClaimError) return fail(error.status, { form: error.message });
    throw error;
  }
}

const SIGNAL_LABELS: Record<string, string> = {
  figure: "figure",
  percentage: "percentage",
  money: "money",
  date: "date",
  "named-entity": "named person or body",
  organisation: "organisation",
  "reporting-verb": "reporting verb",
  superlative: "superlative",
  "source-nearby": "source nearby (discount)",
};

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-xs " +
  "focus:border-accent-600 aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";
const buttonClass =
  "rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 disabled:cursor-wait disabled:opacity-70 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100";
const quietButtonClass =
  "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800";

function targetLink(item: SuggestionItem) {
  const episode = `/episodes/${item.episode.slug}`;
  if (item.section) return { url: `${episode}#section-${item.section.label}`, label: `section ${item.section.label}` };
  const ordinal = item.comment!.ordinal;
  return { url: `${episode}?c=${ordinal}#comment-${ordinal}`, label: `comment #${ordinal}` };
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
  const failedTop = answer && !answer.ok && answer.errors.form ? answer : undefined;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Moderation</p>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Suggested claims</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Sentences that look like factual claims with no source nearby, found by a heuristic (figures, dates, names,
          reporting verbs, superlatives); a sentence inside a quotation that carries its own citation is not suggested.
          The newest episodes come first, each day’s most likely unsourced claims of an episode first
          {perEpisodeDay ? `, at most ${perEpisodeDay} per episode and day` : ""}. Promote one to open a “no source” claim under your
          name, or discard it with a reason for the <Link to="/moderation/log">moderation log</Link>.
        </p>
      </header>

      <nav aria-label="Moderation lists" className="flex gap-2 border-b border-stone-200 dark:border-stone-800">
        <Link to="/moderation" className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-semibold text-stone-600 no-underline hover:text-stone-900 dark:text-stone-300 dark:hover:text-stone-100">
          Queue
        </Link>
        <Link
          to="/moderation/suggestions"
          aria-current="page"
          className="-mb-px border-b-2 border-accent-700 px-3 py-2 text-sm font-semibold text-stone-900 no-underline dark:border-accent-300 dark:text-stone-100"
        >
          Suggestions ({waiting.toLocaleString("en")})
        </Link>
      </nav>

      {answer?.ok ? (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          {answer.message}{" "}
          {answer.claimId ? (
            <Link to={`/claims/${answer.claimId}`} className="font-semibold">
              See claim #{answer.claimId}
            </Link>
          ) : null}
        </p>
      ) : null}
      {failedTop ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {failedTop.suggestionId ? `Suggestion #${failedTop.suggestionId}: ` : null}
          {failedTop.errors.form}
        </p>
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
          <p className="rounded-lg border border-dashed border-stone-300 bg-white px-5 py-8 text-center text-stone-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300">
            No suggestion waits for a decision.
          </p>
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
                  <SuggestionCard item={item} answer={answer && !answer.ok && answer.suggestionId === item.id ? answer : undefined} />
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

function SuggestionCard({ item, answer }: { item: SuggestionItem; answer: Extract<SuggestionAnswer, { ok: false }> | undefined }) {
  const id = useId();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("suggestionId") === String(item.id);
  const target = targetLink(item);
  const titleId = `${id}-title`;
  return (
    <article aria-labelledby={titleId} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h4 id={titleId} className="font-serif text-lg font-semibold">
          Suggestion #{item.id}
        </h4>
        <span className="text-sm font-medium text-stone-700 dark:text-stone-200">
          score {item.score} · rank {item.rank} of {item.groupTotal}
        </span>
        <span className="text-sm text-stone-500 dark:text-stone-400">
          in <Link to={target.url}>{target.label}</Link> of {item.episode.title}
        </span>
      </header>
      <ClaimInContext prefix={item.prefix} exact={item.exact} suffix={item.suffix} />
      <ul aria-label="Signals" className="flex flex-wrap gap-2 text-xs">
        {item.signals.map((signal) => (
          <li key={signal} className="rounded-full border border-stone-300 px-2 py-0.5 text-stone-700 dark:border-stone-700 dark:text-stone-200">
            {SIGNAL_LABELS[signal] ?? signal}
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-4 border-t border-stone-200 pt-4 sm:flex-row sm:items-end dark:border-stone-800">
        <Form method="post" preventScrollReset aria-label={`Promote suggestion #${item.id} to a claim`}>
          <input type="hidden" name="intent" value="promote-suggestion" />
          <input type="hidden" name="suggestionId" value={item.id} />
          <button type="submit" disabled={sending} className={buttonClass}>
            Promote to a claim
          </button>
        </Form>
        <Form method="post" preventScrollReset noValidate aria-label={`Discard suggestion #${item.id}`} className="flex-1 space-y-2">
          <input type="hidden" name="intent" value="discard-suggestion" />
          <input type="hidden" name="suggestionId" value={item.id} />
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Reason for discarding
          </label>
          <input
            id={`${id}-reason`}
            name="reason"
            maxLength={REASON_MAX_LENGTH}
            defaultValue={answer?.values.reason ?? ""}
            aria-invalid={answer?.errors.reason ? true : undefined}
            aria-describedby={answer?.errors.reason ? `${id}-reason-error` : undefined}
            className={fieldClass}
          />
          {answer?.errors.reason ? (
            <p id={`${id}-reason-error`} className="text-sm text-red-700 dark:text-red-400">
              {answer.errors.reason}
            </p>
          ) : null}
          <button type="submit" disabled={sending} className={quietButtonClass}>
            Discard
          </button>
        </Form>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
