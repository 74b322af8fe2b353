// The layering of app/ (docs/architecture.md, "What each folder may import"), checked on every import:
// static `import … from`, `export … from`, side-effect `import "…"`, dynamic `import()`, `import x =
// require()` and `import("…")` types. A lower layer that imports a higher one fails this test with the
// file, the line, the import and the rule it breaks. Type-only imports count like the others except where
// a rule says otherwise (components may name a model's types; Prisma's types are not a database access).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;

type Import = { specifier: string; line: number; typeOnly: boolean; text: string };

/** Every module a file names, with its line and whether it only names types (erased at build time). */
function readImports(fileName: string, text: string): Import[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Import[] = [];
  const add = (node: ts.Node, literal: ts.Node | undefined, typeOnly: boolean) => {
    if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const statement = node.getText(source).replace(/\s+/g, " ");
    found.push({ specifier: literal.text, line, typeOnly, text: statement.length > 110 ? `${statement.slice(0, 107)}…` : statement });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      // `import type {…}`, or `import { type A, type B }` with nothing else: erased whole.
      const bindings = clause?.namedBindings;
      const onlyTypeSpecifiers =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly);
      add(node, node.moduleSpecifier, clause?.isTypeOnly === true || onlyTypeSpecifiers);
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const onlyTypeSpecifiers = clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
      add(node, node.moduleSpecifier, node.isTypeOnly || onlyTypeSpecifiers);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every file below app/, as a path from the repository root with "/" separators. */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesBelow(rel) : [rel];
  });
}

const EXTENSIONS = ["", ".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.tsx", "/index.js"];

