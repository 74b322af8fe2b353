import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { ClaimSourceCard } from "~/components/claims/claim-source";
import { ClaimStateBadge, flaggerLabel } from "~/components/claims/claim-state-badge";
import { Pager } from "~/components/search/pager";
import {
  bulkDismiss,
  ClaimError,
  countOrphans,
  hideComment,
  listOrphans,
  listQueue,
  QUEUE_COUNT_CAP,
  releaseClaim,
  resolveClaim,
  takeClaim,
  type OrphanItem,
  type QueueItem,
} from "~/models/claims/index.server";
import {
  BULK_MAX,
  BulkDismissSchema,
  CLAIM_STATE_LABELS,
  FLAG_REASON_LABELS,
  FLAG_REASONS,
  QueueFiltersSchema,
  QueueTabSchema,
  REASON_MAX_LENGTH,
  ResolveClaimSchema,
  TakeClaimSchema,
  type QueueFilters,
} from "~/schemas/claim";
import { firstIssue } from "~/schemas/pagination";
import { requirePermission } from "~/utils/auth.server";
import { readFormData } from "~/utils/http";
import { formatUtc } from "~/utils/utc";

export const meta: MetaFunction = () => [{ title: "Moderation queue — Footnote" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const moderator = await requirePermission(request, "moderation:view-queue");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = QueueFiltersSchema.safeParse(query);
  if (!parsed.success) throw new Response(firstIssue(parsed.error), { status: 400 });
  const tabbed = QueueTabSchema.safeParse(query);
  if (!tabbed.success) throw new Response(firstIssue(tabbed.error), { status: 400 });
  const { tab } = tabbed.data;
  const { page, ...filters } = parsed.data;
  const [queue, orphanCount, orphans] = await Promise.all([
    listQueue({ filters, page: tab === "queue" ? page : 1 }),
    countOrphans(),
    tab === "orphans" ? listOrphans({ page }) : null,
  ]);
  return { ...queue, filters, tab, orphanCount, orphans, moderator: { id: moderator.id, username: moderator.username } };
}

type Errors = { decision?: string; proposalId?: string; reason?: string; claimIds?: string; form?: string };
type ModerationAnswer =
  | { ok: true; message: string; claimId: number | null }
  | { ok: false; intent: string; claimId: number | null; errors: Errors; values: { reason: string } };

function text(value: FormDataEntryValue | null) {
  return typeof value === "string" ? value : "";
}

function errorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    const key = field === "decision" || field === "proposalId" || field === "reason" || field === "claimIds" ? field : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Taking a claim, deciding it (accept a source, unsourced, dismiss, hide the comment) and dismissing a selection. */
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "moderation:view-queue");
  const form = await readFormData(request);
  const intent = text(form.get("intent"));
  const claimId = Number.parseInt(text(form.get("claimId")), 10) || null;
  const values = { reason: text(form.get("reason")) };
  const answer = (status: number, body: ModerationAnswer) => data<ModerationAnswer>(body, { status });
  const fail = (status: number, errors: Errors) => answer(status, { ok: false, intent, claimId, errors, values });
  const done = (message: string) => answer(200, { ok: true, message, claimId });

  try {
    if (intent === "take-claim" || intent === "release-claim") {
      const moderator = await requirePermission(request, "moderation:resolve-claim");
      const parsed = TakeClaimSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return fail(400, { form: firstIssue(parsed.error) });
      if (parsed.data.intent === "take-claim") {
        await takeClaim({ moderator, claimId: parsed.data.claimId });
        return done(`You are on claim #${parsed.data.claimId}: the other moderators see it.`);
      }
      await releaseClaim({ moderator, claimId: parsed.data.claimId });
      return done(`You let go of claim #${parsed.data.claimId}.`);
    }

    if (intent === "resolve-claim") {
      // Each proposal is its own choice in the form: "accept-source:<proposal id>".
      const [decision, proposalId] = text(form.get("decision")).split(":");
      const parsed = ResolveClaimSchema.safeParse({ ...Object.fromEntries(form), decision, proposalId: proposalId ?? form.get("proposalId") ?? "" });
      if (!parsed.success) return fail(400, errorsOf(parsed.error.issues));
      const input = parsed.data;
      if (input.decision === "hide-comment") {
        const moderator = await requirePermission(request, "moderation:hide-comment");
        const result = await hideComment({ moderator, commentId: input.commentId!, reason: input.reason, claimId: input.claimId, version: input.version });
        const removed = result.removedClaimIds.length;
        return done(`Comment #${result.ordinal} is hidden from readers; ${removed === 1 ? "its claim was" : `${removed} claims were`} removed.`);
      }
      const moderator = await requirePermission(request, "moderation:resolve-claim");
      const result = await resolveClaim({
        moderator,
        claimId: input.claimId,
        version: input.version,
        action: input.decision,
        reason: input.reason,
        proposalId: input.proposalId,
      });
      return done(`Claim #${input.claimId} is now ${CLAIM_STATE_LABELS[result.state].toLowerCase()}.`);
    }

    if (intent === "bulk-dismiss") {
      const moderator = await requirePermission(request, "moderation:resolve-claim");
      const parsed = BulkDismissSchema.safeParse({ intent, claimIds: form.getAll("claimIds"), reason: form.get("reason") });
      if (!parsed.success) return fail(400, errorsOf(parsed.error.issues));
      const result = await bulkDismiss({ moderator, claimIds: parsed.data.claimIds, reason: parsed.data.reason });
      const count = result.dismissed.length;
      const dismissed = count === 1 ? "Dismissed 1 claim." : `Dismissed ${count} claims.`;
      if (result.skipped.length === 0) return done(dismissed);
      // Claims someone settled meanwhile are left alone; the moderator is told which and by whom.
      return fail(count ? 200 : 409, { form: [dismissed, ...result.skipped.map((skip) => skip.message)].join(" ") });
    }
  } catch (error) {
    if (error instanceof ClaimError) return fail(error.status, { form: error.message });
    throw error;
  }
  return fail(400, { form: "Choose an action: take a claim, decide it, or dismiss a selection." });
}

