import { PassThrough, pipeline } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import {
  isAnonymousRead,
  PRIVATE_CACHE_CONTROL,
  representationOf,
  respondWithEtag,
  respondWithRepresentation,
  SHARED_CACHE_CONTROL,
} from "~/utils/http-cache.server";
import {
  episodeData,
  FRAGMENT_VERSION,
  pageRenderUnderWay,
  rememberPageAddress,
  renderedPages,
  sharedFragments,
  trackPageRender,
  versionNonce,
  type RenderedPage,
} from "~/utils/page-cache.server";
import { RETRY_AFTER_SECONDS } from "~/utils/database-outage.server";
import { contentSecurityPolicy, newNonce, NonceContext } from "~/utils/nonce";
import { IslandContext } from "~/components/ui/island";
import { FragmentContext, fragmentHtml } from "~/components/ui/shared-fragment";
import { fragmentMark, spliceFragments } from "~/utils/fragment-splice.server";

// The background tasks, exported by the build so that scripts/server.ts runs them with the app's own modules.
export { taskList } from "~/jobs/task-list.server";

const ABORT_DELAY = 5_000;

export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  askToRetryWhenUnavailable(responseStatusCode, responseHeaders);
  // Anonymous reads are rendered whole so they can carry an ETag; signed-in pages stream.
  const anonymous = isAnonymousRead(request) && responseStatusCode === 200;
  // A route that declares the version of what it shows lets anonymous pages be rendered once per version;
  // version and key travel in the request's load context, never in a header a client could see.
  const version = anonymous ? (loadContext.pageVersion ?? null) : null;
  // The route names the page by its validated query, so `?utm=1` and `?utm=2` are one entry (page-cache.server.ts).
  const cacheKey = loadContext.pageCacheKey ?? new URL(request.url).pathname;
  // A page cached per version carries a nonce of that version, the same in every process (ADR 0010, 0022).
  const nonce = version ? versionNonce(cacheKey, version) : (loadContext.cspNonce ?? newNonce());
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  if (version) {
    responseHeaders.set("Cache-Control", SHARED_CACHE_CONTROL);
    const { pathname, search } = new URL(request.url);
    // The next request for this address is answered before Remix while the version holds (scripts/server.ts).
    rememberPageAddress(`${pathname}${search}`, cacheKey);
    // A render under way at this version is waited for instead of made again (page-cache.server.ts).
    const cached = renderedPages.get(cacheKey, version) ?? (await pageRenderUnderWay(cacheKey, version));
    // Compressed once per version instead of on every request; the compression middleware leaves encoded bodies alone.
    if (cached) {
      responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(cached.nonce));
      return respondWithRepresentation(request, cached.page, responseHeaders);
    }
    let kept: RenderedPage | undefined;
    const done = renderDocument(request, responseStatusCode, responseHeaders, remixContext, { nonce, anonymous, version, cacheKey, loadContext }, (page) => (kept = page));
    trackPageRender(cacheKey, version, done.then(() => kept, () => undefined));
    return done;
  }
  return renderDocument(request, responseStatusCode, responseHeaders, remixContext, { nonce, anonymous, version, cacheKey, loadContext });
}

