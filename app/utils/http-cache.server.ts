// HTTP caching for anonymous readers: every answer carries an ETag of its exact bytes and must be
// revalidated (max-age=0), so a repeat visit costs a 304 and a new comment is never served stale.
// Pages and JSON twins cached per content version are kept as a `Representation`: their bytes, one strong
// ETag, and gzip and Brotli made once, when first asked for (ADR 0022).
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { readSessionToken } from "~/utils/session.server";
import { hasToastCookie } from "~/utils/toast.server";

export const ANONYMOUS_CACHE_CONTROL = "public, max-age=0, must-revalidate";
export const PRIVATE_CACHE_CONTROL = "private, no-cache";
/**
 * Episode pages and their JSON twins for anonymous readers (ADR 0022): browsers revalidate every time
 * (a 304 while nothing changed); a shared cache (CDN) may keep a copy 10 s and serve it up to 30 s more
 * while it revalidates in the background.
 */
export const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=30";

/** A read shared by every anonymous reader: no session, and no toast (a message for this reader alone). */
export function isAnonymousRead(request: Request) {
  return (request.method === "GET" || request.method === "HEAD") && readSessionToken(request) === null && !hasToastCookie(request);
}

export function etagOf(body: Uint8Array | string) {
  return `W/"${createHash("sha1").update(body).digest("base64url")}"`;
}

export function matchesEtag(request: Request, etag: string) {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header.split(",").some((candidate) => candidate.trim() === etag || candidate.trim() === "*");
}

/** A complete body answered with its ETag, or 304 when the client already has these bytes. */
export function respondWithEtag(
  request: Request,
  body: Uint8Array | string,
  init: { status: number; headers: Headers },
  // A weak ETag names the content, so the gzip of a page carries the page's own ETag.
  etag = etagOf(body),
) {
  const headers = new Headers(init.headers);
  headers.set("ETag", etag);
  headers.set("Cache-Control", ANONYMOUS_CACHE_CONTROL);
  headers.append("Vary", "Cookie");
  if (init.status === 200 && matchesEtag(request, etag)) {
    headers.delete("Content-Length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body as BodyInit, { status: init.status, headers });
}

/** For resource routes (JSON, feeds): caches anonymous reads of a fully built response. */
export async function cacheForAnonymous(request: Request, response: Response) {
  if (!isAnonymousRead(request) || response.status !== 200) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  return respondWithEtag(request, body, { status: response.status, headers: response.headers });
}

// ——— Representations kept per content version ———

export type Coding = "br" | "gzip" | "identity";

export interface Representation {
  type: string;
  identity: Buffer;
  /** The opaque part of the strong ETag of the identity bytes; each coding adds its suffix. */
  tag: string;
  /** Text is compressed; fonts and images are sent as they are. */
  compressible: boolean;
  /** Each coding asked for: a promise while it is being made, then its bytes (answered with no promise to wait on). */
  encoded: Partial<Record<"br" | "gzip", Promise<Buffer> | Buffer>>;
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;

/** A body to keep: its ETag is computed now, once, and never again for these bytes. */
export function representationOf(body: Buffer | string, type: string): Representation {
  const identity = typeof body === "string" ? Buffer.from(body) : body;
  const tag = createHash("sha256").update(identity).digest("base64url").slice(0, 32);
  return { type, identity, tag, compressible: COMPRESSIBLE.test(type), encoded: {} };
}

/** Bytes a representation may take once both codings are made (gzip and Brotli each well under a third of text). */
export function representationBytes(representation: Representation) {
  return Math.ceil(representation.identity.length * 1.6);
}

/** A strong ETag per coding: the bytes differ, so the tags do (RFC 9110 8.8.3). */
export function etagFor(representation: Representation, coding: Coding) {
  return `"${representation.tag}${coding === "identity" ? "" : `-${coding}`}"`;
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * The body in `coding`, compressed once and kept (a failed compression is forgotten, to be tried again).
 * Brotli at quality 5: 125 KB in ~0.1 s for the 878 KB FTR #863 page, where quality 11 takes ~7 s for
 * 100 KB — and it is made again for every content version (ADR 0022).
 */
export function encodedBody(representation: Representation, coding: Coding): Promise<Buffer> {
  const made = madeBody(representation, coding);
  if (made) return Promise.resolve(made);
  const key = coding as "br" | "gzip";
  const kept = representation.encoded[key];
  if (kept) return kept as Promise<Buffer>;
  const making =
    key === "gzip"
      ? gzip(representation.identity, { level: 6 })
      : brotli(representation.identity, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: representation.identity.length,
          },
        });
  representation.encoded[key] = making;
  making.then(
    (body) => {
      if (representation.encoded[key] === making) representation.encoded[key] = body;
    },
    () => {
      if (representation.encoded[key] === making) delete representation.encoded[key];
    },
  );
  return making;
}

/** The body in `coding` when it is made already, else undefined (encodedBody makes it). */
function madeBody(representation: Representation, coding: Coding): Buffer | undefined {
  if (coding === "identity") return representation.identity;
  const kept = representation.encoded[coding];
  return Buffer.isBuffer(kept) ? kept : undefined;
}

/** The codings chosen for the Accept-Encoding headers seen last (browsers send a handful of values). */
const chosenCodings = new Map<string, Coding>();
const CHOSEN_CODINGS_KEPT = 64;

/** The coding to send for an Accept-Encoding header: Brotli, then gzip, by the client's q-values; else none. */
export function chooseCoding(acceptEncoding: string | null | undefined): Coding {
  if (!acceptEncoding) return "identity";
  let coding = chosenCodings.get(acceptEncoding);
  if (coding === undefined) {
    coding = parseAcceptEncoding(acceptEncoding);
    if (chosenCodings.size >= CHOSEN_CODINGS_KEPT) chosenCodings.clear();
    chosenCodings.set(acceptEncoding, coding);
  }
  return coding;
}

function parseAcceptEncoding(acceptEncoding: string): Coding {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...parameters] = part.trim().toLowerCase().split(";");
    const q = parameters.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get("*") ?? 0;
  const br = weight("br");
  const gz = weight("gzip");
  if (br > 0 && br >= gz) return "br";
  if (gz > 0) return "gzip";
  return "identity";
}

/** If-None-Match names this content in any coding (the comparison is weak, RFC 9110 13.1.2), or is `*`. */
export function isNotModified(ifNoneMatch: string | null | undefined, representation: Representation) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    if (tag === "*") return true;
    const opaque = /^(?:W\/)?"([^"]*)"$/.exec(tag)?.[1];
    return opaque !== undefined && opaque.replace(/-(?:br|gzip)$/, "") === representation.tag;
  });
}

