// Small patches to installed packages, applied after every install (`postinstall`) and checked by
// tests/integration/package-patches.test.ts. Each one changes how fast a package works, never what it
// answers (ADR 0046). A patch that no longer fits its package (a new version) is skipped with a warning:
// the app works without it, and the test says so.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface PackagePatch {
  /** The package, and its file as `require.resolve` finds it from `loadedBy`. */
  module: string;
  /** The package that loads it, whose copy is patched (npm may nest one under it). */
  loadedBy: string;
  /** What the patch is for: printed when it cannot be applied. */
  purpose: string;
  /** A comment written into the file: a file that has it is patched already. */
  mark: string;
  /** Each `find` must occur exactly once in the unpatched file. */
  edits: { find: string; replace: string }[];
}

const ROUTER_MARK = "/* footnote: matched routes are cached (scripts/patch-packages.ts, ADR 0046) */";

/**
 * @remix-run/router flattens and ranks the whole route tree, and compiles every route's path to a new
 * RegExp, each time it matches an address; Remix matches three or four times a request. The ranked
 * branches are kept per route tree (a WeakMap on the routes array, which the server never changes) and
 * the compiled paths per pattern: a match of FTR #863's address goes from about 380 to 80 µs here.
 */
export const PATCHES: PackagePatch[] = [
  {
    module: "@remix-run/router",
    loadedBy: "@remix-run/server-runtime",
    purpose: "route matching without flattening, ranking and compiling the routes on every request",
    mark: ROUTER_MARK,
    edits: [
      {
        find: `  let branches = flattenRoutes(routes);
  rankRouteBranches(branches);
  let matches = null;`,
        replace: `  let branches = rankedBranches(routes);
  let matches = null;`,
      },
      {
        find: `function compilePath(path, caseSensitive, end) {`,
        replace: `${ROUTER_MARK}
const rankedBranchesOf = new WeakMap();
function rankedBranches(routes) {
  let branches = rankedBranchesOf.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranchesOf.set(routes, branches);
  }
  return branches;
}
const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  if (caseSensitive === void 0) {
    caseSensitive = false;
  }
  if (end === void 0) {
    end = true;
  }
  let key = (caseSensitive ? "c" : "i") + (end ? "e" : "p") + path;
  let compiled = compiledPaths.get(key);
  if (!compiled) {
    if (compiledPaths.size >= 1000) compiledPaths.clear();
    compiled = compilePathUncached(path, caseSensitive, end);
    compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathUncached(path, caseSensitive, end) {`,
      },
    ],
  },
];

/** The installed file a patch changes: the one Node loads when `loadedBy` requires the module. */
export function patchedFile(patch: PackagePatch, root = process.cwd()) {
  const loader = createRequire(path.join(root, "package.json")).resolve(patch.loadedBy);
  return createRequire(loader).resolve(patch.module);
}

/** The patched text, or why the patch does not fit this file. */
export function applyPatch(text: string, patch: PackagePatch): { text: string } | { misfit: string } {
  let patched = text;
  for (const { find } of patch.edits) {
    const count = patched.split(find).length - 1;
    if (count !== 1) return { misfit: `expected once, found ${count} times: ${JSON.stringify(find.split("\n")[0])}` };
  }
  for (const { find, replace } of patch.edits) patched = patched.replace(find, () => replace);
  return { text: patched };
}

/** Applies every patch that is not applied yet; returns the ones that did not fit. */
export function patchPackages(log: (line: string) => void = console.log, root = process.cwd()) {
  const misfits: string[] = [];
  for (const patch of PATCHES) {
    const file = patchedFile(patch, root);
    const text = fs.readFileSync(file, "utf8");
    if (text.includes(patch.mark)) continue;
    const result = applyPatch(text, patch);
    if ("misfit" in result) {
      misfits.push(patch.module);
      log(`[patch-packages] ${patch.module} was not patched (${patch.purpose}): ${result.misfit}. It works as published.`);
      continue;
    }
    fs.writeFileSync(file, result.text);
    log(`[patch-packages] ${patch.module}: ${patch.purpose}`);
  }
  return misfits;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) patchPackages();
