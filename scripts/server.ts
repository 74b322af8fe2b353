// The HTTP server: Express serving the Remix build, static assets and a per-request load context.
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import { trustProxyFromEnv, type TrustProxy } from "../app/utils/env.server";
import { isSameOrigin, SAFE_METHODS } from "../app/utils/origin";

export interface ServerOptions {
  port: number;
  buildPath?: string;
  log?: (line: string) => void;
  /** Which proxies' X-Forwarded-For gives the client's address; TRUST_PROXY when not given. */
  trustProxy?: TrustProxy;
  /** Told how long each request took on the server, from arrival to the last byte written (benchmarks). */
  onRequestTimed?: (method: string, path: string, milliseconds: number) => void;
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

export async function startServer(options: ServerOptions) {
  const { port, buildPath = "build/index.js", log = console.log } = options;
  const build = (await import(pathToFileURL(path.resolve(buildPath)).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // A number counts hops from the right of X-Forwarded-For, so a client cannot choose the address the limits see.
  app.set("trust proxy", options.trustProxy ?? trustProxyFromEnv());
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
