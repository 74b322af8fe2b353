import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { WatchControl } from "~/components/watch-control";
import { getWatchLevel } from "~/models/watch.server";
import { readerOf } from "~/models/presenters/reader";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, failureOf, FormError, SelectField, SubmitButton, TextareaField, useIsPending } from "~/components/forms";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Notice } from "~/components/ui/notice";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { ClaimSourceCard } from "~/components/claims/claim-source";
import { QuoteCheckResult } from "~/components/claims/quote-check";
import { ClaimStateBadge, flaggerLabel } from "~/components/claims/claim-state-badge";
import { ClaimError, getClaim, listEpisodeSources, proposeSource, SourceMatchError, type ClaimSource } from "~/models/claims/index.server";
import { CLAIM_STATE_LABELS, ClaimIdParamSchema, FLAG_REASON_LABELS, FLAG_REASONS, ProposeSourceSchema, QUOTE_MAX_LENGTH } from "~/schemas/claim";
import { getUser, requireUserWithPermission } from "~/utils/auth.server";
import { firstIssueOf, formFailure, invariantResponse, parseForm, readFormData, text, type FormFailure } from "~/utils/http";
import { redirectWithToast } from "~/utils/toast.server";
import { can } from "~/utils/permissions";
import { Time } from "~/components/ui/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Claim #${data.claim.id}: ${CLAIM_STATE_LABELS[data.claim.state]} — Footnote` : "Claim — Footnote" },
];

function claimIdOf(params: { id?: string }) {
  const id = ClaimIdParamSchema.safeParse(params.id);
  if (!id.success) invariantResponse(false, firstIssueOf(id.error), { status: 400 });
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = claimIdOf(params);
  const user = await getUser(request);
  const viewer = readerOf(user);
  const claim = await getClaim(id, viewer);
  invariantResponse(claim, `No claim has the number ${id}.`, { status: 404 });
  const open = claim.state === "open" || claim.state === "source_proposed";
  const canPropose = open && can(user, "claim:propose-source");
  const url = new URL(request.url);
  return {
    claim,
    canPropose,
    open,
    staff: can(user, "moderation:view-queue"),
    signInHref: user ? null : `/login?${new URLSearchParams({ redirectTo: `${url.pathname}#propose` })}`,
    sources: canPropose ? await listEpisodeSources(claim.target.episode.id) : [],
    watchLevel: user ? { level: await getWatchLevel(user.id, { type: "claim", id }) } : null,
  };
}

const PROPOSE_FIELDS = ["sourceId", "url", "title", "outlet", "date", "quote"] as const;
type ProposeField = (typeof PROPOSE_FIELDS)[number];
/** `match`: the library's source with the address the member typed, shown for them to confirm. */
type ProposeAnswer = FormFailure<ProposeField> & { match?: ClaimSource };

/** Proposing a source for this claim: from the library by its number, or a new one, with the supporting quote. */
export async function action({ request, params }: ActionFunctionArgs) {
  const claimId = claimIdOf(params);
  const user = await requireUserWithPermission(request, "claim:propose-source");
  const form = await readFormData(request);
  // The library source comes from the list of the episode's sources or, when typed, the number field.
  const typedNumber = text(form.get("sourceNumber")).trim();
  if (typedNumber) form.set("sourceId", typedNumber);
  const submission = await parseForm(form, ProposeSourceSchema, { fields: PROPOSE_FIELDS, with: { claimId } });
  if (!submission.ok) return formFailure(400, submission, submission.errors);

  const { source, quote } = submission.value;
  let proposalId: number;
  try {
    ({ proposalId } = await proposeSource({
      user,
      claimId,
      quote,
      ...(source.kind === "library"
        ? { sourceId: source.sourceId }
        : { newSource: { url: source.url, title: source.title, outlet: source.outlet, date: source.date }, confirmSourceId: source.confirmSourceId }),
    }));
  } catch (error) {
    if (error instanceof SourceMatchError) return formFailure(409, submission, {}, { extra: { match: error.source } });
    if (error instanceof ClaimError) return formFailure(error.status, submission, { form: error.message });
    throw error;
  }
  throw await redirectWithToast(`/claims/${claimId}#proposal-${proposalId}`, { description: "Thank you: your source is proposed. A moderator will review it." });
}

const HISTORY_LABELS: Record<string, string> = {
  flagged: "flagged it",
  "flag-joined": "flagged it too",
  "source-proposed": "proposed a source",
  "source-accepted": "accepted a source",
  "marked-unsourced": "marked it unsourced",
  dismissed: "dismissed it",
  "comment-hidden": "hid the comment",
  orphaned: "lost its place: the text was edited",
};