function queueHref(filters: Omit<QueueFilters, "page">, page = 1) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/moderation?${search}` : "/moderation";
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-xs " +
  "focus:border-accent-600 aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";
const buttonClass =
  "rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 disabled:cursor-wait disabled:opacity-70 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100";
const quietButtonClass =
  "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800";

export default function ModerationQueuePage() {
  const { items, total, capped, page, pageCount, episodes, filters, moderator, tab, orphanCount, orphans } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failedTop = answer && !answer.ok && answer.errors.form ? answer : undefined;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Moderation</p>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Moderation queue</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Claims waiting for a decision, the most flagged first, then the oldest. Take one so the others know you are on
          it. Every decision needs a reason: it is shown in the claim’s public history and the{" "}
          <Link to="/moderation/log">moderation log</Link>.
        </p>
      </header>

      <nav aria-label="Moderation lists" className="flex gap-2 border-b border-stone-200 dark:border-stone-800">
        <TabLink to="/moderation" current={tab === "queue"}>
          Queue
        </TabLink>
        <TabLink to="/moderation?tab=orphans" current={tab === "orphans"}>
          Orphans ({orphanCount > QUEUE_COUNT_CAP ? `${QUEUE_COUNT_CAP.toLocaleString("en")}+` : orphanCount.toLocaleString("en")})
        </TabLink>
        <TabLink to="/moderation/suggestions" current={false}>
          Suggestions
        </TabLink>
      </nav>

      {answer?.ok ? (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          {answer.message}
        </p>
      ) : null}
      {failedTop ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {failedTop.claimId ? (
            <>
              <Link to={`/claims/${failedTop.claimId}`} className="font-semibold text-red-900 underline dark:text-red-100">
                Claim #{failedTop.claimId}
              </Link>
              :{" "}
            </>
          ) : null}
          {failedTop.errors.form}
        </p>
      ) : null}

      {orphans ? <OrphanList orphans={orphans} answer={answer && !answer.ok ? answer : undefined} /> : null}

      {orphans ? null : <Filters filters={filters} episodes={episodes} />}

      <section aria-labelledby="queue-title" hidden={Boolean(orphans)} className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="queue-title" className="font-serif text-xl font-semibold">
            {capped ? `More than ${total.toLocaleString("en")} claims waiting` : total === 1 ? "1 claim waiting" : `${total.toLocaleString("en")} claims waiting`}
          </h2>
        </div>
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white px-5 py-8 text-center text-stone-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300">
            Nothing waits for a decision{Object.values(filters).some(Boolean) ? " among these filters" : ""}.
          </p>
        ) : (
          <>
            <BulkDismissForm answer={answer && !answer.ok && answer.intent === "bulk-dismiss" ? answer : undefined} />
            <ol className="space-y-5">
              {items.map((item) => (
                <li key={item.id}>
                  <QueueCard item={item} moderatorId={moderator.id} answer={answer && !answer.ok && answer.claimId === item.id ? answer : undefined} />
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

function TabLink({ to, current, children }: { to: string; current: boolean; children: React.ReactNode }) {
  const look = current
    ? "border-accent-700 text-stone-900 dark:border-accent-300 dark:text-stone-100"
    : "border-transparent text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-stone-100";
  return (
    <Link to={to} aria-current={current ? "page" : undefined} className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold no-underline ${look}`}>
      {children}
    </Link>
  );
}

