// ADR 0037: the content version of an episode is bumped when the writing transaction commits. A member's
// write that is still open (its transaction waiting on the app) does not hold up another member's write
// to the same episode, and readers see the new version exactly when they see the new content.
import { describe, expect, it } from "vitest";
import { createComment } from "~/models/comment.server";
import { getEpisodeVersion } from "~/models/episode.server";
import { prisma } from "~/utils/db.server";
import { createTestUser } from "../factories";

async function episode(slug: string) {
  return prisma.episode.create({ data: { kind: "post", slug, title: "Bumped at commit" } });
}

/** A transaction that writes a comment and then stays open until `release` is called. */
function openWrite(episodeId: number, authorId: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let written!: () => void;
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = prisma.$transaction(async (tx) => {
    await tx.comment.create({ data: { episodeId, authorId, body: "An open write.", ordinal: 1000, postedAt: new Date() } });
    written();
    await released;
  });
  return { wrote, release, done };
}

describe("the content version of an episode", () => {
  it("is not held by a write still open: a reply to the same episode is answered meanwhile", async () => {
    const program = await episode("bump-at-commit");
    const [slow, replier] = [await createTestUser(), await createTestUser()];
    const before = (await getEpisodeVersion(program.slug))!.key;
    const open = openWrite(program.id, slow.id);
    await open.wrote;

    // The reply commits while the other write is still open; its answer does not wait for it.
    const reply = await createComment({ episodeId: program.id, parentId: null, author: replier, body: "A reply that does not wait." });
    const afterReply = (await getEpisodeVersion(program.slug))!.key;
    expect(afterReply).not.toBe(before);
    expect(await prisma.comment.count({ where: { episodeId: program.id } })).toBe(1);

    open.release();
    await open.done;
    // The open write's comment and a new version arrive together.
    expect(await prisma.comment.count({ where: { episodeId: program.id } })).toBe(2);
    expect((await getEpisodeVersion(program.slug))!.key).not.toBe(afterReply);
    expect(reply.ordinal).toBe(1);
  });

  it("is bumped by a write that rolls back never, and once for a transaction of many writes", async () => {
    const program = await episode("bump-once");
    const author = await createTestUser();
    const before = (await getEpisodeVersion(program.slug))!.key;
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.comment.create({ data: { episodeId: program.id, authorId: author.id, body: "Rolled back.", ordinal: 1, postedAt: new Date() } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await getEpisodeVersion(program.slug))!.key).toBe(before);

    const sequenceBefore = await prisma.$queryRaw<{ value: bigint }[]>`SELECT last_value AS value FROM "Episode_contentVersion_seq"`;
    await prisma.$transaction(async (tx) => {
      for (let ordinal = 1; ordinal <= 5; ordinal++) {
        await tx.comment.create({ data: { episodeId: program.id, authorId: author.id, body: `Comment ${ordinal}.`, ordinal, postedAt: new Date() } });
      }
    });
    const sequenceAfter = await prisma.$queryRaw<{ value: bigint }[]>`SELECT last_value AS value FROM "Episode_contentVersion_seq"`;
    expect((await getEpisodeVersion(program.slug))!.key).not.toBe(before);
    expect(Number(sequenceAfter[0]!.value - sequenceBefore[0]!.value)).toBe(1);
  });

  it("is a HOT update that leaves the episode's search vector as it was; a change of its text makes it anew", async () => {
    // Thousands of words, as a program's page has: a vector too long to stay in the row (TOAST), which a
    // generated column stored anew on every update, so that the update could never be HOT.
    const words = Array.from({ length: 3000 }, (_, i) => `qu${[...i.toString(26)].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26))).join("")}`);
    const program = await prisma.episode.create({ data: { kind: "post", slug: "bump-hot", title: "Zephyrine papers", intro: ["Quillomancy in the archive.", words.join(" ")] } });
    const finds = async (word: string) => {
      const [row] = await prisma.$queryRaw<{ found: boolean }[]>`SELECT "searchVector" @@ to_tsquery('footnote', ${word}) AS found FROM "Episode" WHERE id = ${program.id}`;
      return row!.found;
    };
    expect(await finds("zephyrine")).toBe(true);
    expect(await finds("quillomancy")).toBe(true);

    // Room on the page for the new row version (a HOT update needs it); then a bump as a comment's commit makes it.
    await prisma.$executeRawUnsafe(`VACUUM "Episode"`);
    const [bump] = await prisma.$transaction(async (tx) => {
      const vector = (id: number) => tx.$queryRaw<{ vector: string }[]>`SELECT "searchVector"::text AS vector FROM "Episode" WHERE id = ${id}`;
      // This connection's counts not yet reported to the statistics: the difference is the bump's.
      const counts = async () => (await tx.$queryRaw<{ updates: number; hot: number }[]>`
        SELECT pg_stat_get_xact_tuples_updated('"Episode"'::regclass)::int AS updates, pg_stat_get_xact_tuples_hot_updated('"Episode"'::regclass)::int AS hot`)[0]!;
      const before = await vector(program.id);
      const countsBefore = await counts();
      await tx.$executeRaw`UPDATE "Episode" SET "contentVersion" = nextval('"Episode_contentVersion_seq"') WHERE id = ${program.id}`;
      const countsAfter = await counts();
      const stats = { updates: countsAfter.updates - countsBefore.updates, hot: countsAfter.hot - countsBefore.hot };
      return [{ stats, same: (await vector(program.id))[0]!.vector === before[0]!.vector }];
    });
    // A generated column was computed again, stored anew and indexed again on every bump: never HOT.
    expect(bump!.stats).toEqual({ updates: 1, hot: 1 });
    expect(bump!.same).toBe(true);

    await prisma.episode.update({ where: { id: program.id }, data: { title: "Borealite papers", intro: ["Nothing else."] } });
    expect(await finds("borealite")).toBe(true);
    expect(await finds("zephyrine")).toBe(false);
    expect(await finds("quillomancy")).toBe(false);
  });
});
