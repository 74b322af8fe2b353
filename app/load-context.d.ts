import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, for rate limits (behind TRUST_PROXY proxies: the address the nearest trusted proxy saw). */
    clientIp: string;
  }
}