export interface CachedAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  /** Null for a 304 and for HEAD. */
  body: Buffer | null;
}

/**
 * The answer to a GET or HEAD from a kept representation: 304 when the client has it, else its bytes in
 * the best coding the client accepts. Shared by the cheap hits before Express and Remix's document
 * handler. It is there at once (no promise) when that coding is already made: the cheap hits then answer
 * in the same turn as the request arrived.
 */
export function answerFromRepresentation(
  representation: Representation,
  request: { method: string; ifNoneMatch?: string | null; acceptEncoding?: string | null },
  headers: Record<string, string>,
): CachedAnswer | Promise<CachedAnswer> {
  const coding = representation.compressible ? chooseCoding(request.acceptEncoding) : "identity";
  // Lower-case names throughout: a Headers object lists its names so, and a name twice would be sent twice.
  const all: Record<string, string> = {};
  for (const name in headers) all[name.toLowerCase()] = headers[name]!;
  all["content-type"] = representation.type;
  all["etag"] = etagFor(representation, coding);
  // Pages and JSON differ for a signed-in reader (their cookie); a caller may say otherwise (static files).
  all["vary"] ??= "Accept-Encoding, Cookie";
  if (isNotModified(request.ifNoneMatch, representation)) return { status: 304, headers: all, body: null };
  const answer = (body: Buffer): CachedAnswer => {
    if (coding !== "identity") all["content-encoding"] = coding;
    all["content-length"] = String(body.length);
    return { status: 200, headers: all, body: request.method === "HEAD" ? null : body };
  };
  const made = madeBody(representation, coding);
  return made ? answer(made) : encodedBody(representation, coding).then(answer);
}

/** The same answer as a Fetch Response (Remix routes and the document handler). */
export async function respondWithRepresentation(request: Request, representation: Representation, headers: Headers) {
  const answer = await answerFromRepresentation(
    representation,
    { method: request.method, ifNoneMatch: request.headers.get("If-None-Match"), acceptEncoding: request.headers.get("Accept-Encoding") },
    Object.fromEntries(headers),
  );
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
}
