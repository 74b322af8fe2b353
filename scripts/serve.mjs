// `npm run serve`: the production server as compiled JavaScript, build/serve.mjs (scripts/build-server.ts),
// with no TypeScript loader beside it (ADR 0044). When the build is missing or older than its sources it
// is made first, by a short-lived process; a cluster worker (scripts/serve.ts) starts from here too and
// finds it made. Plain JavaScript, so that node runs it as it is.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isStale, SERVER_BUILD, SERVER_SOURCES } from "./newest-change.mjs";

if (cluster.isPrimary && isStale(SERVER_BUILD, SERVER_SOURCES)) {
  if (!fs.existsSync("node_modules/esbuild") && fs.existsSync(SERVER_BUILD)) {
    console.log("[footnote] the server's sources are newer than build/serve.mjs, and esbuild is not installed to remake it: serving the build as it is");
  } else {
    const made = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-server.ts"], { stdio: "inherit" });
    if (made.status !== 0) process.exit(made.status ?? 1);
  }
}

await import(pathToFileURL(path.resolve(SERVER_BUILD)).href);
