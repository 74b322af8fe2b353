import type { LoaderFunctionArgs } from "@remix-run/node";
import { listEpisodes } from "~/models/episode.server";
import { firstIssue, PageQuerySchema } from "~/schemas/pagination";
import { jsonResponse } from "~/utils/http";
import { cacheForAnonymous } from "~/utils/http-cache.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = PageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonResponse({ error: firstIssue(query.error) }, { status: 400 });
  const { episodes, page, pageCount, total } = await listEpisodes({ page: query.data.page });
  const response = jsonResponse({
    episodes: episodes.map((episode) => ({
      slug: episode.slug,
      kind: episode.kind,
      number: episode.number,
      title: episode.title,
      publication: episode.publication,
      publishedOn: episode.publishedOn ? episode.publishedOn.toISOString().slice(0, 10) : null,
      teaser: episode.teaser,
      firstCommentAt: episode.firstCommentAt?.toISOString() ?? null,
      commentCount: episode.commentCount,
      sourcing: episode.sourcing,
      url: `/episodes/${episode.slug}`,
    })),
    page,
    pageCount,
    total,
  });
  return cacheForAnonymous(request, response);
}
