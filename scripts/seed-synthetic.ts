// `npm run seed:synthetic -- --episode <slug> --comments 1000`: adds synthetic comments to an episode
// for benchmarks and load tests. Never touches the seed documents: the comments are marked "synthetic".
import { parseArgs } from "node:util";
import { EnvError, getEnv } from "../app/utils/env.server";
import { migrate, openDatabase } from "./db/database";

export const SYNTHETIC_AUTHOR = "Synthetic Reader";

const PARAGRAPHS = [
  "According to the report, the figures were revised twice in 2015, and the second revision was never explained.",
  "I read the same passage differently: the source says the battalion was *deployed*, not that it was founded there.",
  "Does anyone have the original article? The link in the program notes no longer works.",
  "This matches what the Labeviere book says on page 11, but that book was published in 2000.",
  "The Daily Beast piece quotes an expert at the International Crisis Group; it would help to find her report.",
];

/**
 * Replaces the episode's synthetic comments with `count` new ones: a quarter top-level threads,
 * the rest replies spread over them up to a depth of five.
 */
export async function seedSyntheticComments(episodeId: number, count: number) {
  const { prisma } = await import("../app/utils/db.server");
  const author = await prisma.importedAuthor.upsert({ where: { name: SYNTHETIC_AUTHOR }, create: { name: SYNTHETIC_AUTHOR }, update: {}, select: { id: true } });
  await prisma.$executeRaw`DELETE FROM "Citation" WHERE "commentId" IN (SELECT id FROM "Comment" WHERE "importedAuthorId" = ${author.id} AND "episodeId" = ${episodeId})`;
  await prisma.$executeRaw`DELETE FROM "Comment" WHERE "importedAuthorId" = ${author.id} AND "episodeId" = ${episodeId}`;
  const last = await prisma.comment.aggregate({ where: { episodeId, originalOrdinal: { not: null } }, _max: { ordinal: true } });
  let ordinal = last._max.ordinal ?? 0;
  const start = Date.UTC(2025, 0, 1);
  const threads: { id: number; rootId: number | null; depth: number }[] = [];
  const topLevel = Math.max(1, Math.floor(count / 4));
  const BATCH = 500;
  for (let made = 0; made < count; ) {
    const size = Math.min(BATCH, count - made);
    const rows = [];
    for (let i = 0; i < size; i++) {
      const index = made + i;
      ordinal += 1;
      const parent = index < topLevel || threads.length === 0 ? null : threads[(index * 7919) % threads.length]!;
      const body = PARAGRAPHS[index % PARAGRAPHS.length]!;
      rows.push({
        episodeId,
        ordinal,
        originalOrdinal: ordinal,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        importedAuthorId: author.id,
        format: "imported" as const,
        blocks: [{ type: "paragraph", text: body }],
        body,
        postedAt: new Date(start + index * 60_000),
      });
    }
    const created = await prisma.comment.createManyAndReturn({ data: rows, select: { id: true, rootId: true, parentId: true } });
    const depthOf = new Map(threads.map((t) => [t.id, t.depth]));
    for (const row of created) {
      const depth = row.parentId ? (depthOf.get(row.parentId) ?? 0) + 1 : 0;
      depthOf.set(row.id, depth);
      if (depth < 5) threads.push({ id: row.id, rootId: row.rootId, depth });
    }
    made += size;
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { episode: { type: "string" }, comments: { type: "string", default: "1000" } } });
  const count = Number(values.comments);
  if (!values.episode || !Number.isInteger(count) || count < 0 || count > 100_000) {
    console.error("Usage: npm run seed:synthetic -- --episode <slug> --comments <0–100000>");
    process.exit(2);
  }
  try {
    getEnv();
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(2);
  }
  const database = await openDatabase((line) => console.error(`[db] ${line}`));
  process.env.DATABASE_URL = database.url;
  try {
    await migrate(database.url);
    const { getEpisodeRef } = await import("../app/models/episode.server");
    const episode = await getEpisodeRef(values.episode);
    if (!episode) throw new Error(`No episode has the slug "${values.episode}".`);
    await seedSyntheticComments(episode.id, count);
    console.log(`${episode.title}: ${count} synthetic comments (earlier synthetic comments replaced).`);
    const { prisma } = await import("../app/utils/db.server");
    await prisma.$disconnect();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
}
