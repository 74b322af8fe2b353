// The production server compiled to one JavaScript file, build/serve.mjs (`npm run build` makes it; the
// launcher scripts/serve.mjs remakes it when its sources changed). Served through `tsx`, every process
// also ran tsx's module hooks in a thread of their own: 32 MB resident per process (ADR 0044).
// Packages stay imports (node_modules); the app's own modules are bundled, its `~/` paths resolved.
import fs from "node:fs";
import { build } from "esbuild";
import { SERVER_BUILD } from "./newest-change.mjs";

const packageJson = JSON.parse(fs.readFileSync("package.json", "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
// Every package is left to node_modules (esbuild 0.17's `packages: "external"` would take `~/` for one too).
const external = [...Object.keys(packageJson.dependencies), ...Object.keys(packageJson.devDependencies)].flatMap((name) => [name, `${name}/*`]);

const { outputFiles } = await build({
  entryPoints: ["scripts/serve.ts"],
  outfile: SERVER_BUILD,
  write: false,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
// Written beside and renamed into place: two servers starting at once never import a half-written file.
const written = `${SERVER_BUILD}.${process.pid}.tmp`;
fs.mkdirSync("build", { recursive: true });
fs.writeFileSync(written, outputFiles[0]!.contents);
fs.renameSync(written, SERVER_BUILD);
