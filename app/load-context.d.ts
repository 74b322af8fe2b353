import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, for rate limits (behind TRUST_PROXY proxies: the address the nearest trusted proxy saw). */
    clientIp: string;
    /**
     * Set by a loader whose anonymous page is the same for every reader at this version (the episode
     * page): the document renderer caches its HTML under it. Server-side only, never a header.
     */
    pageVersion?: string;
    /** A fresh random nonce of this request: the document's scripts carry it and its CSP names it. */
    cspNonce?: string;
    /** Set with pageVersion: the page's cache key, its path and validated query (`?utm=` dropped). */
    pageCacheKey?: string;
    /** A request for a document (not single-fetch data, `.data`): its islands go in its HTML alone (ADR 0038). */
    documentRequest?: boolean;
    /** Set by a loader for the document renderer: the HTML of the page's islands by key (components/ui/island.tsx). */
    islands?: ReadonlyMap<string, string>;
    /** Set by a loader for the document renderer: its shared fragments' keys by name (components/ui/shared-fragment.tsx). */
    fragmentKeys?: ReadonlyMap<string, string>;
  }
}
