import type { LoaderFunctionArgs } from "@remix-run/node";
import { ClaimError, listClaimsApi } from "~/models/claims/index.server";
import { ApiClaimsQuerySchema } from "~/schemas/claim";
import { firstIssue } from "~/schemas/pagination";
import { jsonResponse } from "~/utils/http";
import { cacheForAnonymous } from "~/utils/http-cache.server";

/** `GET /api/claims?state=&episode=&page=`: public claims, newest first (docs/api.md). Field names are a contract. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = ApiClaimsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonResponse({ error: firstIssue(parsed.error) }, { status: 400 });
  try {
    return cacheForAnonymous(request, jsonResponse(await listClaimsApi(parsed.data)));
  } catch (error) {
    if (error instanceof ClaimError) return jsonResponse({ error: error.message }, { status: error.status });
    throw error;
  }
}
