// What this process knows of the episodes' content versions (ADR 0006), so that a cached page can be
// answered without a query (ADR 0022). PostgreSQL tells every process when a version changes: the trigger
// on "Episode" sends NOTIFY footnote_episode_version with the slug when the writing transaction commits,
// and one connection per process LISTENs (listenForEpisodeVersions). A known version is trusted only
// while that connection is up; after it drops, nothing is trusted until LISTEN holds again, and then
// every version is read afresh (the query is the fallback).
//
// The second part of the page's key, the first claim still in its grace period, changes with no write:
// a known version is trusted only until that claim leaves its grace period, measured from before the
// query that read it (so never later than the database's clock says).
//
// The query itself is the episode model's (getEpisodeVersion): callers hand it in, as app/utils/ sits below
// the models (docs/architecture.md).
import pg from "pg";

export const EPISODE_VERSION_CHANNEL = "footnote_episode_version";

/** At most this many episodes' versions are kept (oldest forgotten first): a few dozen bytes each. */
const MAX_KNOWN = 10_000;
/** Trust ends this much before the first grace period does (the database keeps milliseconds, rounding). */
const GRACE_MARGIN_MS = 5;

interface Known {
  key: string;
  /** performance.now() after which the key may be stale (a claim left its grace period); Infinity without one. */
  until: number;
}

interface Registry {
  known: Map<string, Known>;
  /** LISTEN connections up in this process: only while there is one may a version be trusted without a query. */
  listeners: number;
  /** Grows with every notification and reconnection: a version read across one is not kept. */
  epoch: number;
  /** Waiting for this process to be told of a slug's next change (toldOfEpisodeChange). */
  waiters?: Map<string, (() => void)[]>;
}

// On globalThis: the server (scripts/server.ts) and the Remix build are two copies of this module in one process.
const shared = globalThis as unknown as { __footnoteEpisodeVersions?: Registry };
const registry: Registry = (shared.__footnoteEpisodeVersions ??= { known: new Map(), listeners: 0, epoch: 0 });

/** The version key of an episode's anonymous page as last told, or undefined when it must be read. No query. */
export function knownEpisodeVersion(slug: string): string | undefined {
  if (registry.listeners === 0) return undefined;
  const known = registry.known.get(slug);
  if (!known) return undefined;
  if (performance.now() >= known.until) {
    registry.known.delete(slug);
    return undefined;
  }
  return known.key;
}

/** Reads an episode's page version from the database: the episode model's getEpisodeVersion. */
export type EpisodeVersionReader = (slug: string) => Promise<{ key: string; cutoff: Date } | null>;

/**
 * The version of an episode's anonymous page and the end of the grace period it was read with, read from
 * the database by `read`, and kept for knownEpisodeVersion when no notification can have crossed the
 * read. Null for an unknown slug (never kept).
 */
export async function readEpisodeVersion(slug: string, read: EpisodeVersionReader) {
  const epoch = registry.epoch;
  const trusted = registry.listeners > 0;
  const started = performance.now();
  const version = await read(slug);
  if (version && trusted && registry.listeners > 0 && registry.epoch === epoch) {
    // The key's second part: the creation time (ms) of the first claim still in its grace period.
    const next = version.key.split(":")[1];
    const until = next ? started + (Number(next) - version.cutoff.getTime()) - GRACE_MARGIN_MS : Number.POSITIVE_INFINITY;
    registry.known.delete(slug);
    registry.known.set(slug, { key: version.key, until });
    if (registry.known.size > MAX_KNOWN) registry.known.delete(registry.known.keys().next().value!);
  }
  return version;
}

/** The version key without a query when it is known, else read. */
export async function currentEpisodeVersion(slug: string, read: EpisodeVersionReader) {
  return knownEpisodeVersion(slug) ?? (await readEpisodeVersion(slug, read))?.key ?? null;
}

