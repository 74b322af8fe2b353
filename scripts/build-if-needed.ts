// Builds the Remix app when there is no build or the sources changed since the last one.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isStale } from "./newest-change.mjs";

const BUILD = "build/index.js";
const SOURCES = ["app", "remix.config.js", "postcss.config.js", "package-lock.json"];

export function buildIsStale() {
  return isStale(BUILD, SOURCES);
}

export async function buildIfNeeded(log: (line: string) => void) {
  if (!buildIsStale()) return false;
  const cli = path.resolve("node_modules/@remix-run/dev/dist/cli.js");
  if (!fs.existsSync(cli)) {
    if (fs.existsSync(BUILD)) return false;
    throw new Error("There is no build and @remix-run/dev is not installed: run `npm install` and `npm run build`.");
  }
  log("building the app…");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "build"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`remix build failed:\n${output}`))));
  });
  return true;
}
