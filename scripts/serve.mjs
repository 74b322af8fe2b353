// `npm run serve`: the production server as compiled JavaScript, build/serve.mjs (scripts/build-server.ts),
// with no TypeScript loader beside it (ADR 0044). When the build is missing or older than its sources it
// is made first, by a short-lived process; a cluster worker (scripts/serve.ts) starts from here too and
// finds it made. Plain JavaScript, so that node runs it as it is.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SERVER_BUILD = "build/serve.mjs";
const SOURCES = ["scripts", "app", "package-lock.json", "tsconfig.json"];

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function stale() {
  if (!fs.existsSync(SERVER_BUILD)) return true;
  const built = fs.statSync(SERVER_BUILD).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

if (cluster.isPrimary && stale()) {
  if (!fs.existsSync("node_modules/esbuild") && fs.existsSync(SERVER_BUILD)) {
    console.log("[footnote] the server's sources are newer than build/serve.mjs, and esbuild is not installed to remake it: serving the build as it is");
  } else {
    const made = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-server.ts"], { stdio: "inherit" });
    if (made.status !== 0) process.exit(made.status ?? 1);
  }
}

await import(pathToFileURL(path.resolve(SERVER_BUILD)).href);