type OrphanPage = { items: OrphanItem[]; total: number; page: number; pageCount: number };

/** Claims whose words were edited away: their old quote, where it was, and the dismiss decision. */
function OrphanList({ orphans, answer }: { orphans: OrphanPage; answer: Extract<ModerationAnswer, { ok: false }> | undefined }) {
  return (
    <section aria-labelledby="orphans-title" className="space-y-4">
      <h2 id="orphans-title" className="font-serif text-xl font-semibold">
        {orphans.total === 1 ? "1 claim lost its text" : `${orphans.total.toLocaleString("en")} claims lost their text`}
      </h2>
      <p className="max-w-prose text-stone-600 dark:text-stone-300">
        The words these claims quoted were edited out of their section or comment, so the page no longer marks them. Newest first.
      </p>
      {orphans.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white px-5 py-8 text-center text-stone-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300">
          No claim has lost its text.
        </p>
      ) : (
        <ol className="space-y-5">
          {orphans.items.map((item) => (
            <li key={item.id}>
              <OrphanCard item={item} answer={answer?.claimId === item.id ? answer : undefined} />
            </li>
          ))}
        </ol>
      )}
      <Pager
        page={orphans.page}
        pageCount={orphans.pageCount}
        href={(target) => (target > 1 ? `/moderation?tab=orphans&page=${target}` : "/moderation?tab=orphans")}
        label="Orphan pages"
      />
    </section>
  );
}

function OrphanCard({ item, answer }: { item: OrphanItem; answer: Extract<ModerationAnswer, { ok: false }> | undefined }) {
  const id = useId();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("claimId") === String(item.id);
  const errors = answer?.intent === "resolve-claim" ? answer.errors : {};
  const titleId = `${id}-title`;
  return (
    <article aria-labelledby={titleId} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h3 id={titleId} className="font-serif text-lg font-semibold">
          <Link to={`/claims/${item.id}`}>Claim #{item.id}</Link>
        </h3>
        <ClaimStateBadge state={item.state} />
        <span className="text-sm font-medium text-stone-700 dark:text-stone-200">{flaggerLabel(item.flaggerCount)}</span>
        <span className="text-sm text-stone-500 dark:text-stone-400">
          flagged <time dateTime={item.createdAt.toISOString()}>{formatUtc(item.createdAt)}</time>
        </span>
      </header>
      <p className="text-sm text-stone-600 dark:text-stone-300">
        Was in <Link to={item.target.url}>{item.target.label}</Link> in {item.target.episode.title}
      </p>
      <ClaimInContext prefix={item.prefix} exact={item.exact} suffix={item.suffix} />
      {item.dismissable ? (
        <Form
          method="post"
          preventScrollReset
          key={`${item.id}-${item.version}`}
          aria-label={`Dismiss claim #${item.id}`}
          noValidate
          className="space-y-3 border-t border-stone-200 pt-4 dark:border-stone-800"
        >
          <input type="hidden" name="intent" value="resolve-claim" />
          <input type="hidden" name="decision" value="dismiss" />
          <input type="hidden" name="claimId" value={item.id} />
          <input type="hidden" name="version" value={item.version} />
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
              Reason for dismissing <span className="font-normal text-stone-500 dark:text-stone-400">(public)</span>
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={2}
              maxLength={REASON_MAX_LENGTH}
              defaultValue={answer?.values.reason ?? ""}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
              className={fieldClass}
            />
            {errors.reason ? (
              <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
                {errors.reason}
              </p>
            ) : null}
          </div>
          <button type="submit" disabled={sending} className={buttonClass}>
            {sending ? "Dismissing…" : "Dismiss"}
          </button>
        </Form>
      ) : (
        <p className="text-sm text-stone-500 dark:text-stone-400">Already settled: listed for the record.</p>
      )}
    </article>
  );
}

