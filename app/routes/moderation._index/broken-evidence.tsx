import { Link } from "@remix-run/react";
import { ClaimSourceCard } from "~/components/claims/claim-source";
import { QuoteCheckResult } from "~/components/claims/quote-check";
import { Card } from "~/components/ui/card";
import type { BrokenEvidence } from "~/models/claims/index.server";

/** Sourced claims whose accepted page went away or no longer has the quote, found by a re-check. */
export function BrokenEvidenceList({ items }: { items: BrokenEvidence[] }) {
  return (
    <section aria-labelledby="broken-evidence-title" className="space-y-3">
      <h2 id="broken-evidence-title" className="font-serif text-xl font-semibold">
        Accepted evidence that no longer holds
      </h2>
      <ol className="space-y-3">
        {items.map((item) => (
          <Card as="li" key={item.id} className="space-y-2">
            <p className="text-sm">
              <Link to={`/claims/${item.claimId}#proposal-${item.id}`} className="font-semibold">
                Claim #{item.claimId}
              </Link>
              : “{item.exact}”
            </p>
            <ClaimSourceCard source={item.source}>
              <span className="mt-1.5 block border-l-2 border-stone-300 pl-2 text-stone-700 [overflow-wrap:anywhere] dark:border-stone-600 dark:text-stone-300">{item.quote}</span>
            </ClaimSourceCard>
            <QuoteCheckResult check={item.quoteCheck} />
          </Card>
        ))}
      </ol>
    </section>
  );
}
