import { Form } from "@remix-run/react";
import { useId } from "react";
import { ClaimSourceCard } from "~/components/claims/claim-source";
import { QuoteCheckResult } from "~/components/claims/quote-check";
import { ErrorList, SubmitButton, TextareaField } from "~/components/forms";
import { useIsPendingFor } from "~/components/pending-for";
import { ReasonField } from "~/components/reason-field";
import { Badge } from "~/components/ui/badge";
import { Choice } from "~/components/ui/input";
import type { QueueItem } from "~/models/claims/index.server";
import { FLAG_REASON_LABELS, FLAG_REASONS } from "~/schemas/claim";
import { REASON_MAX_LENGTH } from "~/schemas/claim";
import type { ModerationRefusal } from "./answer";
import { ClaimCard } from "./claim-card";
import { Time } from "~/components/ui/time";

/** A claim waiting for a decision: why it was flagged, who is on it, and the decision form. */
export function QueueCard({ item, moderatorId, answer }: { item: QueueItem; moderatorId: number; answer: ModerationRefusal | undefined }) {
  const id = useId();
  const sending = useIsPendingFor("claimId", item.id);
  const errors = answer?.intent === "resolve-claim" ? answer.errors : {};
  const reasons = FLAG_REASONS.filter((reason) => item.reasons[reason] > 0);
  const mine = item.assignedTo?.id === moderatorId;

  const select = (
    <Choice type="checkbox" form="bulk-dismiss" name="claimIds" value={item.id} id={`${id}-select`} aria-label={`Select claim #${item.id} to dismiss`} />
  );

  return (
    <ClaimCard item={item} before={select}>
      <div className="space-y-1 text-sm">
        <p className="flex flex-wrap gap-2">
          {reasons.map((reason) => (
            <Badge key={reason} tone="neutral">
              {FLAG_REASON_LABELS[reason]} ×{item.reasons[reason]}
            </Badge>
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
            {item.assignedAt ? <span className="font-normal text-stone-500 dark:text-stone-400"> since <Time date={item.assignedAt} /></span> : null}
          </p>
        ) : (
          <p className="text-stone-500 dark:text-stone-400">Nobody is on it yet.</p>
        )}
        {!item.assignedTo || mine ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value={mine ? "release-claim" : "take-claim"} />
            <input type="hidden" name="claimId" value={item.id} />
            <SubmitButton pending={sending} variant="secondary" size="sm">
              {mine ? "Let go" : "I’m on it"}
            </SubmitButton>
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
                <Choice type="radio" name="decision" value={`accept-source:${proposal.id}`} className="mt-1" />
                <span className="min-w-0 grow space-y-1">
                  <span className="block font-medium">
                    Accept this source <span className="font-normal text-stone-500 dark:text-stone-400">(proposed by {proposal.proposer}, <Time date={proposal.createdAt} />)</span>
                  </span>
                  <ClaimSourceCard source={proposal.source}>
                    <span className="mt-1.5 block border-l-2 border-stone-300 pl-2 text-stone-700 [overflow-wrap:anywhere] dark:border-stone-600 dark:text-stone-300">{proposal.quote}</span>
                  </ClaimSourceCard>
                  <QuoteCheckResult check={proposal.quoteCheck} />
                </span>
              </label>
            ))}
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              <Decision value="mark-unsourced" label="Unsourced: no adequate source" />
              <Decision value="dismiss" label="Dismiss: not a factual claim, or a wrong flag" />
              {item.target.type === "comment" ? <Decision value="hide-comment" label="Hide the comment" /> : null}
            </div>
          </div>
          <ErrorList id={`${id}-decision-error`} error={errors.decision ?? errors.proposalId} />
        </fieldset>
        {item.proposals.some((proposal) => proposal.quoteCheck.needsAttention) ? (
          <TextareaField
            id={`queue-${item.id}-quote-reason`}
            name="quoteReason"
            label={
              <>
                Why accept a source whose quote was not found (or whose page is gone)?{" "}
                <span className="font-normal text-stone-500 dark:text-stone-400">(required to accept it; public)</span>
              </>
            }
            rows={2}
            maxLength={REASON_MAX_LENGTH}
            defaultValue={answer?.fields.quoteReason ?? ""}
            error={errors.quoteReason}
          />
        ) : null}
        <ReasonField
          id={`queue-${item.id}-reason`}
          maxLength={REASON_MAX_LENGTH}
          shownIn="public"
          defaultValue={answer?.fields.reason ?? ""}
          error={errors.reason}
        />
        <SubmitButton pending={sending} pendingLabel="Applying…">
          Apply decision
        </SubmitButton>
      </Form>
    </ClaimCard>
  );
}

function Decision({ value, label }: { value: string; label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <Choice type="radio" name="decision" value={value} />
      {label}
    </label>
  );
}
