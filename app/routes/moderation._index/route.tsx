import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModerationTabs, TabLink } from "~/components/moderation/tab-link";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/search/pager";
import { EmptyState } from "~/components/ui/card";
import { Notice } from "~/components/ui/notice";
import { ClaimError, countOrphans, listBrokenEvidence, QuoteReasonRequiredError, listOrphans, listQueue, QUEUE_COUNT_CAP } from "~/models/claims/index.server";
import { QueueFiltersSchema, QueueTabSchema } from "~/schemas/claim";
import { requireUserWithPermission } from "~/utils/auth.server";
import { formFailure, parseForm, parseQuery, readFormData } from "~/utils/http";
import { MODERATION_FIELDS, type ModerationDone, type ModerationRefusal } from "./answer";
import { BulkDismissForm } from "./bulk-dismiss-form";
import { Filters, queueHref } from "./filters";
import { formOf, ModerationActionSchema, moderationFields } from "./form";
import { decide, dismissSelection, takeOrRelease } from "./intents.server";
import { BrokenEvidenceList } from "./broken-evidence";
import { OrphanList } from "./orphan-list";
import { QueueCard } from "./queue-card";

export const meta: MetaFunction = () => [{ title: "Moderation queue — Footnote" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const moderator = await requireUserWithPermission(request, "moderation:view-queue");
  const { page, ...filters } = parseQuery(request, QueueFiltersSchema);
  const { tab } = parseQuery(request, QueueTabSchema);
  const [queue, orphanCount, orphans, brokenEvidence] = await Promise.all([
    listQueue({ filters, page: tab === "queue" ? page : 1 }),
    countOrphans(),
    tab === "orphans" ? listOrphans({ page }) : null,
    tab === "queue" ? listBrokenEvidence() : [],
  ]);
  return { ...queue, filters, tab, orphanCount, orphans, brokenEvidence, moderator: { id: moderator.id, username: moderator.username } };
}

/** Taking a claim, deciding it (accept a source, unsourced, dismiss, hide the comment) and dismissing a selection. */
export async function action({ request }: ActionFunctionArgs) {
  await requireUserWithPermission(request, "moderation:view-queue");
  const form = await readFormData(request);
  const submission = await parseForm(form, ModerationActionSchema, { fields: MODERATION_FIELDS, keep: ["reason", "quoteReason"], with: moderationFields(form) });
  const done = (message: string) => data<ModerationDone>({ ok: true, message, claimId: formOf(form).claimId });
  const fail = (status: number, errors: ModerationRefusal["errors"]) =>
    formFailure(status, submission, errors, { extra: { ok: false as const, ...formOf(form) } });
  if (!submission.ok) return fail(400, submission.errors);

  const input = submission.value;
  try {
    switch (input.intent) {
      case "take-claim":
      case "release-claim":
        return done(await takeOrRelease(request, input));
      case "resolve-claim":
        return done(await decide(request, input));
      case "bulk-dismiss": {
        const { count, message, skipped } = await dismissSelection(request, input);
        return skipped.length === 0 ? done(message) : fail(count ? 200 : 409, { form: [message, ...skipped].join(" ") });
      }
    }
  } catch (error) {
    if (error instanceof QuoteReasonRequiredError) return fail(error.status, { quoteReason: error.message });
    if (error instanceof ClaimError) return fail(error.status, { form: error.message });
    throw error;
  }
}

export default function ModerationQueuePage() {
  const { items, total, capped, page, pageCount, episodes, filters, moderator, tab, orphanCount, orphans, brokenEvidence } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const refusal = answer && !answer.ok ? answer : undefined;
  useFocusAfterDecision(answer, items);

  return (
    <div className="space-y-8">
      <PageHeader eyebrow="Moderation" title="Moderation queue">
        Claims waiting for a decision, the most flagged first, then the oldest. Take one so the others know you are on
        it. Every decision needs a reason: it is shown in the claim’s public history and the{" "}
        <Link to="/moderation/log">moderation log</Link>.
      </PageHeader>

      <ModerationTabs>
        <TabLink to="/moderation" current={tab === "queue"}>
          Queue
        </TabLink>
        <TabLink to="/moderation?tab=orphans" current={tab === "orphans"}>
          Orphans ({orphanCount > QUEUE_COUNT_CAP ? `${QUEUE_COUNT_CAP.toLocaleString("en")}+` : orphanCount.toLocaleString("en")})
        </TabLink>
        <TabLink to="/moderation/suggestions" current={false}>
          Suggestions
        </TabLink>
      </ModerationTabs>

      {answer?.ok ? (
        <Notice tone="success" role="status">
          {answer.message}
        </Notice>
      ) : null}
      {refusal?.errors.form ? (
        <Notice tone="error" role="alert">
          {refusal.claimId ? (
            <>
              <Link to={`/claims/${refusal.claimId}`} className="font-semibold text-red-900 underline dark:text-red-100">
                Claim #{refusal.claimId}
              </Link>
              :{" "}
            </>
          ) : null}
          {refusal.errors.form}
        </Notice>
      ) : null}

      {orphans ? <OrphanList orphans={orphans} answer={refusal} /> : <Filters filters={filters} episodes={episodes} />}

      {!orphans && brokenEvidence.length > 0 ? <BrokenEvidenceList items={brokenEvidence} /> : null}

      <section aria-labelledby="queue-title" hidden={Boolean(orphans)} className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="queue-title" className="font-serif text-xl font-semibold">
            {capped ? `More than ${total.toLocaleString("en")} claims waiting` : total === 1 ? "1 claim waiting" : `${total.toLocaleString("en")} claims waiting`}
          </h2>
        </div>
        {items.length === 0 ? (
          <EmptyState id="queue-empty" tabIndex={-1}>
            The queue is empty: nothing waits for a decision{Object.values(filters).some(Boolean) ? " among these filters" : ""}.
          </EmptyState>
        ) : (
          <>
            <BulkDismissForm answer={refusal?.intent === "bulk-dismiss" ? refusal : undefined} />
            <ol className="space-y-5">
              {items.map((item) => (
                <li key={item.id}>
                  <QueueCard item={item} moderatorId={moderator.id} answer={refusal?.claimId === item.id ? refusal : undefined} />
                </li>
              ))}
            </ol>
          </>
        )}
        <Pager page={page} pageCount={pageCount} href={(target) => queueHref(filters, target)} label="Queue pages" />
      </section>
    </div>
  );
}

/**
 * After an answer, the focus goes to its result, never to the page: when a decision takes a claim out of the queue,
 * to the claim that came after it (or the one now last, or the "queue empty" message); when a form is refused, to
 * its first field with a message. Taking or letting go keeps the focus on its button, which stays. The notice
 * (role="status") says what happened.
 */
function useFocusAfterDecision(answer: ReturnType<typeof useActionData<typeof action>>, items: { id: number }[]) {
  const shownBefore = useRef(items.map((item) => item.id));
  const handled = useRef(answer);
  // The action's answer arrives before the queue is read again: wait for the new list to see where the claim went.
  const waiting = useRef<{ claimId: number | null; before: number[]; items: unknown } | null>(null);
  useEffect(() => {
    const now = items.map((item) => item.id);
    const card = (id: number | undefined) => (id === undefined ? null : document.querySelector<HTMLElement>(`[data-claim-item="${id}"]`));
    const focus = (target: HTMLElement | null) => {
      target?.focus({ preventScroll: true });
      target?.scrollIntoView({ block: "nearest" });
    };
    if (answer && answer !== handled.current) {
      handled.current = answer;
      if (!answer.ok) focus(card(answer.claimId ?? undefined)?.querySelector<HTMLElement>("[aria-invalid=true]") ?? null);
      else waiting.current = { claimId: answer.claimId, before: shownBefore.current, items: null };
    }
    shownBefore.current = now;
    const decision = waiting.current;
    if (!decision) return;
    const gone = decision.claimId !== null && decision.before.includes(decision.claimId) && !now.includes(decision.claimId);
    if (!gone && (decision.items === null || decision.items === items)) {
      decision.items ??= items;
      return;
    }
    waiting.current = null;
    if (!gone && decision.claimId !== null) return; // taken or let go: the focus stays on its button
    const index = decision.claimId === null ? -1 : decision.before.indexOf(decision.claimId);
    const next = decision.before.slice(index + 1).find((id) => now.includes(id)) ?? now[Math.max(0, index)] ?? now.at(-1);
    focus(card(next) ?? document.getElementById("queue-empty"));
  }, [answer, items]);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
