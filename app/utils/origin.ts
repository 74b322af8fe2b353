// The cross-site request check behind the CSRF defence in scripts/server.ts.

/** Methods that must never change anything, so they pass without an Origin check. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request whose `Origin` header is `originHeader` came from the site served at `hostHeader`.
 * An absent Origin passes (non-browser clients and older browsers send none; SameSite=Lax still keeps
 * the session cookie off cross-site POSTs); `null`, an unparsable origin or a missing host do not.
 */
export function isSameOrigin(originHeader: string | null | undefined, hostHeader: string | null | undefined) {
  if (originHeader === undefined || originHeader === null) return true;
  // A Host is a name and an optional port, nothing a URL parser would read as a path or credentials.
  if (!hostHeader || /[\s/\\@?#]/.test(hostHeader)) return false;
  let origin: URL;
  let host: URL;
  try {
    origin = new URL(originHeader.trim());
    // Read the host with the origin's scheme so that a default port (":443" for https) compares equal.
    host = new URL(`${origin.protocol}//${hostHeader}`);
  } catch {
    return false;
  }
  if (origin.protocol !== "http:" && origin.protocol !== "https:") return false;
  return origin.host === host.host;
}
