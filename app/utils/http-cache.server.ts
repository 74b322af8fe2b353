// HTTP caching for anonymous readers: every answer carries an ETag of its exact bytes and must be
// revalidated (max-age=0), so a repeat visit costs a 304 and a new comment is never served stale.
import { createHash } from "node:crypto";
import { readSessionToken } from "~/utils/session.server";
import { hasToastCookie } from "~/utils/toast.server";

export const ANONYMOUS_CACHE_CONTROL = "public, max-age=0, must-revalidate";
export const PRIVATE_CACHE_CONTROL = "private, no-cache";

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
