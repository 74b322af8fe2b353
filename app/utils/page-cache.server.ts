// Anonymous readers of an episode all get the same page. It is cached under the episode's content
// version (getEpisodeVersion, ADR 0006): every write the page shows changes it in its own transaction,
// so a cached page is never stale — it is only reused while nothing it shows has changed.

const MAX_ENTRIES = 200;

export class VersionedCache<T> {
  private entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  get(key: string, version: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: T) {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear() {
    this.entries.clear();
  }
}

/** Loader data of anonymous episode pages, by URL and content version. */
export const episodePageData = new VersionedCache<unknown>();

/** Rendered HTML of anonymous pages, by URL and content version, and its gzip, made once when first asked for. */
export const renderedPages = new VersionedCache<{ html: Buffer; gzip?: Buffer }>();

export function acceptsGzip(request: Request) {
  return /\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? "");
}
