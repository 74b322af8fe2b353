import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, for rate limits (behind a proxy when TRUST_PROXY=true). */
    clientIp: string;
    /** A fresh random nonce of this request: the document's scripts carry it and its CSP names it. */
    cspNonce?: string;
  }
}
