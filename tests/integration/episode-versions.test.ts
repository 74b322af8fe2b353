// What a process knows of the episodes' content versions (ADR 0022): trusted without a query only while its
// LISTEN connection is up, forgotten on a notification or a lost connection, and never past the moment the
// first claim on a comment leaves its grace period (ADR 0006's second part of the key).
import { afterEach, describe, expect, it, vi } from "vitest";
import { getEpisodeVersion } from "~/models/episode.server";
import { getEnv } from "~/utils/env.server";
import { prisma } from "~/utils/db.server";
import { knownEpisodeVersion, listenForEpisodeVersions, readEpisodeVersion, type VersionListener } from "~/utils/episode-versions.server";
import { createTestUser } from "../factories";

let open: VersionListener | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await open?.close();
  open = undefined;
});

/**
 * A listener of this process, with promises for what it is told next. Started after the test's own
 * writes: a notification of them arriving during a read would rightly keep that read from being trusted.
 */
function listen() {
  const waiting: { event: string; resolve: (value: string) => void }[] = [];
  const tell = (event: string, value = "") => {
    for (const waiter of waiting.filter((w) => w.event === event)) waiter.resolve(value);
    waiting.splice(0, waiting.length, ...waiting.filter((w) => w.event !== event));
  };
  const next = (event: "up" | "down" | "notified") => new Promise<string>((resolve) => waiting.push({ event, resolve }));
  const up = next("up");
  open = listenForEpisodeVersions({
    connectionString: process.env.DATABASE_URL!,
    log: () => {},
    events: { up: () => tell("up"), down: (reason) => tell("down", reason), notified: (slug) => tell("notified", slug) },
  });
  return { up, next };
}

async function episodeWithComment(slug: string) {
  const episode = await prisma.episode.create({ data: { kind: "post", slug, title: "Versions" } });
  const author = await createTestUser();
  const comment = await prisma.comment.create({ data: { episodeId: episode.id, authorId: author.id, body: "It was 137 people.", ordinal: 1, postedAt: new Date() } });
  return { episode, comment };
}

describe("the versions a process knows", () => {
  it("are trusted without a query while the listener is up, and forgotten when PostgreSQL says the episode changed", async () => {
    const { episode } = await episodeWithComment("known-version");
    const { up, next } = listen();
    await up;
    expect(knownEpisodeVersion(episode.slug)).toBeUndefined();
    const read = await readEpisodeVersion(episode.slug, getEpisodeVersion);
    expect(knownEpisodeVersion(episode.slug)).toBe(read!.key);

    const told = next("notified");
    await prisma.episode.update({ where: { id: episode.id }, data: { title: "Versions, edited" } });
    expect(await told).toBe(episode.slug);
    expect(knownEpisodeVersion(episode.slug)).toBeUndefined();
    expect((await readEpisodeVersion(episode.slug, getEpisodeVersion))!.key).not.toBe(read!.key);
  });

  it("are never trusted without a listener", async () => {
    const { episode } = await episodeWithComment("no-listener");
    await readEpisodeVersion(episode.slug, getEpisodeVersion);
    expect(knownEpisodeVersion(episode.slug)).toBeUndefined();
  });

  it("are all forgotten when the listener's connection drops, and read afresh once it is back", async () => {
    const { episode } = await episodeWithComment("dropped-listener");
    const { up, next } = listen();
    await up;
    await readEpisodeVersion(episode.slug, getEpisodeVersion);
    expect(knownEpisodeVersion(episode.slug)).toBeDefined();

    const down = next("down");
    const again = next("up");
    await prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'footnote episode versions' AND datname = current_database()`;
    await down;
    expect(knownEpisodeVersion(episode.slug)).toBeUndefined();
    await again;
    // A change made while no one listened would be missed: nothing known before counts.
    expect(knownEpisodeVersion(episode.slug)).toBeUndefined();
    const read = await readEpisodeVersion(episode.slug, getEpisodeVersion);
    expect(knownEpisodeVersion(episode.slug)).toBe(read!.key);
  });

  it("expire when the first claim on a comment leaves its grace period, with no write to tell", async () => {
    const { episode, comment } = await episodeWithComment("grace-ends");
    const graceMs = getEnv().CLAIM_GRACE_MINUTES * 60_000;
    // Flagged long enough ago that its grace period ends in one minute.
    await prisma.claim.create({
      data: { episodeId: episode.id, targetType: "comment", commentId: comment.id, exact: "137 people", prefix: "It was ", suffix: ".", start: 7, end: 17, targetRevision: 1, createdAt: new Date(Date.now() - graceMs + 60_000) },
    });
    const { up } = listen();
    await up;
    const now = performance.now();
    const read = await readEpisodeVersion(episode.slug, getEpisodeVersion);
    expect(read!.key).toMatch(/^\d+:\d+$/); // the content version and the first claim still in its grace period
    expect(knownEpisodeVersion(episode.slug)).toBe(read!.key);

    // Time passes without a write: trusted while the claim is in its grace period, then read again.
    vi.spyOn(performance, "now").mockReturnValue(now + 50_000);
    expect(knownEpisodeVersion(episode.slug)).toBe(read!.key);
    vi.spyOn(performance, "now").mockReturnValue(now + 61_000);
    expect(knownEpisodeVersion(episode.slug)).toBeUndefined();
  });
});
