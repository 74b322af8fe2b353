import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { readerOf } from "~/models/presenters/reader";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { ClaimStateBadge, flaggerLabel } from "~/components/claims/claim-state-badge";
import { FLAG_FIELDS, FLAG_KEPT, FlagClaimForm, type FlagClaimActionData, type Occurrence } from "~/components/claims/flag-claim-form";
import { Pager } from "~/components/search/pager";
import { AmbiguousQuoteError, ClaimError, flagClaim, listClaims } from "~/models/claims/index.server";
import { ApiClaimsQuerySchema, CLAIM_STATE_LABELS, CLAIM_STATES, FlagClaimSchema, type ClaimState } from "~/schemas/claim";
import { getUser, requireUserWithPermission } from "~/utils/auth.server";
import { formFailure, invariantResponse, parseForm, parseQuery, type FormErrors } from "~/utils/http";
import { redirectWithToast } from "~/utils/toast.server";
import { consume, RateLimitedError, retryAfter, retryAfterHeaders } from "~/utils/rate-limit.server";
import { Card, EmptyState } from "~/components/ui/card";
import { Time } from "~/components/ui/time";

export const meta: MetaFunction = () => [{ title: "Claims — Footnote" }];

/** A 429 keeps its Retry-After in the HTML answer too. */
export const headers = retryAfterHeaders;

/** Recent claims, newest first: anyone may read them; moderators also see removed ones. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseQuery(request, ApiClaimsQuerySchema);
  const user = await getUser(request);
  try {
    const list = await listClaims({ ...query, viewer: readerOf(user) });
    return { ...list, state: query.state ?? null, episode: query.episode ?? null };
  } catch (error) {
    if (error instanceof ClaimError) invariantResponse(false, error.message, { status: error.status });
    throw error;
  }
}

/**
 * Flagging a span "citation required", from the episode page's popover (a fetcher, `js=1`: answered
 * with data) or its plain form (answered with a redirect to the claim and a toast, or this page with the errors).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "claim:flag");
  const submission = await parseForm(request, FlagClaimSchema, { fields: FLAG_FIELDS, keep: FLAG_KEPT });
  const fail = (status: number, errors: FormErrors<(typeof FLAG_FIELDS)[number]>, { headers, occurrences }: { headers?: HeadersInit; occurrences?: Occurrence[] } = {}) =>
    formFailure(status, submission, errors, { headers, extra: { ok: false as const, ...(occurrences ? { occurrences } : {}) } });

  if (!submission.ok) return fail(400, submission.errors);
  const input = submission.value;
  let result: { claimId: number; joined: boolean };
  try {
    await consume("flagByUser", user.id);
    result = await flagClaim({
      user,
      target: { type: input.targetType, id: input.targetId },
      exact: input.exact,
      prefix: input.prefix,
      suffix: input.suffix,
      start: input.start,
      reason: input.reason,
      note: input.note,
    });
  } catch (error) {
    if (error instanceof RateLimitedError) return fail(429, { form: error.message }, { headers: retryAfter(error) });
    if (error instanceof AmbiguousQuoteError) {
      const occurrences = error.occurrences.map(({ start, prefix, exact, suffix }) => ({ start, prefix, exact, suffix }));
      return fail(error.status, { exact: error.message }, { occurrences });
    }
    if (error instanceof ClaimError) return fail(error.status, { form: error.message });
    throw error;
  }
  if (submission.form.get("js") === "1") return data<FlagClaimActionData>({ ok: true, ...result });
  throw await redirectWithToast(`/claims/${result.claimId}`, { description: result.joined ? JOINED : FLAGGED });
}

const FLAGGED = "Flagged. The claim is open: anyone signed in may propose a source for it.";
const JOINED = "Others flagged this passage too: your flag joined their claim.";

function listHref(state: ClaimState | null, episode: string | null, page = 1) {
  const params = new URLSearchParams();
  if (state) params.set("state", state);
  if (episode) params.set("episode", episode);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/claims?${search}` : "/claims";
}

export default function ClaimsPage() {
  const { claims, page, pageCount, total, state, episode } = useLoaderData<typeof loader>();
  const answer = useActionData<FlagClaimActionData>();
  const failed = answer && !answer.ok ? answer : undefined;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">Claims</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Passages members flagged “citation required”, newest first. Anyone signed in may propose a source for an open
          claim; the moderators accept it, or settle the claim as unsourced or dismissed, and every step is in its history.
        </p>
      </header>

      {failed ? (
        <section aria-labelledby="flag-again-title" className="space-y-3 rounded-lg border border-red-200 bg-white p-5 dark:border-red-900 dark:bg-stone-900">
          <h2 id="flag-again-title" className="font-serif text-xl font-semibold">
            Your flag was not saved
          </h2>
          <FlagClaimForm values={{ ...failed.fields, targetType: failed.fields.targetType ?? "", targetId: failed.fields.targetId ?? "", exact: failed.fields.exact ?? "" }} answer={failed} editableExact />
        </section>
      ) : null}

      <nav aria-label="Filter by state" className="flex flex-wrap gap-2 text-sm">
        {[null, ...CLAIM_STATES.filter((value) => value !== "removed")].map((value) => (
          <Link
            key={value ?? "all"}
            to={listHref(value, episode)}
            aria-current={state === value ? "page" : undefined}
            className="rounded-full border border-stone-300 px-3 py-1 no-underline hover:bg-stone-100 aria-[current=page]:border-accent-700 aria-[current=page]:bg-accent-700 aria-[current=page]:text-white dark:border-stone-700 dark:hover:bg-stone-800 dark:aria-[current=page]:border-accent-300 dark:aria-[current=page]:bg-accent-300 dark:aria-[current=page]:text-stone-950"
          >
            {value ? CLAIM_STATE_LABELS[value] : "All"}
          </Link>
        ))}
      </nav>

      <section aria-labelledby="claims-title" className="space-y-3">
        <h2 id="claims-title" className="text-sm text-stone-500 dark:text-stone-400">
          {total === 1 ? "1 claim" : `${total.toLocaleString("en")} claims`}
          {state ? ` ${CLAIM_STATE_LABELS[state].toLowerCase()}` : ""}
          {episode ? ` on ${claims[0]?.episode.title ?? episode}` : ""}
        </h2>
        {claims.length === 0 ? (
          <EmptyState as="p">
            No claims here yet. Select a passage on an episode page to flag it “citation required”.
          </EmptyState>
        ) : (
          <Card as="ol" divided>
            {claims.map((claim) => (
              <li key={claim.id} className="space-y-2 px-4 py-4 sm:px-5">
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-500 dark:text-stone-400">
                  <Link to={`/claims/${claim.id}`} className="font-semibold">
                    Claim #{claim.id}
                  </Link>
                  <ClaimStateBadge state={claim.state} />
                  <span>{flaggerLabel(claim.flaggerCount)}</span>
                  <Time date={claim.createdAt} />
                </p>
                <ClaimInContext prefix={claim.prefix} exact={claim.exact} suffix={claim.suffix} className="text-[0.9375rem]" />
                <p className="text-sm text-stone-600 dark:text-stone-300">
                  {claim.target.label} in <Link to={claim.target.url}>{claim.episode.title}</Link>
                </p>
              </li>
            ))}
          </Card>
        )}
        <Pager page={page} pageCount={pageCount} href={(target) => listHref(state, episode, target)} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
