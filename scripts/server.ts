// The HTTP server: Express serving the Remix build, static assets and a per-request load context.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { constants as zlibConstants } from "node:zlib";
import { randomBytes } from "node:crypto";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Request as ExpressRequest, type RequestHandler, type Response as ExpressResponse } from "express";
import { isDatabaseUnavailable, OUTAGE_MESSAGE, RETRY_AFTER_SECONDS } from "../app/utils/database-outage.server";
import { CONTROL_CHARACTER, describeBytes, maxBodyBytes, NUL } from "../app/utils/input";
import { getEnv, trustProxyFromEnv, type TrustProxy } from "../app/utils/env.server";
import { startJobRunner } from "../app/jobs/runner.server";
import type { TaskList } from "graphile-worker";
import { isSameOrigin, SAFE_METHODS } from "../app/utils/origin";
import { answerFromRepresentation, representationOf, SHARED_CACHE_CONTROL, type CachedAnswer, type Representation } from "../app/utils/http-cache.server";
import { currentEpisodeVersion, knownEpisodeVersion, listenForEpisodeVersions, type VersionListener } from "../app/utils/episode-versions.server";
import { getEpisodeVersion } from "../app/models/episode.server";
import { episodeData, episodeJson, pageAddress, pageRenderUnderWay, renderedPages, type RenderedPage } from "../app/utils/page-cache.server";
import { contentSecurityPolicy } from "../app/utils/nonce";
import { SESSION_COOKIE } from "../app/utils/session.server";
import { inNewRequestScope } from "../app/utils/request-scope.server";
import { RequestSlots } from "./request-slots";

export interface ServerOptions {
  port: number;
  buildPath?: string;
  log?: (line: string) => void;
  /** Which proxies' X-Forwarded-For gives the client's address; TRUST_PROXY when not given. */
  trustProxy?: TrustProxy;
  /** Told how long each request took on the server, from arrival to the last byte written (benchmarks). */
  onRequestTimed?: (method: string, path: string, milliseconds: number) => void;
  /** How many requests Remix works on at once in this process (default: REQUEST_CONCURRENCY); scripts/request-slots.ts. */
  requestConcurrency?: number;
  /**
   * Run the job queue's tasks in this process (default: JOB_CONCURRENCY of them at a time, 0 = none).
   * Tests over HTTP pass 0 and run the queued jobs themselves, when they choose (tests/http.ts).
   */
  jobConcurrency?: number;
}

/**
 * CSRF defence: a request that may change something and says it comes from another origin is refused
 * before Remix sees it. Behind a trusted proxy the public host is the one the proxy forwards.
 */
export const refuseCrossSiteRequests: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const trusted = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  // Only a trusted proxy's X-Forwarded-Host counts: the peer that connected must be one of them.
  const forwardedHost = trusted(req.socket.remoteAddress, 0) ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  if (isSameOrigin(req.get("origin"), forwardedHost || req.get("host"))) return next();
  res.status(403).type("text/plain").send("Cross-site request refused.");
};

/** Headers every answer carries; documents add their Content-Security-Policy with a nonce (app/entry.server.tsx). */
function setSecurityHeaders(res: http.ServerResponse) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
}

/** The policy of answers that are not documents (JSON, feeds, errors of the boundary): nothing runs, nothing frames them. */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'";

function refuse(res: http.ServerResponse, status: number, message: string) {
  const body = Buffer.from(message);
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, "Content-Security-Policy": NON_DOCUMENT_CSP });
  res.end(body);
}

/** An address with nothing to decode: a path of unreserved characters and slashes, no query. */
const PLAIN_ADDRESS = /^[\w\-.~/]*$/;

/**
 * The input boundary of paths and query strings: an address that does not decode, or holds a control
 * character (NUL included) in its path or a NUL in its query, names nothing this site has — what to answer
 * (400) before anything else looks at it. Everything else in a query is validated by the route's schema
 * (docs/api.md).
 */
export function addressProblem(url: string): string | null {
  if (PLAIN_ADDRESS.test(url)) return null;
  const [rawPath, rawQuery = ""] = url.split(/\?(.*)/s, 2);
  let path: string;
  try {
    path = decodeURIComponent(rawPath ?? "");
  } catch {
    return "The address is not valid: it has a broken %-escape.";
  }
  if (CONTROL_CHARACTER.test(path)) return "The address contains a control character; no page has such an address.";
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(rawQuery);
  } catch {
    return "The query string is not valid.";
  }
  for (const [name, value] of query) {
    if (name.includes(NUL) || value.includes(NUL)) return "The query string contains a NUL character (U+0000), which no parameter accepts.";
  }
  return null;
}

