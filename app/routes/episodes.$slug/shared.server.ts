// The parts of an episode page that are the same for every reader — the episode with its sections and
// citation cards, a page of discussion rows, the links of program numbers — kept per content version
// (getEpisodeVersion, ADR 0006), so that a signed-in page only asks the database for what is its
// reader's own (their claim markers) and presents the shared rows for them (app/models/presenters/).
// A version changes in the transaction of any write these parts show, so a kept part is never stale.
import {
  getCommentThreadRows,
  getEpisodePage,
  getProgramSlugs,
  getSourcingSummaries,
  type CommentThreadRows,
  type EpisodePage,
  type SourcingSummary,
} from "~/models/episode.server";
import type { CommentSort } from "~/utils/comment-tree";
import { episodeParts } from "~/utils/page-cache.server";

/** An episode's content version as the loader read it: the cache's version and the grace period's end it was read with. */
export type EpisodeVersion = { key: string; cutoff: Date };

/** Reads of a part under way, by key and version: a request arriving meanwhile waits for that read. */
const reading = new Map<string, Promise<unknown>>();

async function shared<T>(key: string, version: EpisodeVersion, read: () => Promise<T>): Promise<T> {
  const kept = episodeParts.get(key, version.key) as T | undefined;
  if (kept !== undefined) return kept;
  const flight = `${key}\n${version.key}`;
  const pending = reading.get(flight) as Promise<T> | undefined;
  if (pending) return pending;
  const started = read().then((value) => {
    episodeParts.set(key, version.key, value);
    return value;
  });
  reading.set(flight, started);
  const forget = () => reading.get(flight) === started && reading.delete(flight);
  started.then(forget, forget);
  return started;
}

/** The episode with its sections and how its claims stand for every reader (the sourcing summary); null for an unknown slug. */
export function sharedEpisode(slug: string, version: EpisodeVersion): Promise<{ episode: EpisodePage; sourcing: SourcingSummary | undefined } | null> {
  return shared(`episode:${slug}`, version, async () => {
    const episode = await getEpisodePage(slug);
    if (!episode) return null;
    // The summary counts what an anonymous reader is listed, with the cutoff this version was read with.
    const sourcing = (await getSourcingSummaries([episode.id], version.cutoff)).get(episode.id);
    return { episode, sourcing };
  });
}

/** A page of the discussion's rows, before any reader's view of them. */
export function sharedThreadRows(slug: string, episodeId: number, page: number, sort: CommentSort, version: EpisodeVersion): Promise<CommentThreadRows> {
  return shared(`threads:${slug}:${page}:${sort}`, version, () => getCommentThreadRows({ episodeId, page, sort }));
}

/** The programs these numbers link to (program number → slug). */
export async function sharedProgramSlugs(slug: string, numbers: number[], version: EpisodeVersion): Promise<Map<number, string>> {
  const wanted = [...new Set(numbers)].sort((a, b) => a - b);
  if (wanted.length === 0) return new Map();
  // Kept as pairs: the cache sizes its values as JSON.
  const pairs = await shared(`programs:${slug}:${wanted.join(",")}`, version, async () => [...(await getProgramSlugs(wanted))]);
  return new Map(pairs);
}