function Filters({ filters, episodes }: { filters: Omit<QueueFilters, "page">; episodes: { slug: string; title: string }[] }) {
  const id = useId();
  const select = (name: keyof typeof filters, label: string, options: [string, string][]) => (
    <div className="min-w-0">
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label}
      </label>
      <select id={`${id}-${name}`} name={name} defaultValue={filters[name] ?? ""} className={`${fieldClass} text-sm`}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form method="get" aria-label="Filter the queue" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end dark:border-stone-800 dark:bg-stone-900">
      {select("episode", "Episode", [["", "All episodes"], ...episodes.map((episode): [string, string] => [episode.slug, episode.title])])}
      {select("state", "State", [
        ["", "All waiting"],
        ["open", CLAIM_STATE_LABELS.open],
        ["source_proposed", CLAIM_STATE_LABELS.source_proposed],
      ])}
      {select("reason", "Reason", [["", "Any reason"], ...FLAG_REASONS.map((reason): [string, string] => [reason, FLAG_REASON_LABELS[reason]])])}
      {select("target", "Flagged in", [
        ["", "Anywhere"],
        ["section", "Sections"],
        ["comment", "Comments"],
      ])}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass}>
          Filter
        </button>
        {Object.values(filters).some(Boolean) ? <Link to="/moderation">Clear</Link> : null}
      </div>
    </Form>
  );
}