function sendAnswer(res: http.ServerResponse, answer: CachedAnswer) {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body ?? undefined);
}

const EPISODE_PAGE = /^\/episodes\/([^/]+)$/;
const EPISODE_JSON = /^\/api\/episodes\/([^/]+)$/;

function hasSessionCookie(cookies: string | undefined) {
  return cookies !== undefined && cookies.split(";").some((part) => part.trimStart().startsWith(`${SESSION_COOKIE}=`));
}

function decodedSegment(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A handler in front of Express: it answers, or hands the request on with `next`. */
type FrontHandler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/** What a cached read is answered from: the representation and the headers of its kind. */
type CachedRead = { representation: Representation; headers: Record<string, string> };

/** The kind of cached read an address names, if any (its cache key, and the slug its version belongs to). */
function cachedReadTarget(url: string, pathname: string) {
  const page = EPISODE_PAGE.exec(pathname);
  const json = page ? null : EPISODE_JSON.exec(pathname);
  if (!page && !json) return null;
  const data = page?.[1]!.endsWith(".data") ?? false;
  // The address as Remix saw it (URL-normalised): it names the cache entry of a page or of its data.
  const address = !page ? "" : PLAIN_ADDRESS.test(url) && !url.includes("/.") ? url : new URL(url, "http://localhost").href.slice("http://localhost".length);
  const cacheKey = page && !data ? pageAddress(address) : undefined;
  if (page && !data && !cacheKey) return null;
  const slug = decodedSegment(data ? page![1]!.slice(0, -".data".length) : (page ?? json)![1]!);
  if (slug === null) return null;
  return { kind: cacheKey ? ("page" as const) : data ? ("data" as const) : ("json" as const), slug, address, cacheKey };
}

type CachedReadTarget = NonNullable<ReturnType<typeof cachedReadTarget>>;

/** The representation kept for a target at a version, if this process has it now. */
function keptRead(target: CachedReadTarget, version: string): CachedRead | undefined {
  if (target.kind === "page") return pageRead(renderedPages.get(target.cacheKey!, version));
  const headers: Record<string, string> = { "Content-Security-Policy": NON_DOCUMENT_CSP, "Cache-Control": SHARED_CACHE_CONTROL };
  // What Remix's client looks for in a single-fetch answer.
  if (target.kind === "data") headers["X-Remix-Response"] = "yes";
  const representation = target.kind === "data" ? episodeData.get(target.address, version) : episodeJson.get(target.slug, version);
  return representation && { representation, headers };
}

/** A rendered page as a cached read: its policy names the nonce its scripts carry. */
function pageRead(rendered: RenderedPage | undefined): CachedRead | undefined {
  return rendered && { representation: rendered.page, headers: { "Content-Security-Policy": contentSecurityPolicy(rendered.nonce), "Cache-Control": SHARED_CACHE_CONTROL } };
}

/** The path of a request's address, without its query. */
function pathnameOf(url: string) {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Cheap hits (ADR 0022): an anonymous GET or HEAD of an episode page, its single-fetch data (`.data`) or
 * its JSON twin whose bytes are cached for the episode's current content version is answered here,
 * before Express and Remix, with no query while this process's LISTEN connection is up
 * (app/utils/episode-versions.server.ts): a 304 for a matching If-None-Match, else the bytes in the best
 * coding the client accepts, compressed once per version. When all of that is in memory, the answer is
 * written in the turn the request arrived in. Everything else — a signed-in reader, a page not rendered yet
 * at this version — goes on (`next`) to Remix, which renders and caches it (app/entry.server.tsx,
 * app/routes/api.episodes.$slug.ts).
 */
export const answerCachedReads: FrontHandler = (req, res, next) => {
  if ((req.method !== "GET" && req.method !== "HEAD") || hasSessionCookie(req.headers.cookie)) return next();
  const url = req.url ?? "/";
  const target = cachedReadTarget(url, pathnameOf(url));
  if (!target) return next();
  const request = { method: req.method, ifNoneMatch: req.headers["if-none-match"], acceptEncoding: req.headers["accept-encoding"] };
  const known = knownEpisodeVersion(target.slug);
  const kept = known === undefined ? undefined : keptRead(target, known);
  const now = kept && answerFromRepresentation(kept.representation, request, kept.headers);
  if (now && !(now instanceof Promise)) return sendAnswer(res, now);
  void (async () => {
    const version = await currentEpisodeVersion(target.slug, getEpisodeVersion);
    if (!version) return next();
    // A render of this version under way in this process is waited for: the page is not rendered twice.
    const read = keptRead(target, version) ?? (target.kind === "page" ? pageRead(await pageRenderUnderWay(target.cacheKey!, version)) : undefined);
    if (!read) return next();
    sendAnswer(res, await answerFromRepresentation(read.representation, request, read.headers));
  })().catch(() => {
    // An outage or any other failure: Remix answers (503 for an outage, ADR 0017).
    if (!res.headersSent) next();
  });
};

/**
 * What every request meets before Express (whose router, request parsing and middleware cost about as
 * much CPU as writing a cached 140 KB page to the socket): the timing hook of benchmarks, the headers every
 * answer carries, the input boundary of addresses — before any cached answer, so a cached page or JSON
 * twin is refused for a NUL in its query string as it is before it is cached (the twin reads no parameter
 * at all) — then the cheap hits and the public files. Anything they do not answer goes on to Express.
 */
export function frontOf(app: express.Express, { handlers, onRequestTimed }: { handlers: FrontHandler[]; onRequestTimed?: ServerOptions["onRequestTimed"] }): http.RequestListener {
  const chain = handlers.reduceRight<(req: http.IncomingMessage, res: http.ServerResponse) => void>(
    (rest, handler) => (req, res) => {
      let passed = false;
      try {
        handler(req, res, () => {
          passed = true;
          rest(req, res);
        });
      } catch (error) {
        // A handler that fails before answering hands the request on, as Express would to its error
        // handling: nothing thrown here may end the process.
        if (passed || res.headersSent) throw error;
        rest(req, res);
      }
    },
    (req, res) => app(req, res),
  );
  return (req, res) => {
    if (onRequestTimed) {
      const start = process.hrtime.bigint();
      res.on("finish", () => onRequestTimed(req.method ?? "", pathnameOf(req.url ?? "/"), Number(process.hrtime.bigint() - start) / 1e6));
    }
    setSecurityHeaders(res);
    const problem = addressProblem(req.url ?? "/");
    if (problem) return refuse(res, 400, problem);
    chain(req, res);
  };
}

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The files of public/, listed once at start and read into memory when first asked for, so a request
 * never touches the disk: fingerprinted assets (/build) are immutable, others are kept an hour; text is
 * compressed once. An address that names no file goes on without a stat.
 */
export function publicFiles(root = "public"): FrontHandler {
  const files = new Map<string, string>();
  const walk = (directory: string, prefix: string) => {
    for (const entry of fs.existsSync(directory) ? fs.readdirSync(directory, { withFileTypes: true }) : []) {
      if (entry.name.startsWith(".")) continue;
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(file, `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.set(`${prefix}${entry.name}`, file);
    }
  };
  walk(path.resolve(root), "/");
  const loaded = new Map<string, Representation>();
  const mime = express.static.mime;
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const pathname = pathnameOf(req.url ?? "/");
    const name = pathname.includes("%") ? decodedSegment(pathname) : pathname;
    const file = name === null ? undefined : files.get(name);
    if (!file) return next();
    let representation = loaded.get(file);
    if (!representation) {
      const type = mime.lookup(file);
      const charset = mime.charsets.lookup(type, "");
      try {
        representation = representationOf(fs.readFileSync(file), charset ? `${type}; charset=${charset}` : type);
      } catch {
        return next();
      }
      loaded.set(file, representation);
    }
    const headers = { "Cache-Control": pathname.startsWith("/build/") ? IMMUTABLE : "public, max-age=3600", Vary: "Accept-Encoding" };
    const request = { method: req.method, ifNoneMatch: req.headers["if-none-match"], acceptEncoding: req.headers["accept-encoding"] };
    const answer = answerFromRepresentation(representation, request, headers);
    if (answer instanceof Promise) answer.then((made) => sendAnswer(res, made), next);
    else sendAnswer(res, answer);
  };
}

class BodyTooLarge extends Error {}

/**
 * The body of a request, read to its end but never past `limit` bytes, whatever Content-Length says
 * (chunked bodies have none): the bytes actually read are counted.
 */
function readBody(req: ExpressRequest, limit: number) {
  return new Promise<Buffer>((resolve, reject) => {
    const declared = Number(req.get("content-length"));
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let read = 0;
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > limit) {
        req.off("data", onData);
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** The Fetch request Remix sees, as @remix-run/express builds it (the host and port a trusted proxy forwards), with the body already read. */
function remixRequest(req: ExpressRequest, res: ExpressResponse, body: Buffer | undefined) {
  const port = [req.get("x-forwarded-host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    for (const value of Array.isArray(values) ? values : values ? [values] : []) headers.append(name, value);
  }
  // Loaders and actions are aborted when the client goes away before the answer is sent.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return new Request(url, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined, signal: controller.signal });
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeBody(response.body, res);
  else res.end();
}

/**
 * The body written in pieces of at least WRITE_BYTES, without flushing the compressor after every chunk
 * (Remix's writeReadableStreamToWritable does): React writes a page in thousands of small chunks, and a
 * gzip flushed after each one is twice the size and costs more CPU; each write is also one round of the
 * compressor through libuv's thread pool, and one write to the socket uncompressed. No page waits on
 * deferred data, so nothing is held back that a reader would see sooner. Like Remix's, it does not wait for
 * "drain": the body is already in memory, and the compression middleware never removes a "drain" listener.
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: ExpressResponse) {
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    res.write(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending.push(value);
      pendingBytes += value.byteLength;
      if (pendingBytes >= WRITE_BYTES) flush();
    }
    // A body that ends before its first write (an action's answer, a redirect, a small page) is handed over
    // whole, with its length: the compression middleware then leaves one under its threshold (1 KB) as it is
    // (and drops the length of one it compresses). Written first, its size was unknown to the middleware,
    // which gzipped a reply's 100 bytes through the thread pool (about 2 ms of its server time).
    if (!res.headersSent && pendingBytes > 0) res.setHeader("Content-Length", pendingBytes);
    res.end(pendingBytes === 0 ? undefined : pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}

/**
 * Remix behind the input boundary: a body is read here, capped at its route's size (413 with a readable
 * message past it, the connection then closed so the rest is never read), and only then handed to Remix.
 */
function remixBehindBoundary(build: ServerBuild, getLoadContext: (req: ExpressRequest) => AppLoadContext, slots: RequestSlots): RequestHandler {
  const handle = createRequestHandler(build, build.mode);
  return async (req, res, next) => {
    // Held from the request's turn until its last byte is written, or the client has gone; a request
    // whose client left while it waited is dropped.
    if (!(await slots.hold(res))) return;
    try {
      let body: Buffer | undefined;
      if (req.method !== "GET" && req.method !== "HEAD") {
        const limit = maxBodyBytes(req.path);
        try {
          body = await readBody(req, limit);
        } catch (error) {
          if (!(error instanceof BodyTooLarge)) throw error;
          res.setHeader("Connection", "close");
          res.once("finish", () => req.socket.destroySoon?.());
          return refuse(res, 413, `The request is too large: this address takes at most ${describeBytes(limit)}.`);
        }
      }
      // One scope per request: the root loader and the page's loader share one session lookup (app/utils/request-scope.server.ts).
      const response = await inNewRequestScope(() => handle(remixRequest(req, res, body), getLoadContext(req)));
      const headers = new Headers(response.headers);
      if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", NON_DOCUMENT_CSP);
      await sendResponse(res, new Response(response.body, { status: response.status, statusText: response.statusText, headers }));
    } catch (error) {
      next(error);
    }
  };
}

/** The size of the pieces a streamed body is written in (writeBody). */
const WRITE_BYTES = 64 * 1024;

/**
 * How answers made for one request (a signed-in page, an action's data) are compressed: fast levels, as
 * nginx's default `gzip_comp_level 1` (ADR 0042). A signed-in FTR #863 page at 1,000 comments (1 MB) costs
 * 11.4 ms to gzip at zlib's default level 6 (150 KB) and 4.7 ms at level 1 (180 KB); Brotli, which browsers
 * prefer, costs 2.2 ms at quality 1 (145 KB) where the middleware's default 4 costs 6.4 ms (126 KB). Answers
 * kept for many readers (cached anonymous pages, the JSON twin) are compressed once, at the best levels, by
 * the page cache and never pass through here.
 */
export const DYNAMIC_COMPRESSION = {
  level: 1,
  // Larger output pieces than zlib's 16 KB: fewer writes to the socket.
  chunkSize: WRITE_BYTES,
  brotli: { chunkSize: WRITE_BYTES, params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } },
} as const;

export async function startServer(options: ServerOptions) {
  const { port, buildPath = "build/index.js", log = console.log } = options;
  const built = (await import(pathToFileURL(path.resolve(buildPath)).href)) as ServerBuild;
  const build = answerDatabaseOutagesWith503(built);
  const app = express();
  app.disable("x-powered-by");
  // A number counts hops from the right of X-Forwarded-For, so a client cannot choose the address the limits see.
  app.set("trust proxy", options.trustProxy ?? trustProxyFromEnv());
  const development = process.env.NODE_ENV === "development";
  if (development) {
    // `npm run dev` rebuilds while the server runs: files are looked up on disk each time.
    app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
    app.use(express.static("public", { maxAge: "1h" }));
  }
  app.use(compression(DYNAMIC_COMPRESSION));
  app.use(refuseCrossSiteRequests);
  app.all(
    "*",
    remixBehindBoundary(
      build,
      (req) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        // One per request, for the Content-Security-Policy of a document and its scripts.
        cspNonce: randomBytes(16).toString("base64"),
        // Single-fetch data (`/episodes/x.data`) brings a page's islands along; a document has them in its HTML.
        documentRequest: !req.path.endsWith(".data"),
      }),
      new RequestSlots(options.requestConcurrency ?? getEnv().REQUEST_CONCURRENCY),
    ),
  );
  // Told by PostgreSQL when an episode's content changes, so cached pages are answered without a query.
  const connectionString = process.env.DATABASE_URL;
  const versions: VersionListener | undefined = connectionString ? listenForEpisodeVersions({ connectionString, log: (line) => console.error(line) }) : undefined;
  const server = http.createServer(frontOf(app, { handlers: development ? [answerCachedReads] : [answerCachedReads, publicFiles("public")], onRequestTimed: options.onRequestTimed }));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, () => resolve());
    });
  } catch (error) {
    await versions?.close();
    throw error;
  }
  // The build's own task list, so jobs share the app's modules (one Prisma client per process).
  const jobConcurrency = options.jobConcurrency ?? getEnv().JOB_CONCURRENCY;
  const taskList = (built.entry.module as { taskList?: TaskList }).taskList;
  const jobs = connectionString && taskList && jobConcurrency > 0
    ? await startJobRunner({ connectionString, concurrency: jobConcurrency, taskList }).catch(async (error) => {
        await closeGracefully(server, 0);
        await versions?.close();
        throw error;
      })
    : undefined;
  log(`Footnote is serving on http://localhost:${port}`);
  return {
    server,
    close: async (graceMs?: number) => {
      await closeGracefully(server, graceMs);
      // After the last request: a job a request queued still runs here if it was taken, or waits for the next process.
      await jobs?.stop();
      await versions?.close();
    },
  };
}

/** How long a shutdown waits for requests in flight before cutting their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Graceful shutdown: stop accepting connections, close idle keep-alive ones, let requests in flight
 * finish (their connections close after the response), and after `graceMs` cut whatever is left.
 */
export function closeGracefully(server: http.Server, graceMs = SHUTDOWN_GRACE_MS) {
  return new Promise<void>((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
    // A keep-alive connection that finishes its request while we wait is closed instead of kept.
    server.on("request", (_req, res) => {
      if (!res.headersSent) res.setHeader("Connection", "close");
    });
  });
}

/**
 * A database outage answers "try again" (503 + Retry-After) instead of a 500, in one place for every
 * route: each loader and action is wrapped so that an error saying the database is unreachable becomes
 * a thrown 503 Response, which pages render through their error boundary and the JSON API as `{error}`.
 * Transactions make sure such a failure applied nothing.
 */
export function answerDatabaseOutagesWith503(build: ServerBuild): ServerBuild {
  const guard = <Args extends { request: Request }>(handler: ((args: Args) => unknown) | undefined) =>
    handler &&
    (async (args: Args) => {
      try {
        return await handler(args);
      } catch (error) {
        if (error instanceof Response || !isDatabaseUnavailable(error)) throw error;
        console.error(`database unavailable: ${new URL(args.request.url).pathname}: ${(error as Error).message?.split("\n").pop()}`);
        throw databaseUnavailableResponse(args.request);
      }
    });
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      // An action may end or change the session it was sent with: it looks up in a scope of its own, and
      // the loaders that run after it in the same request look up afresh.
      const action = route.module.action;
      const scopedAction = action && ((args: Parameters<typeof action>[0]) => inNewRequestScope(() => action(args)));
      const module = { ...route.module, loader: guard(route.module.loader), action: guard(scopedAction) };
      return [id, { ...route, module }];
    }),
  ) as ServerBuild["routes"];
  return { ...build, routes };
}

function databaseUnavailableResponse(request: Request) {
  const pathname = new URL(request.url).pathname;
  const json = pathname.startsWith("/api/") || pathname === "/healthz";
  return new Response(json ? JSON.stringify({ error: OUTAGE_MESSAGE }) : OUTAGE_MESSAGE, {
    status: 503,
    statusText: "Service Unavailable",
    headers: {
      "Content-Type": json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}