/** The file an import names, as TypeScript (moduleResolution "Bundler", `~/` = app/) finds it; null for a package. */
function resolveImport(from: string, specifier: string, exists: (file: string) => boolean): { file: string } | { missing: string } | null {
  let base: string;
  if (specifier.startsWith("~/")) base = `app/${specifier.slice(2)}`;
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  base = path.posix.normalize(base);
  for (const extension of EXTENSIONS) {
    if (exists(`${base}${extension}`)) return { file: `${base}${extension}` };
  }
  return { missing: base };
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const isServerModule = (file: string) => /\.server(\.|\/)/.test(file);
/** The page layer: route modules and their colocated pieces, the root route and the document renderer. */
const isPageLayer = (file: string) => under("app/routes")(file) || file === "app/root.tsx" || file === "app/entry.server.tsx";
/** What answers HTTP: a model never sees a Request (house style), so it never imports these. */
const REQUEST_PLUMBING = new Set([
  "app/utils/http.ts",
  "app/utils/auth.server.ts",
  "app/utils/session.server.ts",
  "app/utils/http-cache.server.ts",
  "app/utils/page-cache.server.ts",
  "app/utils/feeds.server.ts",
]);
const PRISMA_PACKAGES = new Set(["@prisma/client", "@prisma/adapter-pg"]);

type Target = { file?: string; packageName?: string };
type Rule = {
  id: string;
  /** The rule as a reader should understand it when it fails. */
  says: string;
  appliesTo: (file: string) => boolean;
  /** Why `target` is forbidden to `from`, or null when it is allowed. */
  forbids: (target: Target, imp: Import, from: string, exists: (file: string) => boolean) => string | null;
};

const packageName = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** The model folder whose index `file` must be reached through, if any: the outermost folder below app/models with an index. */
function indexedModelFolder(file: string, exists: (file: string) => boolean) {
  const parts = file.split("/");
  for (let depth = 3; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join("/");
    const index = ["index.server.ts", "index.ts", "index.server.tsx", "index.tsx"].map((name) => `${folder}/${name}`).find(exists);
    if (index) return { folder, index };
  }
  return null;
}

const RULES: Rule[] = [
  {
    id: "import-is-pure",
    says: "app/import/ is the pure parser (text in, typed structure out): it imports no model, page, component, schema, server module, Prisma, React or Remix",
    appliesTo: under("app/import"),
    forbids: ({ file, packageName: pkg }) => {
      if (pkg) return /^(@prisma\/|@remix-run\/|react$|react-dom$|pg$)/.test(pkg) ? `the package ${pkg}` : null;
      if (!file) return null;
      for (const folder of ["app/models", "app/routes", "app/components", "app/schemas"]) if (under(folder)(file)) return `${folder}/`;
      if (isServerModule(file)) return "a .server module";
      if (file === "app/root.tsx" || file === "app/entry.server.tsx") return file;
      return null;
    },
  },
  {
    id: "utils-below-models",
    says: "app/utils/ sits below the models and the schemas: it imports no model, schema, route or component",
    appliesTo: under("app/utils"),
    forbids: ({ file }) => {
      if (!file) return null;
      for (const folder of ["app/models", "app/schemas", "app/routes", "app/components"]) if (under(folder)(file)) return `${folder}/`;
      return isPageLayer(file) ? file : null;
    },
  },
  {
    id: "schemas-are-shared",
    says: "app/schemas/ is shared by the browser and the server: it imports no model, route, component or .server module",
    appliesTo: under("app/schemas"),
    forbids: ({ file, packageName: pkg }) => {
      if (pkg) return PRISMA_PACKAGES.has(pkg) ? `the package ${pkg}` : null;
      if (!file) return null;
      for (const folder of ["app/models", "app/routes", "app/components"]) if (under(folder)(file)) return `${folder}/`;
      if (isServerModule(file)) return "a .server module";
      return isPageLayer(file) ? file : null;
    },
  },
  {
    id: "models-below-pages",
    says: "app/models/ never sees a page or a Request: it imports no route, component, Remix or React, nor the request plumbing in app/utils (http, auth, session, caches, feeds)",
    appliesTo: under("app/models"),
    forbids: ({ file, packageName: pkg }) => {
      if (pkg) return /^(@remix-run\/|react$|react-dom$)/.test(pkg) ? `the package ${pkg}` : null;
      if (!file) return null;
      for (const folder of ["app/routes", "app/components"]) if (under(folder)(file)) return `${folder}/`;
      if (isPageLayer(file)) return file;
      return REQUEST_PLUMBING.has(file) ? `the request plumbing (${file})` : null;
    },
  },
  {
    id: "components-render",
    says:
      "app/components/ renders what its props say: it imports no route (not even a type: a shared component declares its props), " +
      "and from app/models/ and .server modules only types (their code never reaches the browser)",
    appliesTo: under("app/components"),
    forbids: ({ file, packageName: pkg }, imp) => {
      if (pkg) return PRISMA_PACKAGES.has(pkg) && !imp.typeOnly ? `the package ${pkg}` : null;
      if (!file) return null;
      if (isPageLayer(file)) return `${file.startsWith("app/routes/") ? "app/routes/" : file}`;
      if (imp.typeOnly) return null;
      if (under("app/models")(file)) return "app/models/ (code; only `import type` may name a model)";
      return isServerModule(file) ? "a .server module (code; only `import type` may name one)" : null;
    },
  },
  {
    id: "ui-knows-no-domain",
    says: "app/components/ui/ holds the primitives every page uses: it imports no other component, route or model",
    appliesTo: under("app/components/ui"),
    forbids: ({ file }) => {
      if (!file) return null;
      if (under("app/components")(file) && !under("app/components/ui")(file)) return "a component outside app/components/ui/";
      if (under("app/models")(file)) return "app/models/";
      return isPageLayer(file) ? "app/routes/" : null;
    },
  },
  {
    id: "model-folder-through-index",
    says: "a model folder that has an index (app/models/<folder>/index.server.ts) is reached only through that index from outside app/models",
    appliesTo: (file) => !under("app/models")(file),
    forbids: ({ file }, _imp, _from, exists) => {
      if (!file || !under("app/models")(file)) return null;
      const indexed = indexedModelFolder(file, exists);
      return indexed && file !== indexed.index ? `${file} instead of ${indexed.index}` : null;
    },
  },
  {
    id: "jobs-are-workers",
    says: "app/jobs/ runs queued work through the models like a route does, but without a page: it imports no route, component, Remix or React, nor the request plumbing; and only entry.server.tsx names it (the build exports its task list)",
    appliesTo: under("app/jobs"),
    forbids: ({ file, packageName: pkg }) => {
      if (pkg) return /^(@remix-run\/|react$|react-dom$)/.test(pkg) ? `the package ${pkg}` : null;
      if (!file) return null;
      for (const folder of ["app/routes", "app/components"]) if (under(folder)(file)) return `${folder}/`;
      if (isPageLayer(file)) return file;
      return REQUEST_PLUMBING.has(file) ? `the request plumbing (${file})` : null;
    },
  },
  {
    id: "jobs-are-entered-by-the-build",
    says: "app/jobs/ is reached from app/ only by app/entry.server.tsx (scripts and tests start and run it)",
    appliesTo: (file) => !under("app/jobs")(file) && file !== "app/entry.server.tsx",
    forbids: ({ file }) => (file && under("app/jobs")(file) ? "app/jobs/" : null),
  },
  {
    id: "prisma-in-models",
    says: "Prisma is reached only by app/models/ (through app/utils/db.server.ts); everyone else asks a model",
    appliesTo: (file) => !under("app/models")(file) && file !== "app/utils/db.server.ts",
    forbids: ({ file, packageName: pkg }, imp) => {
      if (imp.typeOnly) return null;
      if (pkg) return PRISMA_PACKAGES.has(pkg) ? `the package ${pkg}` : null;
      return file === "app/utils/db.server.ts" ? "the Prisma client (app/utils/db.server.ts)" : null;
    },
  },
];

/**
 * Imports that break a rule today and stay, each with its reason. Nothing else is let through: an entry
 * that no longer matches an import fails the test too, so a fixed exception is removed, not kept.
 */
const EXCEPTIONS: { rule: string; from: string; to: string; reason: string }[] = [
  {
    rule: "utils-below-models",
    from: "app/utils/auth.server.ts",
    to: "app/models/session.server.ts",
    reason:
      "The route guards (getUser, requireUser, requirePermission) validate the session cookie against the Session table, " +
      "which only a model may read. auth.server.ts is request plumbing above the models; moving validateSessionToken " +
      "next to the guards would put Prisma in app/utils instead.",
  },
  {
    rule: "utils-below-models",
    from: "app/utils/feeds.server.ts",
    to: "app/models/comment.server.ts",
    reason:
      "addComments names a comment's author with the comment presenter (feedCommentAuthor). To remove: listRecentComments " +
      "returns authorName (as getCommentHistory does) and addComments takes plain items; that edits the comment model " +
      "and the two comment-feed routes.",
  },
  {
    rule: "prisma-in-models",
    from: "app/routes/healthz.ts",
    to: "app/utils/db.server.ts",
    reason: "The health check's `SELECT 1` asks whether the database answers, not for any data a model owns.",
  },
];

type Violation = { rule: Rule; from: string; imp: Import; target: string; why: string };

/** Checks `files` (path → text); `exists` says which paths are files, for resolution. */
function checkLayering(files: Map<string, string>, exists: (file: string) => boolean) {
  const violations: Violation[] = [];
  const unresolved: { from: string; imp: Import; tried: string }[] = [];
  const used = new Set<(typeof EXCEPTIONS)[number]>();
  let importCount = 0;
  for (const [from, text] of files) {
    for (const imp of readImports(from, text)) {
      importCount++;
      const resolved = resolveImport(from, imp.specifier, exists);
      if (resolved && "missing" in resolved) {
        unresolved.push({ from, imp, tried: resolved.missing });
        continue;
      }
      const target: Target = resolved ? { file: resolved.file } : { packageName: packageName(imp.specifier) };
      for (const rule of RULES) {
        if (!rule.appliesTo(from)) continue;
        const why = rule.forbids(target, imp, from, exists);
        if (!why) continue;
        const exception = EXCEPTIONS.find((entry) => entry.rule === rule.id && entry.from === from && entry.to === (target.file ?? target.packageName));
        if (exception) {
          used.add(exception);
          continue;
        }
        violations.push({ rule, from, imp, target: target.file ?? target.packageName ?? imp.specifier, why });
      }
    }
  }
  return { violations, unresolved, unusedExceptions: EXCEPTIONS.filter((entry) => !used.has(entry)), importCount };
}

/** The failure a person reads: one paragraph per import, grouped by the rule it breaks. */
function describeViolations(violations: Violation[]) {
  if (violations.length === 0) return "";
  const lines = [`${violations.length} import(s) cross a layer boundary (docs/architecture.md, "What each folder may import"):`];
  for (const rule of RULES) {
    const broken = violations.filter((violation) => violation.rule === rule);
    if (broken.length === 0) continue;
    lines.push("", `[${rule.id}] ${rule.says}.`);
    for (const violation of broken) {
      lines.push(`  ${violation.from}:${violation.imp.line} imports ${violation.why}`);
      lines.push(`    ${violation.imp.text}${violation.target !== violation.imp.specifier ? `   → ${violation.target}` : ""}`);
    }
  }
  lines.push("", "Move the code to the layer that may own it, or (last resort) add an exception with its reason in tests/unit/layering.test.ts.");
  return lines.join("\n");
}

const appFiles = filesBelow("app");
const appFileSet = new Set(appFiles);

describe("the layering of app/", () => {
  const sources = new Map(appFiles.filter((file) => SOURCE.test(file)).map((file) => [file, fs.readFileSync(path.join(ROOT, file), "utf8")]));
  const { violations, unresolved, unusedExceptions, importCount } = checkLayering(sources, (file) => appFileSet.has(file));

  test("no lower layer imports a higher one", () => {
    // The check read the app: every folder it guards has files, and their imports were found.
    for (const folder of ["app/import", "app/utils", "app/schemas", "app/models", "app/components", "app/routes"]) {
      expect([...sources.keys()].some(under(folder)), `${folder} has source files`).toBe(true);
    }
    expect(importCount).toBeGreaterThan(500);
    expect(unresolved.map(({ from, imp, tried }) => `${from}:${imp.line} "${imp.specifier}" (no file at ${tried}.*)`), "every ~/ and relative import names a file").toEqual([]);
    expect(violations.length, describeViolations(violations)).toBe(0);
  });

  test("every exception still matches an import (a fixed one is removed from the list)", () => {
    expect(unusedExceptions.map((entry) => `${entry.from} → ${entry.to} [${entry.rule}]`)).toEqual([]);
  });
});

describe("the layering check itself", () => {
  test("finds every form of import, on its line, and knows which only name types", () => {
    const text = [
      'import { a } from "~/one";', // 1
      'import type { B } from "~/two";', // 2
      'import { type C, type D } from "./three";', // 3
      'import { type E, f } from "../four";', // 4
      'import "./side-effect.css";', // 5
      'export * from "~/five";', // 6
      'export { g } from "~/six";', // 7
      'export type { H } from "~/seven";', // 8
      "const lazy = () => import(`~/eight`);", // 9
      "type T = typeof import('~/nine');", // 10
      "import {", // 11
      "  long,",
      '} from "~/ten";',
      'const text = "import { no } from \'~/not-an-import\'";', // 14
      '// import { neither } from "~/comment";', // 15
      'import legacy = require("~/eleven");', // 16
      'const later = await import("~/twelve");', // 17
    ].join("\n");
    expect(readImports("app/x.tsx", text).map(({ specifier, line, typeOnly }) => [specifier, line, typeOnly])).toEqual([
      ["~/one", 1, false],
      ["~/two", 2, true],
      ["./three", 3, true],
      ["../four", 4, false],
      ["./side-effect.css", 5, false],
      ["~/five", 6, false],
      ["~/six", 7, false],
      ["~/seven", 8, true],
      ["~/eight", 9, false],
      ["~/nine", 10, true],
      ["~/ten", 11, false],
      ["~/eleven", 16, false],
      ["~/twelve", 17, false],
    ]);
  });

  test("fails with the file, the line, the import and the rule when the parser imports a model", () => {
    const sources = new Map([["app/import/forbidden.ts", 'import { x } from "./text";\nimport { prisma } from "~/models/episode.server";\n']]);
    const { violations } = checkLayering(sources, (file) => appFileSet.has(file) || sources.has(file));
    expect(violations.map((violation) => [violation.rule.id, violation.from, violation.imp.line, violation.target])).toEqual([
      ["import-is-pure", "app/import/forbidden.ts", 2, "app/models/episode.server.ts"],
    ]);
    expect(describeViolations(violations)).toContain(
      'app/import/forbidden.ts:2 imports app/models/\n    import { prisma } from "~/models/episode.server";   → app/models/episode.server.ts',
    );
  });

  // [the importing file, its import, the rules it breaks]: each rule bites, and what it allows passes.
  const cases: [string, string, string[]][] = [
    ["app/import/x.ts", 'import { getEnv } from "~/utils/env.server";', ["import-is-pure"]],
    ["app/import/x.ts", 'import { ClaimActionSchema } from "~/schemas/claim";', ["import-is-pure"]],
    ["app/import/x.ts", 'import type { Prisma } from "@prisma/client";', ["import-is-pure"]],
    ["app/import/x.ts", 'import { formatUtc } from "~/utils/time-format";', []],
    ["app/utils/x.ts", 'import { CommentBodySchema } from "~/schemas/comment";', ["utils-below-models"]],
    ["app/utils/x.ts", 'import type { Reader } from "~/models/presenters/reader";', ["utils-below-models"]],
    ["app/utils/x.ts", 'const page = await import("~/routes/_index");', ["utils-below-models"]],
    ["app/utils/x.ts", 'import { slugify } from "~/import/text";', []],
    ["app/schemas/x.ts", 'import { getEnv } from "~/utils/env.server";', ["schemas-are-shared"]],
    ["app/schemas/x.ts", 'import { freeText } from "~/utils/input";', []],
    ["app/models/x.server.ts", 'import { readFormData } from "~/utils/http";', ["models-below-pages"]],
    ["app/models/x.server.ts", 'import { Pager } from "~/components/search/pager";', ["models-below-pages"]],
    ["app/models/x.server.ts", 'import { prisma } from "~/utils/db.server";', []],
    ["app/components/x.tsx", 'import type { loader } from "~/routes/_index";', ["components-render"]],
    ["app/components/x.tsx", 'import { getUser } from "~/utils/auth.server";', ["components-render"]],
    ["app/components/x.tsx", 'import { DELETED_NOTICE } from "~/models/presenters/comment";', ["components-render"]],
    ["app/components/x.tsx", 'import type { PageComment } from "~/models/episode.server";', []],
    ["app/components/ui/x.tsx", 'import { Pager } from "~/components/search/pager";', ["ui-knows-no-domain"]],
    ["app/components/ui/x.tsx", 'import { y } from "./y";', []],
    ["app/routes/x.tsx", 'import { queue } from "~/models/widgets/queue.server";', ["model-folder-through-index"]],
    ["app/routes/x.tsx", 'import type { Queue } from "~/models/widgets/queue.server";', ["model-folder-through-index"]],
    ["app/routes/x.tsx", 'import { queue } from "~/models/widgets/index.server";', []],
    ["app/models/other.server.ts", 'import { queue } from "~/models/widgets/queue.server";', []],
    ["app/routes/x.tsx", 'import { prisma } from "~/utils/db.server";', ["prisma-in-models"]],
    ["app/routes/x.tsx", 'import { Prisma } from "@prisma/client";', ["prisma-in-models"]],
    ["app/routes/x.tsx", 'import type { Prisma } from "@prisma/client";', []],
    ["app/root.tsx", 'import { prisma } from "~/utils/db.server";', ["prisma-in-models"]],
  ];
  test.each(cases)("%s: %s → %j", (from, line, rules) => {
    const sources = new Map([[from, line]]);
    const virtual = new Set(["app/components/ui/y.tsx", "app/models/widgets/index.server.ts", "app/models/widgets/queue.server.ts"]);
    const exists = (file: string) => appFileSet.has(file) || virtual.has(file);
    const { violations, unresolved } = checkLayering(sources, exists);
    expect(unresolved).toEqual([]);
    expect(violations.map((violation) => violation.rule.id)).toEqual(rules);
  });
});