function BulkDismissForm({ answer }: { answer: Extract<ModerationAnswer, { ok: false }> | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "bulk-dismiss";
  const errors = answer?.errors ?? {};
  return (
    <Form
      method="post"
      id="bulk-dismiss"
      aria-label="Dismiss the selected claims"
      preventScrollReset
      className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-stone-100/70 p-4 sm:flex-row sm:items-end dark:border-stone-800 dark:bg-stone-900/60"
    >
      <input type="hidden" name="intent" value="bulk-dismiss" />
      <div className="grow">
        <label htmlFor="bulk-reason" className="block text-sm font-medium text-stone-800 dark:text-stone-200">
          Reason for dismissing the selected claims (at most {BULK_MAX})
        </label>
        <input
          id="bulk-reason"
          name="reason"
          maxLength={REASON_MAX_LENGTH}
          defaultValue={answer?.values.reason ?? ""}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason || errors.claimIds ? "bulk-error" : undefined}
          className={fieldClass}
        />
        {errors.reason || errors.claimIds ? (
          <p id="bulk-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.claimIds ?? errors.reason}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? "Dismissing…" : "Dismiss selected"}
      </button>
    </Form>
  );
}

function QueueCard({ item, moderatorId, answer }: { item: QueueItem; moderatorId: number; answer: Extract<ModerationAnswer, { ok: false }> | undefined }) {
  const id = useId();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("claimId") === String(item.id);
  const errors = answer?.intent === "resolve-claim" ? answer.errors : {};
  const reasons = FLAG_REASONS.filter((reason) => item.reasons[reason] > 0);
  const titleId = `${id}-title`;
  const mine = item.assignedTo?.id === moderatorId;

  return (
    <article aria-labelledby={titleId} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <input
          type="checkbox"
          form="bulk-dismiss"
          name="claimIds"
          value={item.id}
          id={`${id}-select`}
          aria-label={`Select claim #${item.id} to dismiss`}
          className="size-4 accent-accent-700"
        />
        <h3 id={titleId} className="font-serif text-lg font-semibold">
          <Link to={`/claims/${item.id}`}>Claim #{item.id}</Link>
        </h3>
        <ClaimStateBadge state={item.state} />
        <span className="text-sm font-medium text-stone-700 dark:text-stone-200">{flaggerLabel(item.flaggerCount)}</span>
        <span className="text-sm text-stone-500 dark:text-stone-400">
          flagged <time dateTime={item.createdAt.toISOString()}>{formatUtc(item.createdAt)}</time>
        </span>
      </header>

      <p className="text-sm text-stone-600 dark:text-stone-300">
        <Link to={item.target.url}>{item.target.label}</Link> in {item.target.episode.title}
      </p>
      <ClaimInContext prefix={item.prefix} exact={item.exact} suffix={item.suffix} />

      <div className="space-y-1 text-sm">
        <p className="flex flex-wrap gap-2">
          {reasons.map((reason) => (
            <span key={reason} className="rounded-full bg-stone-100 px-2.5 py-0.5 dark:bg-stone-800">
              {FLAG_REASON_LABELS[reason]} ×{item.reasons[reason]}
            </span>
          ))}
        </p>
        {item.notes.length > 0 ? (
          <ul className="list-disc pl-5 text-stone-700 dark:text-stone-300">
            {item.notes.map((note, index) => (
              <li key={index} className="[overflow-wrap:anywhere]">
                {note}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-3 text-sm">
        {item.assignedTo ? (
          <p className="font-medium text-stone-800 dark:text-stone-100">
            {mine ? "You are on it" : `${item.assignedTo.username} is on it`}
            {item.assignedAt ? <span className="font-normal text-stone-500 dark:text-stone-400"> since {formatUtc(item.assignedAt)}</span> : null}
          </p>
        ) : (
          <p className="text-stone-500 dark:text-stone-400">Nobody is on it yet.</p>
        )}
        {!item.assignedTo || mine ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value={mine ? "release-claim" : "take-claim"} />
            <input type="hidden" name="claimId" value={item.id} />
            <button type="submit" disabled={sending} className={quietButtonClass}>
              {mine ? "Let go" : "I’m on it"}
            </button>
          </Form>
        ) : null}
      </div>

      <Form method="post" preventScrollReset key={`${item.id}-${item.version}`} aria-label={`Decide claim #${item.id}`} noValidate className="space-y-3 border-t border-stone-200 pt-4 dark:border-stone-800">
        <input type="hidden" name="intent" value="resolve-claim" />
        <input type="hidden" name="claimId" value={item.id} />
        <input type="hidden" name="version" value={item.version} />
        {item.target.type === "comment" ? <input type="hidden" name="commentId" value={item.target.id} /> : null}
        <fieldset aria-describedby={errors.decision || errors.proposalId ? `${id}-decision-error` : undefined}>
          <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">Decision</legend>
          <div className="mt-1 space-y-2">
            {item.proposals.map((proposal) => (
              <label key={proposal.id} className="flex items-start gap-2 text-sm">
                <input type="radio" name="decision" value={`accept-source:${proposal.id}`} className="mt-1 size-4 shrink-0 accent-accent-700" />
                <span className="min-w-0 grow space-y-1">
                  <span className="block font-medium">
                    Accept this source <span className="font-normal text-stone-500 dark:text-stone-400">(proposed by {proposal.proposer}, {formatUtc(proposal.createdAt)})</span>
                  </span>
                  <ClaimSourceCard source={proposal.source}>
                    <span className="mt-1.5 block border-l-2 border-stone-300 pl-2 text-stone-700 [overflow-wrap:anywhere] dark:border-stone-600 dark:text-stone-300">{proposal.quote}</span>
                  </ClaimSourceCard>
                </span>
              </label>
            ))}
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              <Decision value="mark-unsourced" label="Unsourced: no adequate source" />
              <Decision value="dismiss" label="Dismiss: not a factual claim, or a wrong flag" />
              {item.target.type === "comment" ? <Decision value="hide-comment" label="Hide the comment" /> : null}
            </div>
          </div>
          {errors.decision || errors.proposalId ? (
            <p id={`${id}-decision-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.decision ?? errors.proposalId}
            </p>
          ) : null}
        </fieldset>
        <div>
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Reason <span className="font-normal text-stone-500 dark:text-stone-400">(public)</span>
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={2}
            maxLength={REASON_MAX_LENGTH}
            defaultValue={answer?.values.reason ?? ""}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
            className={fieldClass}
          />
          {errors.reason ? (
            <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.reason}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={sending} className={buttonClass}>
          {sending ? "Applying…" : "Apply decision"}
        </button>
      </Form>
    </article>
  );
}

function Decision({ value, label }: { value: string; label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="radio" name="decision" value={value} className="size-4 accent-accent-700" />
      {label}
    </label>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
