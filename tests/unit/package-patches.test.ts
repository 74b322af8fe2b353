// The patches of scripts/patch-packages.ts (ADR 0046): applied by the install, fitting the installed
// version, and changing nothing a caller sees.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { applyPatch, PATCHES, patchedFile } from "../../scripts/patch-packages";

const require = createRequire(import.meta.url);
const routerPatch = PATCHES.find((patch) => patch.module === "@remix-run/router")!;

/** The file as published: the installed one with the patch's edits taken back. */
function unpatched(text: string) {
  return routerPatch.edits.reduceRight((reverted, { find, replace }) => reverted.replace(replace, () => find), text);
}

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };

// The shapes of Footnote's routes (app/routes): an index, nested layouts, dynamic and optional segments,
// dots in a segment, a splat, and a case-sensitive path.
const routes: Route[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "index", index: true },
      { id: "episode", path: "episodes/:slug" },
      { id: "episode-json", path: "api/episodes/:slug" },
      { id: "episodes-feed", path: "feeds/episodes.xml" },
      { id: "comments-feed", path: "feeds/episodes/:slug/comments.xml" },
      { id: "claims", path: "claims", children: [{ id: "claims-index", index: true }, { id: "claim", path: ":id" }] },
      { id: "moderation", path: "moderation", children: [{ id: "queue", index: true }, { id: "suggestions", path: "suggestions/:page?" }] },
      { id: "history", path: "comments/:id/history" },
      { id: "exact", path: "Admin/Import", caseSensitive: true },
      { id: "files", path: "files/*" },
      { id: "not-found", path: "*" },
    ],
  },
];

const addresses = [
  "/",
  "/episodes/ftr-863-9-11",
  "/episodes/ftr-863-9-11/",
  "/episodes/ftr-863-9-11.data",
  "/EPISODES/ftr-863",
  "/episodes/caf%C3%A9",
  "/episodes/a%2Fb",
  "/api/episodes/ftr-863",
  "/feeds/episodes.xml",
  "/feeds/episodes/ftr-863/comments.xml",
  "/claims",
  "/claims/12",
  "/moderation",
  "/moderation/suggestions",
  "/moderation/suggestions/2",
  "/comments/5/history",
  "/Admin/Import",
  "/admin/import",
  "/files/a/b/c",
  "/nothing/here",
  "//double//slashes",
];

/** What a caller sees of a match: the route ids, parameters and path names. */
function seen(matches: { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: { id: string } }[] | null) {
  return matches?.map((match) => ({ id: match.route.id, params: { ...match.params }, pathname: match.pathname, pathnameBase: match.pathnameBase })) ?? null;
}

describe("package patches", () => {
  it("are applied by the install (postinstall runs scripts/patch-packages.ts)", () => {
    for (const patch of PATCHES) expect(fs.readFileSync(patchedFile(patch), "utf8"), `${patch.module} is not patched: run npm install`).toContain(patch.mark);
  });

  it("fit the installed version: taken back and applied again, the patch gives the installed file", () => {
    const installed = fs.readFileSync(patchedFile(routerPatch), "utf8");
    const published = unpatched(installed);
    expect(published).not.toContain(routerPatch.mark);
    expect(applyPatch(published, routerPatch)).toEqual({ text: installed });
  });

  it("say so, and change nothing, when a file does not fit", () => {
    expect(applyPatch("function somethingElse() {}", routerPatch)).toEqual({ misfit: expect.stringContaining("found 0 times") });
  });

  it("match every address as the published router does, the first time and every time after", () => {
    const installed = fs.readFileSync(patchedFile(routerPatch), "utf8");
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "footnote-router-")), "router.cjs.js");
    fs.writeFileSync(copy, unpatched(installed));
    const published = require(copy) as typeof import("@remix-run/router");
    const patched = require(patchedFile(routerPatch)) as typeof import("@remix-run/router");
    for (let round = 0; round < 3; round++) {
      for (const address of addresses) {
        expect(seen(patched.matchRoutes(routes as never, address) as never), `${address}, round ${round}`).toEqual(seen(published.matchRoutes(routes as never, address) as never));
        // A second tree with the same paths is matched on its own (the cache is per tree).
        const other = structuredClone(routes);
        expect(seen(patched.matchRoutes(other as never, address) as never)).toEqual(seen(published.matchRoutes(other as never, address) as never));
      }
    }
    expect(seen(patched.matchRoutes(routes as never, "/claims/12") as never)).toEqual([
      { id: "root", params: { id: "12" }, pathname: "/", pathnameBase: "/" },
      { id: "claims", params: { id: "12" }, pathname: "/claims", pathnameBase: "/claims" },
      { id: "claim", params: { id: "12" }, pathname: "/claims/12", pathnameBase: "/claims/12" },
    ]);
  });
});
