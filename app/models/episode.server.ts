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

const SOURCE_SELECT = {
  id: true,
  kind: true,
  title: true,
  authors: true,
  outlet: true,
  originalOutlet: true,
  publisher: true,
  date: true,
  dateText: true,
  year: true,
  isbn: true,
  url: true,
} as const;

const CITATION_SELECT = { blockIndex: true, pages: true, backReference: true, source: { select: SOURCE_SELECT } } as const;

/** Everything the episode page and its JSON twin show. Hidden comments are the caller's to filter (see comment visibility). */
export async function getEpisodeBySlug(slug: string) {
  return prisma.episode.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      kind: true,
      number: true,
      title: true,
      publication: true,
      author: true,
      recordingNote: true,
      summary: true,
      authorBio: true,
      intro: true,
      highlights: true,
      publishedOn: true,
      declaredCommentCount: true,
      timeZone: true,
      createdAt: true,
      updatedAt: true,
      sections: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          label: true,
          blocks: true,
          revision: true,
          citations: { orderBy: { blockIndex: "asc" }, select: CITATION_SELECT },
        },
      },
      comments: {
        orderBy: [{ postedAt: "asc" }, { ordinal: "asc" }],
        select: {
          id: true,
          ordinal: true,
          parentId: true,
          rootId: true,
          format: true,
          blocks: true,
          body: true,
          postedAt: true,
          status: true,
          editedAt: true,
          author: { select: { username: true } },
          importedAuthor: { select: { name: true, linkedUser: { select: { username: true } } } },
          citations: { orderBy: { blockIndex: "asc" }, select: CITATION_SELECT },
        },
      },
    },
  });
}

export type EpisodeDetail = NonNullable<Awaited<ReturnType<typeof getEpisodeBySlug>>>;
export type CitedSource = EpisodeDetail["sections"][number]["citations"][number]["source"];

/** Program numbers → slugs, for turning "FTR #842" into a link when that program is in the archive. */
export async function getProgramSlugs(numbers: number[]) {
  if (numbers.length === 0) return new Map<number, string>();
  const rows = await prisma.episode.findMany({
    where: { number: { in: numbers } },
    select: { number: true, slug: true },
  });
  return new Map(rows.map((row) => [row.number!, row.slug]));
}

/** The newest episodes for the site feed. */
export function listRecentEpisodes(take = 30) {
  return prisma.episode.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { slug: true, title: true, kind: true, number: true, publication: true, author: true, summary: true, intro: true, createdAt: true, updatedAt: true },
  });
}

/** Just enough of an episode to name and link it. */
export function getEpisodeRef(slug: string) {
  return prisma.episode.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
}
