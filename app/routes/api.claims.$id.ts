import type { LoaderFunctionArgs } from "@remix-run/node";
import { getClaim } from "~/models/claims/index.server";
import { claimDetailJson } from "~/models/presenters/claim.server";
import { ANONYMOUS } from "~/models/presenters/reader";
import { ClaimIdParamSchema } from "~/schemas/claim";
import { firstIssue } from "~/schemas/pagination";
import { jsonResponse } from "~/utils/http";
import { cacheForAnonymous } from "~/utils/http-cache.server";

/**
 * `GET /api/claims/:id`: one claim with its proposals and history, as an anonymous reader may read it:
 * no flagger is named and no moderator either (docs/api.md). Field names are a contract.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = ClaimIdParamSchema.safeParse(params.id);
  if (!id.success) return jsonResponse({ error: firstIssue(id.error) }, { status: 400 });
  const claim = await getClaim(id.data, ANONYMOUS);
  if (!claim) return jsonResponse({ error: `No claim has the number ${id.data}.` }, { status: 404 });
  return cacheForAnonymous(request, jsonResponse(claimDetailJson(claim)));
}