const PROPOSAL_STATUS: Record<string, string> = { pending: "Waiting for a moderator", accepted: "Accepted", rejected: "Not accepted" };

export default function ClaimPage() {
  const { claim, canPropose, open, staff, signInHref, sources, watchLevel } = useLoaderData<typeof loader>();
  const answer = useActionData<ProposeAnswer>();
  const reasons = FLAG_REASONS.filter((reason) => claim.reasons[reason] > 0);

  return (
    <article aria-labelledby="claim-title" className="space-y-8">
      <p className="text-sm">
        <Link to="/claims">← All claims</Link>
        {staff ? (
          <>
            {" · "}
            <Link to="/moderation">Moderation queue</Link>
          </>
        ) : null}
      </p>

      <header className="space-y-3">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-500 dark:text-stone-400">
          <ClaimStateBadge state={claim.state} />
          <span>{flaggerLabel(claim.flaggerCount)}</span>
          <span>
            flagged <Time date={claim.createdAt} />
          </span>
          {claim.assignedTo ? <span className="font-medium text-stone-700 dark:text-stone-200">{claim.assignedTo} is on it</span> : null}
        </p>
        <h1 id="claim-title" className="font-serif text-2xl font-semibold tracking-tight sm:text-3xl">
          Claim #{claim.id}: citation required
        </h1>
        <ClaimInContext prefix={claim.prefix} exact={claim.exact} suffix={claim.suffix} className="text-lg" />
        {watchLevel ? <WatchControl targetType="claim" targetId={claim.id} level={watchLevel.level} label="Notifications for this claim" /> : null}
        <p className="text-stone-600 dark:text-stone-300">
          <Link to={claim.target.url}>{claim.target.label}</Link> in <Link to={`/episodes/${claim.target.episode.slug}`}>{claim.target.episode.title}</Link>
          {claim.target.type === "comment" && claim.target.commentStatus !== "visible" ? (
            <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-stone-800 dark:bg-stone-800 dark:text-stone-200">
              comment {claim.target.commentStatus}
            </span>
          ) : null}
        </p>
      </header>

      <section aria-labelledby="reasons-title" className="space-y-2">
        <h2 id="reasons-title" className="font-serif text-xl font-semibold">
          Why it was flagged
        </h2>
        <ul className="flex flex-wrap gap-2 text-sm">
          {reasons.map((reason) => (
            <li key={reason} className="rounded-full bg-stone-100 px-3 py-1 dark:bg-stone-800">
              {FLAG_REASON_LABELS[reason]} <span className="font-semibold tabular-nums">×{claim.reasons[reason]}</span>
            </li>
          ))}
        </ul>
        {claim.notes.length > 0 ? (
          <ul className="list-disc space-y-1 pl-6 text-sm text-stone-700 dark:text-stone-300">
            {claim.notes.map((note, index) => (
              <li key={index} className="[overflow-wrap:anywhere]">
                {note}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {claim.acceptedSource ? (
        <section aria-labelledby="accepted-title" className="space-y-2">
          <h2 id="accepted-title" className="font-serif text-xl font-semibold">
            Accepted source
          </h2>
          <ClaimSourceCard source={claim.acceptedSource} />
        </section>
      ) : null}

      <section id="proposals" aria-labelledby="proposals-title" className="space-y-3">
        <h2 id="proposals-title" className="font-serif text-xl font-semibold">
          Proposed sources
        </h2>
        {claim.proposals.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">{open ? "None yet. Do you know where this comes from?" : "None."}</p>
        ) : (
          <ol className="space-y-4">
            {claim.proposals.map((proposal) => (
              <Card as="li" key={proposal.id} id={`proposal-${proposal.id}`} className="space-y-2">
                <p className="flex flex-wrap items-center gap-x-3 text-sm text-stone-500 dark:text-stone-400">
                  <span className="font-medium text-stone-700 dark:text-stone-200">{PROPOSAL_STATUS[proposal.status]}</span>
                  <span>
                    proposed by <Link to={`/users/${encodeURIComponent(proposal.proposer)}`}>{proposal.proposer}</Link>,{" "}
                    <Time date={proposal.createdAt} />
                  </span>
                </p>
                <ClaimSourceCard source={proposal.source} />
                <blockquote className="border-l-4 border-stone-300 pl-4 text-stone-700 [overflow-wrap:anywhere] dark:border-stone-600 dark:text-stone-300">
                  {proposal.quote}
                </blockquote>
                <QuoteCheckResult check={proposal.quoteCheck} />
              </Card>
            ))}
          </ol>
        )}
      </section>

      {canPropose ? (
        <ProposeForm sources={sources} answer={answer} />
      ) : open && signInHref ? (
        <p id="propose">
          <Link to={signInHref}>Sign in</Link> to propose a source for this claim.
        </p>
      ) : null}

      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="font-serif text-xl font-semibold">
          History
        </h2>
        <ol className="relative space-y-4 border-l border-stone-300 pl-5 dark:border-stone-700">
          {claim.history.map((event) => (
            <li key={event.id} className="relative">
              <span aria-hidden="true" className="absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full bg-stone-400 dark:bg-stone-500" />
              <p className="text-sm">
                <span className="font-medium">{event.actor}</span> {HISTORY_LABELS[event.action] ?? event.action}
                <span className="text-stone-500 dark:text-stone-400">
                  {" "}
                  · {event.fromState && event.fromState !== event.toState ? `${CLAIM_STATE_LABELS[event.fromState]} → ` : ""}
                  {CLAIM_STATE_LABELS[event.toState]} · <Time date={event.createdAt} />
                </span>
              </p>
              {event.reason ? <p className="mt-0.5 text-sm text-stone-700 [overflow-wrap:anywhere] dark:text-stone-300">“{event.reason}”</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function ProposeForm({
  sources,
  answer,
}: {
  sources: { id: number; title: string; outlet: string | null; publisher: string | null }[];
  answer: ProposeAnswer | undefined;
}) {
  const pending = useIsPending();
  const id = useId();
  const { errors, fields } = failureOf<ProposeField>(answer);
  const field = (name: ProposeField) => ({ id: `${id}-${name}`, name, error: errors[name], defaultValue: fields[name] ?? "" });
  const optional = <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span>;

  return (
    <section id="propose" aria-labelledby="propose-title" className="space-y-3">
      <h2 id="propose-title" className="font-serif text-xl font-semibold">
        Propose a source
      </h2>
      <Card padding="lg">
        <Form method="post" noValidate key={answer ? "answered" : "fresh"} aria-describedby={errors.form ? `${id}-form-error` : undefined} className="space-y-5">
          <input type="hidden" name="intent" value="propose-source" />
          <FormError id={`${id}-form-error`} error={errors.form} />

          <fieldset className="space-y-3">
            <legend className="font-medium">A source from the library</legend>
            <SelectField
              {...field("sourceId")}
              label="Source"
              options={
                <>
                  <option value="">— none: I enter a new source below —</option>
                  {sources.length > 0 ? (
                    <optgroup label="Cited in this episode">
                      {sources.map((source) => (
                        <option key={source.id} value={source.id}>
                          {source.title}
                          {source.outlet || source.publisher ? ` — ${source.outlet ?? source.publisher}` : ""} (#{source.id})
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  {fields.sourceId && !sources.some((source) => String(source.id) === fields.sourceId) ? (
                    <option value={fields.sourceId}>Source #{fields.sourceId}</option>
                  ) : null}
                </>
              }
            >
              <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                Another source of the <Link to="/sources">library</Link>? Use the number in its address (/sources/<em>number</em>):
              </p>
              <Field
                id={`${id}-sourceNumber`}
                name="sourceNumber"
                label="Library source number"
                hiddenLabel
                inputMode="numeric"
                pattern="[0-9]*"
                placeholder="e.g. 12"
                inputClassName="mt-1 max-w-40"
              />
            </SelectField>
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="font-medium">Or a new source</legend>
            <Field {...field("url")} label="Web address" type="url" inputMode="url" placeholder="https://…" />
            <Field {...field("title")} label="Title" />
            <div className="grid gap-3 sm:grid-cols-2">
              <Field {...field("outlet")} label={<>Outlet {optional}</>} placeholder="Reuters, Taipei Times…" />
              <Field {...field("date")} label={<>Date {optional}</>} type="date" />
            </div>
          </fieldset>

          <TextareaField
            {...field("quote")}
            label="The passage of the source that supports the claim"
            labelClassName="block font-medium"
            rows={4}
            maxLength={QUOTE_MAX_LENGTH}
          />

          {answer?.match ? (
            <Notice as="div" tone="warning" role="alert" id={`${id}-match`} className="space-y-3">
              <p className="text-sm">
                This address is already in the library as source #{answer.match.id}. Is it the source you mean? Nothing is proposed until you
                confirm; if it is not, change the address.
              </p>
              <ClaimSourceCard source={answer.match} />
              <Button name="confirmSourceId" value={answer.match.id} disabled={pending}>
                Yes, propose source #{answer.match.id}
              </Button>
            </Notice>
          ) : null}

          <SubmitButton pending={pending} pendingLabel="Proposing…">
            {answer?.match ? "Propose with the address as I changed it" : "Propose this source"}
          </SubmitButton>
        </Form>
      </Card>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