function renderDocument(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  {
    nonce,
    anonymous,
    version,
    cacheKey,
    loadContext,
  }: { nonce: string; anonymous: boolean; version: string | null; cacheKey: string; loadContext: AppLoadContext },
  onKept?: (page: RenderedPage) => void,
) {
  const waitForAll = anonymous || isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  // Shared fragments of a signed-in page (ADR 0041): those kept are given to the render, those missing are
  // cut out of this render's HTML and kept for the next reader with the same key. Only for a GET: the page
  // answering a form posted without JavaScript shows the action's answer (useActionData), which the keys —
  // made by the loader, which Remix calls with a GET — know nothing of.
  const keptBytes = new Map<string, Buffer>();
  const missing: [name: string, key: string][] = [];
  for (const [name, key] of request.method === "GET" ? (loadContext.fragmentKeys ?? []) : []) {
    const bytes = sharedFragments.get(key, FRAGMENT_VERSION);
    if (bytes === undefined) missing.push([name, key]);
    else keptBytes.set(name, bytes);
  }
  // React renders a mark for a kept one, which the stream replaces with its bytes (utils/fragment-splice.server.ts).
  const marks = keptBytes.size ? new Map([...keptBytes.keys()].map((name) => [name, fragmentMark(name)])) : null;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // The render is abandoned after ABORT_DELAY; once it is all rendered that timer is cleared, and with it
    // what it held: a pending timer keeps the request's whole React render alive for those 5 s.
    let abandon: ReturnType<typeof setTimeout> | undefined;
    const answer = () => {
      shellRendered = true;
      const body = new PassThrough();
      if (anonymous) {
        const chunks: Buffer[] = [];
        body.on("data", (chunk: Buffer) => chunks.push(chunk));
        body.on("end", () => {
          const html = Buffer.concat(chunks);
          // An error while rendering (status now 500) is answered, never kept.
          if (!version || responseStatusCode !== 200) return resolve(respondWithEtag(request, html, { status: responseStatusCode, headers: responseHeaders }));
          const page = representationOf(html, "text/html; charset=utf-8");
          renderedPages.set(cacheKey, version, { page, nonce });
          onKept?.({ page, nonce });
          respondWithRepresentation(request, page, responseHeaders).then(resolve, reject);
        });
        body.on("error", reject);
      } else {
        if (missing.length && responseStatusCode === 200) keepFragments(body, missing, () => responseStatusCode === 200);
        if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", PRIVATE_CACHE_CONTROL);
        const html = keptBytes.size ? pipeline(body, spliceFragments(keptBytes), () => {}) : body;
        resolve(new Response(createReadableStreamFromReadable(html), { headers: responseHeaders, status: responseStatusCode }));
      }
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        {/* The page's static islands, set by its loader: in the HTML once, not in the hydration data (ADR 0038). */}
        <IslandContext.Provider value={loadContext.islands ?? null}>
          <FragmentContext.Provider value={marks}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </FragmentContext.Provider>
        </IslandContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) answer();
        },
        onAllReady() {
          clearTimeout(abandon);
          if (waitForAll) answer();
        },
        onShellError(error: unknown) {
          clearTimeout(abandon);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged; those before it go to the error boundary.
          if (shellRendered) console.error(error);
        },
      },
    );
    abandon = setTimeout(abort, ABORT_DELAY);
  });
}

/** Keeps the missing shared fragments from the HTML streaming through `body`, once it is whole and rendered without error. */
function keepFragments(body: PassThrough, missing: [name: string, key: string][], renderedWell: () => boolean) {
  const chunks: Buffer[] = [];
  body.on("data", (chunk: Buffer) => chunks.push(chunk));
  body.on("end", () => {
    if (!renderedWell()) return;
    const document = Buffer.concat(chunks).toString("utf8");
    for (const [name, key] of missing) {
      const html = fragmentHtml(document, name);
      if (html !== null) sharedFragments.set(key, FRAGMENT_VERSION, Buffer.from(html, "utf8"));
    }
  });
}

/**
 * Single-fetch data requests (`.data`): answered 503 during a database outage, they also say when to retry.
 * The data of an anonymous page that declares its version (the episode page) is encoded once per version
 * and kept, like its HTML: the server answers its repeats before Remix (scripts/server.ts).
 */
export async function handleDataRequest(response: Response, { context, request }: { context: AppLoadContext; request: Request }) {
  askToRetryWhenUnavailable(response.status, response.headers);
  const version = context.pageVersion;
  if (!version || response.status !== 200 || request.method !== "GET" || !isAnonymousRead(request)) return response;
  const { pathname, search } = new URL(request.url);
  const address = `${pathname}${search}`;
  let kept = episodeData.get(address, version);
  if (kept) await response.body?.cancel();
  else {
    kept = representationOf(Buffer.from(await response.arrayBuffer()), response.headers.get("Content-Type") ?? "text/x-script");
    episodeData.set(address, version, kept);
  }
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", SHARED_CACHE_CONTROL);
  return respondWithRepresentation(request, kept, headers);
}

/** A 503 (the database is unreachable: scripts/server.ts) tells clients when to try again. */
function askToRetryWhenUnavailable(status: number, headers: Headers) {
  if (status !== 503) return;
  if (!headers.has("Retry-After")) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  headers.set("Cache-Control", "no-store");
}

