// Anonymous readers of an episode all get the same page. It is cached under the episode's content
// version (getEpisodeVersion, ADR 0006): every write the page shows changes it in its own transaction,
// so a cached page is never stale — it is only reused while nothing it shows has changed.

// Keys are made from the validated query (unknown parameters such as `?utm=` dropped), and each cache
// holds at most a byte budget besides its count of entries: random query strings cannot fill memory.

// The caches live on globalThis: the server (scripts/server.ts, which answers cached pages before Remix,
// ADR 0022) and the Remix build that fills them are two copies of this module in one process.
import { createHmac, randomBytes } from "node:crypto";
import { representationBytes, type Representation } from "~/utils/http-cache.server";

const MAX_ENTRIES = 200;
const MAX_BYTES = 32 * 1024 * 1024;

export class VersionedCache<T> {
  private entries = new Map<string, { version: string; value: T; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly sizeOf: (value: T) => number,
    private readonly maxEntries = MAX_ENTRIES,
    private readonly maxBytes = MAX_BYTES,
  ) {}

  /** Bytes the cached values take, as `sizeOf` counts them. */
  get bytes() {
    return this.totalBytes;
  }

  get size() {
    return this.entries.size;
  }

  get(key: string, version: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: T) {
    this.delete(key);
    const bytes = this.sizeOf(value);
    // A value larger than the whole budget is not cached at all.
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { version, value, bytes });
    this.totalBytes += bytes;
    while (this.entries.size > this.maxEntries || this.totalBytes > this.maxBytes) this.delete(this.entries.keys().next().value!);
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  clear() {
    this.entries.clear();
    this.totalBytes = 0;
  }
}

export interface RenderedPage {
  page: Representation;
  /** The CSP nonce the page was rendered with, which its Content-Security-Policy names (ADR 0010, 0022). */
  nonce: string;
}

interface PageCaches {
  episodePageData: VersionedCache<unknown>;
  renderedPages: VersionedCache<RenderedPage>;
  episodeJson: VersionedCache<Representation>;
  episodeData: VersionedCache<Representation>;
  episodeParts: VersionedCache<unknown>;
  episodeIslands: VersionedCache<{ key: string; html: string }>;
  sharedFragments: VersionedCache<Buffer>;
  pageRenders: Map<string, Promise<RenderedPage | undefined>>;
  pageAliases: Map<string, string>;
  nonceSecret: Buffer;
}

const shared = globalThis as unknown as { __footnotePageCaches?: PageCaches };

/**
 * What every reader of an episode page shares (the episode and its sections, a page of discussion rows,
 * the links of program numbers), by part and content version: signed-in pages present them per reader
 * instead of querying them again (routes/episodes.$slug/shared.server.ts). Sized as their JSON (UTF-16).
 */
function newEpisodeParts() {
  return new VersionedCache<unknown>((value) => JSON.stringify(value).length * 2, 400, 24 * 1024 * 1024);
}

/**
 * The HTML of the static islands of episode pages (a section's text, a comment's), by target and the claim
 * markers shown in it, at a content version (routes/episodes.$slug/islands.server.tsx). Sized as UTF-16.
 */
/**
 * Shared fragments of signed-in pages (components/ui/shared-fragment.tsx), by the hash of what they are
 * rendered from: a key names one HTML, so it needs no version (the constant below). Kept as UTF-8, as they
 * go into the document (utils/fragment-splice.server.ts): a discussion page of 1,000 comments is about
 * 800 KB. Buffers are outside the heap's ceiling (ADR 0039) but not outside the process: half the other
 * caches' budget.
 */
function newSharedFragments() {
  return new VersionedCache<Buffer>((html) => html.length, 200, 16 * 1024 * 1024);
}

/** The one "version" of shared fragments: their keys change with their content. */
export const FRAGMENT_VERSION = "by-content-utf8";

function newEpisodeIslands() {
  return new VersionedCache<{ key: string; html: string }>((value) => (value.html.length + value.key.length) * 2, 20_000, 32 * 1024 * 1024);
}

const caches: PageCaches = (shared.__footnotePageCaches ??= {
  /** Loader data of anonymous episode pages, by page key and content version; sized as its JSON (UTF-16). */
  episodePageData: new VersionedCache<unknown>((value) => JSON.stringify(value).length * 2),
  /** Rendered HTML of anonymous pages, by page key and content version, with its nonce; gzip and Brotli made once when first asked for. */
  renderedPages: new VersionedCache<RenderedPage>((value) => representationBytes(value.page)),
  /** The JSON twin (`/api/episodes/:slug`), by slug and content version. */
  episodeJson: new VersionedCache<Representation>(representationBytes),
  /** The single-fetch data of anonymous pages (`/episodes/:slug.data`, client-side navigation), by address and content version. */
  episodeData: new VersionedCache<Representation>(representationBytes),
  episodeParts: newEpisodeParts(),
  episodeIslands: newEpisodeIslands(),
  sharedFragments: newSharedFragments(),
  /** Renders of anonymous pages under way, by page key and version (entry.server.tsx). */
  pageRenders: new Map(),
  /** Address as requested (path and query) → the page key the route gave it, for the answer before Remix. */
  pageAliases: new Map(),
  nonceSecret: process.env.CSP_NONCE_SECRET ? Buffer.from(process.env.CSP_NONCE_SECRET) : randomBytes(32),
});

// A process whose caches were made by an older copy of this module (development rebuilds) gains the new one.
caches.episodeParts ??= newEpisodeParts();
caches.pageRenders ??= new Map();
caches.episodeIslands ??= newEpisodeIslands();
caches.sharedFragments ??= newSharedFragments();

export const { episodePageData, renderedPages, episodeJson, episodeData, episodeParts, episodeIslands, sharedFragments } = caches;

const MAX_ALIASES = 2_000;

/** Remembers which cached page an address is (its query validated by the route), for the answer before Remix. */
export function rememberPageAddress(address: string, cacheKey: string) {
  const aliases = caches.pageAliases;
  if (aliases.get(address) === cacheKey) return;
  aliases.delete(address);
  aliases.set(address, cacheKey);
  if (aliases.size > MAX_ALIASES) aliases.delete(aliases.keys().next().value!);
}

export function pageAddress(address: string) {
  return caches.pageAliases.get(address);
}

/**
 * The CSP nonce of an anonymous page of one content version (ADR 0022): a keyed hash of the page key and
 * the version, so every process that shares CSP_NONCE_SECRET renders the same bytes (and ETag), and a
 * new version, which any posted text makes, gets a nonce nobody could know before it was rendered.
 */
export function versionNonce(cacheKey: string, version: string) {
  return createHmac("sha256", caches.nonceSecret).update(`${cacheKey}\n${version}`).digest().subarray(0, 16).toString("base64");
}

/**
 * The render of an anonymous page at a version that is under way, if any: a request arriving meanwhile
 * waits for it — before Remix (scripts/server.ts) or in the document handler — instead of rendering it
 * (and encoding its data) again.
 */
export function pageRenderUnderWay(cacheKey: string, version: string) {
  return caches.pageRenders.get(`${cacheKey}\n${version}`);
}

/** Records a render under way until it settles (undefined: it was not kept). */
export function trackPageRender(cacheKey: string, version: string, render: Promise<RenderedPage | undefined>) {
  const flight = `${cacheKey}\n${version}`;
  caches.pageRenders.set(flight, render);
  const forget = () => caches.pageRenders.get(flight) === render && caches.pageRenders.delete(flight);
  render.then(forget, forget);
}
