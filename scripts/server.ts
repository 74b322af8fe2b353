// The HTTP server: Express serving the Remix build, static assets and a per-request load context.
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import { isDatabaseUnavailable, OUTAGE_MESSAGE, RETRY_AFTER_SECONDS } from "../app/utils/database-outage.server";
import { isSameOrigin, SAFE_METHODS } from "../app/utils/origin";

export interface ServerOptions {
  port: number;
  buildPath?: string;
  log?: (line: string) => void;
  /** Told how long each request took on the server, from arrival to the last byte written (benchmarks). */
  onRequestTimed?: (method: string, path: string, milliseconds: number) => void;
}

/**
 * CSRF defence: a request that may change something and says it comes from another origin is refused
 * before Remix sees it. Behind a trusted proxy the public host is the one the proxy forwards.
 */
export const refuseCrossSiteRequests: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const forwardedHost = req.app.get("trust proxy") ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  if (isSameOrigin(req.get("origin"), forwardedHost || req.get("host"))) return next();
  res.status(403).type("text/plain").send("Cross-site request refused.");
};

export async function startServer(options: ServerOptions) {
  const { port, buildPath = "build/index.js", log = console.log } = options;
  const build = answerDatabaseOutagesWith503(
    (await import(pathToFileURL(path.resolve(buildPath)).href)) as ServerBuild,
  );
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "true");
  if (options.onRequestTimed) {
    const report = options.onRequestTimed;
    app.use((req, res, next) => {
      const start = process.hrtime.bigint();
      res.on("finish", () => report(req.method, req.path, Number(process.hrtime.bigint() - start) / 1e6));
      next();
    });
  }
  app.use(compression());
  // Fingerprinted client assets never change; everything else in public/ may.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(refuseCrossSiteRequests);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
    }),
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  log(`Footnote is serving on http://localhost:${port}`);
  return {
    server,
    close: (graceMs?: number) => closeGracefully(server, graceMs),
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
      const module = { ...route.module, loader: guard(route.module.loader), action: guard(route.module.action) };
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
