import type { LoaderFunctionArgs } from "@remix-run/node";
import { getClaim, type ClaimSource } from "~/models/claim.server";
import { ClaimIdParamSchema } from "~/schemas/claim";
import { firstIssue } from "~/schemas/pagination";
import { jsonResponse } from "~/utils/http";
import { cacheForAnonymous } from "~/utils/http-cache.server";

function sourceJson(source: ClaimSource) {
  return {
    id: source.id,
    kind: source.kind,
    title: source.title,
    authors: source.authors,
    outlet: source.outlet,
    publisher: source.publisher,
    date: source.date ? source.date.toISOString().slice(0, 10) : null,
    dateText: source.dateText,
    year: source.year,
    url: source.url,
    path: `/sources/${source.id}`,
  };
}

/**
 * `GET /api/claims/:id`: one claim with its proposals and history, as anyone may read it: no flagger is
 * named and no moderator either (docs/api.md). Field names are a contract.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = ClaimIdParamSchema.safeParse(params.id);
  if (!id.success) return jsonResponse({ error: firstIssue(id.error) }, { status: 400 });
  const claim = await getClaim(id.data, null);
  if (!claim) return jsonResponse({ error: `No claim has the number ${id.data}.` }, { status: 404 });
  const response = jsonResponse({
    id: claim.id,
    state: claim.state,
    targetType: claim.target.type,
    targetId: claim.target.id,
    exact: claim.exact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    start: claim.start,
    end: claim.end,
    flaggerCount: claim.flaggerCount,
    createdAt: claim.createdAt.toISOString(),
    resolvedAt: claim.resolvedAt?.toISOString() ?? null,
    episode: claim.target.episode.slug,
    target: { type: claim.target.type, label: claim.target.label, url: claim.target.url },
    url: `/claims/${claim.id}`,
    reasons: claim.reasons,
    acceptedSource: claim.acceptedSource ? sourceJson(claim.acceptedSource) : null,
    proposals: claim.proposals.map((proposal) => ({
      id: proposal.id,
      status: proposal.status,
      quote: proposal.quote,
      proposer: proposal.proposer,
      createdAt: proposal.createdAt.toISOString(),
      source: sourceJson(proposal.source),
    })),
    history: claim.history.map((event) => ({
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      reason: event.reason,
      createdAt: event.createdAt.toISOString(),
    })),
  });
  return cacheForAnonymous(request, response);
}
