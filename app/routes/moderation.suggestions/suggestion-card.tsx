import { Form, Link } from "@remix-run/react";
import { useId } from "react";
import { ClaimInContext } from "~/components/claims/claim-in-context";
import { Field, SubmitButton } from "~/components/forms";
import { useIsPendingFor } from "~/components/pending-for";
import { Card } from "~/components/ui/card";
import type { SuggestionItem } from "~/models/suggestion.server";
import { REASON_MAX_LENGTH } from "~/schemas/claim";
import type { SuggestionRefusal } from "./answer";

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

function targetLink(item: SuggestionItem) {
  const episode = `/episodes/${item.episode.slug}`;
  if (item.section) return { url: `${episode}#section-${item.section.label}`, label: `section ${item.section.label}` };
  const anchor = item.comment!.anchor;
  return { url: `${episode}?c=${anchor}#comment-${anchor}`, label: `comment #${anchor}` };
}

/** A sentence that looks like an unsourced claim: why it was suggested, and the promote and discard forms. */
export function SuggestionCard({ item, answer }: { item: SuggestionItem; answer: SuggestionRefusal | undefined }) {
  const id = useId();
  const sending = useIsPendingFor("suggestionId", item.id);
  const target = targetLink(item);
  const titleId = `${id}-title`;
  return (
    <Card as="article" aria-labelledby={titleId} className="space-y-4">
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
          <SubmitButton pending={sending}>Promote to a claim</SubmitButton>
        </Form>
        <Form method="post" preventScrollReset noValidate aria-label={`Discard suggestion #${item.id}`} className="flex-1 space-y-2">
          <input type="hidden" name="intent" value="discard-suggestion" />
          <input type="hidden" name="suggestionId" value={item.id} />
          <Field
            name="reason"
            id={`${id}-reason`}
            label="Reason for discarding"
            maxLength={REASON_MAX_LENGTH}
            defaultValue={answer?.fields.reason ?? ""}
            error={answer?.errors.reason}
          />
          <SubmitButton pending={sending} variant="secondary" size="sm">
            Discard
          </SubmitButton>
        </Form>
      </div>
    </Card>
  );
}
