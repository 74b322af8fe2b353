import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, for rate limits (behind a proxy when TRUST_PROXY=true). */
    clientIp: string;
  }
}
