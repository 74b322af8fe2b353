// Fetching a page a member cited, without letting the address reach inside our network (SSRF, ADR 0031):
// http(s) only; every address a host name resolves to must be public, checked again on every redirect,
// and the connection goes to the address that was checked (the lookup the socket uses is this check, so a
// second DNS answer cannot swap in a private one); at most 5 redirects, 5 MB (the rest is cut, not
// refused), 10 s in all; HTML and plain text only. docs/claims.md, "Evidence", has the policy.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import zlib from "node:zlib";

export const FETCH_LIMITS = { maxRedirects: 5, maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000 } as const;

const USER_AGENT = "FootnoteQuoteCheck/1.0 (+https://github.com/footnote; checks that a quoted passage is on the page)";

/** Addresses no fetch may connect to: this host, private networks, link-local (cloud metadata), CGNAT, multicast, reserved. */
// One list per family: Node's BlockList also matches an IPv4 address against IPv4-mapped IPv6 rules.
const BLOCKED_V4 = new net.BlockList();
const BLOCKED_V6 = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, among them 169.254.169.254, the cloud metadata service
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and 255.255.255.255
] as const) {
  BLOCKED_V4.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["::", 96], // IPv4-compatible
  ["::ffff:0:0", 96], // IPv4-mapped: would reach any IPv4 address, private ones included
  ["64:ff9b::", 96], // NAT64, the same
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments (Teredo, ORCHID…)
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4: embeds an IPv4 address
  ["fc00::", 7], // unique local (fd00:ec2::254 is a cloud metadata address)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local
  ["ff00::", 8], // multicast
] as const) {
  BLOCKED_V6.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` (an IP literal) is a public unicast address. */
export function isPublicAddress(address: string) {
  const family = net.isIP(address);
  if (family === 0) return false;
  return family === 4 ? !BLOCKED_V4.check(address, "ipv4") : !BLOCKED_V6.check(address, "ipv6");
}

/**
 * Test-only: `EVIDENCE_ALLOW_PRIVATE_HOSTS=127.0.0.1:4123,…` lets a fetch reach these addresses (with that
 * port, or any port when none is given), for a fixture server the test starts. Ignored in production.
 */
function allowedPrivately(address: string, port: number) {
  if (process.env.NODE_ENV === "production") return false;
  const entries = (process.env.EVIDENCE_ALLOW_PRIVATE_HOSTS ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return entries.includes(address) || entries.includes(`${address}:${port}`);
}

function permitted(address: string, port: number) {
  return isPublicAddress(address) || allowedPrivately(address, port);
}

export type FetchedPage = {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  /** "html" or "text". */
  format: "html" | "text";
  contentType: string;
  body: string;
  byteLength: number;
  /** The page was longer than FETCH_LIMITS.maxBytes: what is kept is its beginning. */
  truncated: boolean;
  /** SHA-256 of the bytes kept, hex. */
  sha256: string;
};

/**
 * Why a page could not be read. `gone`: the server says it is not there (404, 410) or the host name no longer
 * exists; `refused`: the policy forbids it (address, scheme, redirects, content type); `failed`: anything
 * else (timeout, connection, a server error), which a later check may not meet again.
 */
export type FetchFailure = { ok: false; kind: "gone" | "refused" | "failed"; reason: string; status?: number; finalUrl: string };
export type FetchResult = ({ ok: true } & FetchedPage) | FetchFailure;

class Refused extends Error {}

function portOf(url: URL) {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

/** The lookup the socket uses: resolves, refuses when any address is not public, and hands over the addresses it checked. */
function checkedLookup(port: number): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((entry) => !permitted(entry.address, port));
      if (refused || addresses.length === 0) {
        return callback(new Refused(`${hostname} resolves to ${refused?.address ?? "no address"}, which is not a public address`), "", 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

type Hop = { status: number; headers: http.IncomingHttpHeaders; stream: Readable; response: http.IncomingMessage };

function request(url: URL, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const port = portOf(url);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // An address written in the URL is not looked up: it is checked here.
    if (net.isIP(host) && !permitted(host, port)) return reject(new Refused(`${host} is not a public address`));
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "GET",
        headers: { "user-agent": USER_AGENT, accept: "text/html,application/xhtml+xml,text/plain;q=0.9", "accept-encoding": "gzip, deflate, br" },
        lookup: checkedLookup(port),
        signal,
        agent: false,
      },
      (response) => resolve({ status: response.statusCode ?? 0, headers: response.headers, stream: response, response }),
    );
    req.on("error", reject);
    req.end();
  });
}

function decoded(hop: Hop): Readable {
  const encoding = String(hop.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return hop.stream.pipe(zlib.createGunzip());
  if (encoding === "deflate") return hop.stream.pipe(zlib.createInflate());
  if (encoding === "br") return hop.stream.pipe(zlib.createBrotliDecompress());
  return hop.stream;
}

/** Reads at most `maxBytes` (after decompression), then stops reading and closes the connection. */
async function readCapped(hop: Hop, maxBytes: number) {
  const chunks: Buffer[] = [];
  let length = 0;
  let truncated = false;
  const stream = decoded(hop);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const room = maxBytes - length;
    if (chunk.length >= room) {
      chunks.push(chunk.subarray(0, room));
      length += room;
      truncated = chunk.length > room;
      break;
    }
    chunks.push(chunk);
    length += chunk.length;
  }
  hop.response.destroy();
  const body = Buffer.concat(chunks, length);
  // Ended exactly at the limit: only a page that had more is "cut".
  return { body, truncated };
}

function formatOf(contentType: string): "html" | "text" | null {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain") return "text";
  return null;
}

function charsetOf(contentType: string) {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8");
  } catch {
    return new TextDecoder("utf-8");
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Fetches `address` under the policy above. Never throws for what the page or the network did: the answer says. */
export async function fetchCitedPage(address: string, limits: { maxBytes?: number; timeoutMs?: number } = {}): Promise<FetchResult> {
  const maxBytes = limits.maxBytes ?? FETCH_LIMITS.maxBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("timeout")), limits.timeoutMs ?? FETCH_LIMITS.timeoutMs);
  let current: URL;
  try {
    current = new URL(address);
  } catch {
    clearTimeout(timer);
    return { ok: false, kind: "refused", reason: "The address is not a valid URL.", finalUrl: address };
  }
  try {
    for (let redirects = 0; ; redirects++) {
      if (current.protocol !== "http:" && current.protocol !== "https:") {
        return { ok: false, kind: "refused", reason: `Only http and https addresses are fetched, not ${current.protocol}`, finalUrl: current.href };
      }
      current.hash = "";
      const hop = await request(current, controller.signal);
      if (REDIRECTS.has(hop.status) && hop.headers.location) {
        hop.response.destroy();
        if (redirects >= FETCH_LIMITS.maxRedirects) {
          return { ok: false, kind: "refused", reason: `More than ${FETCH_LIMITS.maxRedirects} redirects.`, status: hop.status, finalUrl: current.href };
        }
        current = new URL(hop.headers.location, current);
        continue;
      }
      if (hop.status === 404 || hop.status === 410) {
        hop.response.destroy();
        return { ok: false, kind: "gone", reason: `The server answered ${hop.status}: the page is not there.`, status: hop.status, finalUrl: current.href };
      }
      if (hop.status < 200 || hop.status > 299) {
        hop.response.destroy();
        return { ok: false, kind: "failed", reason: `The server answered ${hop.status}.`, status: hop.status, finalUrl: current.href };
      }
      const contentType = String(hop.headers["content-type"] ?? "");
      const format = formatOf(contentType);
      if (!format) {
        hop.response.destroy();
        return { ok: false, kind: "refused", reason: `Only HTML and plain text are read, not ${contentType || "an unnamed type"}.`, status: hop.status, finalUrl: current.href };
      }
      const { body, truncated } = await readCapped(hop, maxBytes);
      return {
        ok: true,
        requestedUrl: address,
        finalUrl: current.href,
        status: hop.status,
        format,
        contentType,
        body: charsetOf(contentType).decode(body),
        byteLength: body.length,
        truncated,
        sha256: createHash("sha256").update(body).digest("hex"),
      };
    }
  } catch (error) {
    const finalUrl = current.href;
    if (error instanceof Refused) return { ok: false, kind: "refused", reason: `${error.message}: refused.`, finalUrl };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND") return { ok: false, kind: "gone", reason: `The host ${current.hostname} does not exist (DNS).`, finalUrl };
    if (controller.signal.aborted) return { ok: false, kind: "failed", reason: `No answer within ${(limits.timeoutMs ?? FETCH_LIMITS.timeoutMs) / 1000} s.`, finalUrl };
    return { ok: false, kind: "failed", reason: `The page could not be fetched (${code ?? (error as Error).message}).`, finalUrl };
  } finally {
    clearTimeout(timer);
  }
}
