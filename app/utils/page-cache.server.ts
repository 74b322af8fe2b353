// Anonymous readers of an episode all get the same page. It is cached under the episode's content
// version (getEpisodeVersion, ADR 0006): every write the page shows changes it in its own transaction,
// so a cached page is never stale — it is only reused while nothing it shows has changed.

// Keys are made from the validated query (unknown parameters such as `?utm=` dropped), and each cache
// holds at most a byte budget besides its count of entries: random query strings cannot fill memory.

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


/** Loader data of anonymous episode pages, by page key and content version; sized as its JSON (UTF-16). */
export const episodePageData = new VersionedCache<unknown>((value) => JSON.stringify(value).length * 2);

/**
 * Rendered HTML of anonymous pages, by page key and content version, with the CSP nonce it was rendered
 * with and its gzip, made once when first asked for (counted as a third of the HTML, its usual ratio or less).
 */
export const renderedPages = new VersionedCache<{ html: Buffer; nonce: string; gzip?: Buffer }>((value) => Math.ceil(value.html.length * 1.34));

export function acceptsGzip(request: Request) {
  return /\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? "");
}
