import type { LoaderFunctionArgs } from "@remix-run/node";
import { listSources } from "~/models/source.server";
import { firstIssue } from "~/schemas/pagination";
import { SourceListQuerySchema } from "~/schemas/search";
import { sourceJson } from "~/models/presenters/source";
import { jsonResponse } from "~/utils/http";
import { cacheForAnonymous } from "~/utils/http-cache.server";

/** The JSON twin of /sources (docs/api.md). Field names are a contract: add, never rename. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = SourceListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonResponse({ error: firstIssue(parsed.error) }, { status: 400 });
  const { q, truncated, page } = parsed.data;
  const list = await listSources({ q, page });
  const response = jsonResponse({
    query: list.query,
    truncated,
    sources: list.groups.flatMap((group) =>
      // `pages` belongs to one citation, not to the source: the library has none to give.
      group.sources.map((source) => ({ ...sourceJson(source), group: group.name, citationCount: source.citationCount })),
    ),
    page: list.page,
    pageCount: list.pageCount,
    total: list.total,
  });
  return cacheForAnonymous(request, response);
}
