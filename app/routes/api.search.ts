import type { LoaderFunctionArgs } from "@remix-run/node";
import { search, searchSummary, snippetText } from "~/models/search.server";
import { firstIssue } from "~/schemas/pagination";
import { SearchQuerySchema } from "~/schemas/search";
import { jsonResponse } from "~/utils/http";
import { cacheForAnonymous } from "~/utils/http-cache.server";

/** The JSON twin of /search (docs/api.md). Field names are a contract: add, never rename. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = SearchQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonResponse({ error: firstIssue(parsed.error) }, { status: 400 });
  const { q, truncated, author, kind, page } = parsed.data;
  const outcome = await search({ q, author, kind, page });
  const response = jsonResponse({
    ...searchSummary(outcome, truncated),
    results: outcome.results.map((result) => ({
      type: result.type,
      title: result.title,
      context: result.context,
      url: result.url,
      snippet: snippetText(result.snippet),
      rank: Math.round(result.rank * 1e6) / 1e6,
    })),
  });
  return cacheForAnonymous(request, response);
}
