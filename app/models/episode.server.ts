import { prisma } from "~/utils/db.server";

export const EPISODES_PER_PAGE = 20;

export async function listEpisodes({ page = 1 }: { page?: number } = {}) {
  const [total, episodes] = await Promise.all([
    prisma.episode.count(),
    prisma.episode.findMany({
      orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * EPISODES_PER_PAGE,
      take: EPISODES_PER_PAGE,
      select: {
        id: true,
        slug: true,
        kind: true,
        number: true,
        title: true,
        publication: true,
        publishedOn: true,
        createdAt: true,
        _count: { select: { comments: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / EPISODES_PER_PAGE)),
    episodes: episodes.map(({ _count, ...episode }) => ({ ...episode, commentCount: _count.comments })),
  };
}
