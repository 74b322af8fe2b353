// When a build's sources last changed: the newest modification time under each path. Plain JavaScript, so
// that the serve launcher (scripts/serve.mjs), which runs without a TypeScript loader, shares it with the
// Remix build's check (scripts/build-if-needed.ts).
import fs from "node:fs";
import path from "node:path";

/** The compiled production server: written by scripts/build-server.ts, run by scripts/serve.mjs, made again when a source is newer. */
export const SERVER_BUILD = "build/serve.mjs";
/** What the compiled server is made from. */
export const SERVER_SOURCES = ["scripts", "app", "package-lock.json", "tsconfig.json"];

/** @param {string} entry a file or a folder @returns {number} its newest mtime in ms, 0 when it does not exist */
export function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** @param {string} output @param {string[]} sources @returns {boolean} whether `output` is missing or older than any source */
export function isStale(output, sources) {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}