/** A notification: the episode's version changed (or it was added, renamed or deleted). */
export function forgetEpisodeVersion(slug: string) {
  registry.epoch += 1;
  registry.known.delete(slug);
  const waiting = registry.waiters?.get(slug);
  registry.waiters?.delete(slug);
  for (const resolve of waiting ?? []) resolve();
}

/**
 * Resolves when this process is next told that `slug`'s version changed. A write by another connection
 * reaches this process's cache a moment after it commits; a test that writes directly to the database
 * and then reads the page through this process waits on this, not on time.
 */
export function toldOfEpisodeChange(slug: string) {
  return new Promise<void>((resolve) => {
    // No listener: no version is trusted, every read asks the database.
    if (registry.listeners === 0) return resolve();
    const waiters = (registry.waiters ??= new Map());
    waiters.set(slug, [...(waiters.get(slug) ?? []), resolve]);
  });
}

/** A listener went down or came up (`change` -1 or +1): whatever was known may have been missed, so it is forgotten. */
function listenersChanged(change: -1 | 1) {
  registry.epoch += 1;
  registry.known.clear();
  registry.listeners += change;
  // Nothing known is trusted any more: whoever waited to be told will read afresh.
  const waiting = [...(registry.waiters?.values() ?? [])].flat();
  registry.waiters?.clear();
  for (const resolve of waiting) resolve();
}

export interface VersionListener {
  close(): Promise<void>;
}

/**
 * One connection of this process LISTENs for version changes, and reconnects after it drops (first after
 * 0.5 s, then doubling up to 30 s). A ping every `pingMs` finds a connection that died silently.
 */
export function listenForEpisodeVersions({
  connectionString,
  log = (line: string) => console.error(line),
  pingMs = 15_000,
  events = {},
}: {
  connectionString: string;
  log?: (line: string) => void;
  pingMs?: number;
  /** Told after the registry acted on each event (tests wait on these instead of on time). */
  events?: { up?(): void; down?(reason: string): void; notified?(slug: string): void };
}): VersionListener {
  let closed = false;
  let client: pg.Client | undefined;
  let retryMs = 500;
  let retryTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;
  let reportedDown = false;

  let live = false;
  const down = () => {
    if (live) listenersChanged(-1);
    live = false;
  };

  const drop = (reason: string) => {
    const wasLive = live;
    down();
    if (wasLive) events.down?.(reason);
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = undefined;
    const dead = client;
    client = undefined;
    dead?.removeAllListeners();
    dead?.on("error", () => {});
    dead?.end().catch(() => {});
    if (closed) return;
    if (!reportedDown) log(`episode versions: listener down (${reason}); pages are checked against the database until it is back`);
    reportedDown = true;
    retryTimer = setTimeout(connect, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({
      connectionString,
      keepAlive: true,
      query_timeout: 5_000,
      connectionTimeoutMillis: 5_000,
      application_name: "footnote episode versions",
    });
    client = next;
    next.on("error", (error) => client === next && drop(error.message));
    next.on("end", () => client === next && drop("connection closed"));
    next.on("notification", (message) => {
      if (client !== next || message.channel !== EPISODE_VERSION_CHANNEL || message.payload === undefined) return;
      forgetEpisodeVersion(message.payload);
      events.notified?.(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${EPISODE_VERSION_CHANNEL}`);
    } catch (error) {
      if (client === next) drop((error as Error).message);
      return;
    }
    if (client !== next || closed) return;
    // Anything that changed while no one listened is unknown: read every version afresh from now on.
    live = true;
    listenersChanged(1);
    events.up?.();
    retryMs = 500;
    if (reportedDown) log("episode versions: listener back");
    reportedDown = false;
    pingTimer = setInterval(() => {
      next.query("SELECT 1").catch((error: Error) => client === next && drop(`ping: ${error.message}`));
    }, pingMs);
    pingTimer.unref();
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (pingTimer) clearInterval(pingTimer);
      down();
      const open = client;
      client = undefined;
      await open?.end().catch(() => {});
    },
  };
}
