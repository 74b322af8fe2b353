import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { useIsPendingFor } from "~/components/pending-for";
import { ReasonField } from "~/components/reason-field";
import { Pager } from "~/components/search/pager";
import { EmptyState } from "~/components/ui/card";
import type { OrphanItem } from "~/models/claims/index.server";
import { REASON_MAX_LENGTH } from "~/schemas/claim";
import type { ModerationRefusal } from "./answer";
import { ClaimCard } from "./claim-card";

type OrphanPage = { items: OrphanItem[]; total: number; page: number; pageCount: number };

/** Claims whose words were edited away: their old quote, where it was, and the dismiss decision. */
export function OrphanList({ orphans, answer }: { orphans: OrphanPage; answer: ModerationRefusal | undefined }) {
  return (
    <section aria-labelledby="orphans-title" className="space-y-4">
      <h2 id="orphans-title" className="font-serif text-xl font-semibold">
        {orphans.total === 1 ? "1 claim lost its text" : `${orphans.total.toLocaleString("en")} claims lost their text`}
      </h2>
      <p className="max-w-prose text-stone-600 dark:text-stone-300">
        The words these claims quoted were edited out of their section or comment, so the page no longer marks them. Newest first.
      </p>
      {orphans.items.length === 0 ? (
        <EmptyState>No claim has lost its text.</EmptyState>
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

function OrphanCard({ item, answer }: { item: OrphanItem; answer: ModerationRefusal | undefined }) {
  const sending = useIsPendingFor("claimId", item.id);
  const errors = answer?.intent === "resolve-claim" ? answer.errors : {};
  return (
    <ClaimCard item={item} wasIn>
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
          <ReasonField
            id={`orphan-${item.id}-reason`}
            label="Reason for dismissing"
            maxLength={REASON_MAX_LENGTH}
            shownIn="public"
            defaultValue={answer?.fields.reason ?? ""}
            error={errors.reason}
          />
          <SubmitButton pending={sending} pendingLabel="Dismissing…">
            Dismiss
          </SubmitButton>
        </Form>
      ) : (
        <p className="text-sm text-stone-500 dark:text-stone-400">Already settled: listed for the record.</p>
      )}
    </ClaimCard>
  );
}
