// The evidence presenter: what a reader is told of a proposal's quote check (docs/claims.md, "Evidence";
// docs/api.md). Claim page, queue, claims feed and JSON all say it in these words and this shape.
import type { QuoteDifference, TextQuoteSelector } from "~/utils/quote-check";
import { formatUtc } from "~/utils/time-format";

type CheckRow = {
  status: "pending" | "exact" | "approximate" | "not_found" | "unreachable" | "uncheckable";
  textKind: string | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  differences: unknown;
  before: string | null;
  after: string | null;
  jumpUrl: string | null;
  reason: string | null;
  lostAt: Date | null;
  checkedAt: Date | null;
  snapshot: { fetchedAt: Date; finalUrl: string; httpStatus: number; sha256: string; title: string | null; truncated: boolean; byteLength: number } | null;
  proposal: { source: { unreachableSince: Date | null; unreachableReason: string | null } };
};

export type QuoteCheckStatus = "checking" | "exact" | "approximate" | "not_found" | "unreachable" | "uncheckable";

export type QuoteCheckView = {
  status: QuoteCheckStatus;
  /** One line, as the claim page and the queue print it. */
  label: string;
  /** "footnote" (a text Footnote holds) or "web" (a snapshot of the page); null before the check ran. */
  textKind: string | null;
  selector: TextQuoteSelector | null;
  differences: QuoteDifference[];
  /** The checked text around the passage found. */
  before: string | null;
  after: string | null;
  jumpUrl: string | null;
  reason: string | null;
  /** A quote found before and no longer found on the page: since when. */
  lostAt: Date | null;
  checkedAt: Date | null;
  /** The page stopped answering (404, 410, host gone): since when, and why. */
  unreachableSince: Date | null;
  unreachableReason: string | null;
  snapshot: CheckRow["snapshot"];
  /** A moderator should look: not found, lost, or the page is gone. */
  needsAttention: boolean;
};

export const QUOTE_CHECK_LABELS: Record<QuoteCheckStatus, string> = {
  checking: "Checking the quote against the source… (checking…)",
  exact: "Quote found in the source ✓ (exact)",
  approximate: "Quote found in the source with differences",
  not_found: "Quote not found in the source ✗",
  unreachable: "Source unreachable",
  uncheckable: "Quote not checked",
};

/** A proposal's check as readers see it; a proposal made before checks existed reads as not checked. */
export function presentQuoteCheck(check: CheckRow | null): QuoteCheckView {
  if (!check) {
    return {
      ...EMPTY,
      status: "uncheckable",
      label: QUOTE_CHECK_LABELS.uncheckable,
      reason: "This source was proposed before quotes were checked.",
    };
  }
  const status: QuoteCheckStatus = check.status === "pending" ? "checking" : check.status;
  const { unreachableSince, unreachableReason } = check.proposal.source;
  const since = unreachableSince ?? (status === "unreachable" ? check.checkedAt : null);
  let label = QUOTE_CHECK_LABELS[status];
  if (status === "unreachable" && since) label = `Source unreachable since ${formatUtc(since)}`;
  if (status === "not_found" && check.lostAt) label = `${label} — it was on the page until ${formatUtc(check.lostAt)}`;
  const found = status === "exact" || status === "approximate";
  return {
    status,
    label,
    textKind: check.textKind,
    selector: found && check.exact !== null ? { type: "TextQuoteSelector", exact: check.exact, prefix: check.prefix ?? "", suffix: check.suffix ?? "" } : null,
    differences: found && Array.isArray(check.differences) ? (check.differences as QuoteDifference[]) : [],
    before: found ? check.before : null,
    after: found ? check.after : null,
    jumpUrl: found ? check.jumpUrl : null,
    reason: status === "unreachable" ? (unreachableReason ?? check.reason) : check.reason,
    lostAt: check.lostAt,
    checkedAt: check.checkedAt,
    unreachableSince: since,
    unreachableReason: since ? (unreachableReason ?? check.reason) : null,
    snapshot: check.snapshot,
    needsAttention: status === "not_found" || status === "unreachable" || since !== null,
  };
}

const EMPTY = {
  textKind: null,
  selector: null,
  differences: [],
  before: null,
  after: null,
  jumpUrl: null,
  lostAt: null,
  checkedAt: null,
  unreachableSince: null,
  unreachableReason: null,
  snapshot: null,
  needsAttention: false,
} satisfies Partial<QuoteCheckView>;

/** The public JSON shape of a quote check (docs/api.md). Field names are a contract: add, never rename. */
export function quoteCheckJson(check: QuoteCheckView) {
  return {
    status: check.status,
    label: check.label,
    textKind: check.textKind,
    selector: check.selector,
    differences: check.differences,
    context: check.selector ? { before: check.before, after: check.after } : null,
    jumpUrl: check.jumpUrl,
    reason: check.reason,
    lostAt: check.lostAt?.toISOString() ?? null,
    checkedAt: check.checkedAt?.toISOString() ?? null,
    unreachableSince: check.unreachableSince?.toISOString() ?? null,
    snapshot: check.snapshot
      ? {
          fetchedAt: check.snapshot.fetchedAt.toISOString(),
          finalUrl: check.snapshot.finalUrl,
          httpStatus: check.snapshot.httpStatus,
          sha256: check.snapshot.sha256,
          title: check.snapshot.title,
          truncated: check.snapshot.truncated,
          byteLength: check.snapshot.byteLength,
        }
      : null,
  };
}
