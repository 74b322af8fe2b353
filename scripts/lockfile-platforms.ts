// `npm run lockfile:platforms`: the registry these machines reach lacks some platform builds that
// packages list as optional (tailwind's oxide and rollup for macOS, Windows, …). `npm install` then
// leaves them out of package-lock.json and `npm ci` refuses the lock. This records each missing one
// with the platform it is for, so `npm ci` skips it here and installs it where it is served.
// Run after changing dependencies (docs/decisions/0001-toolchain.md).
import fs from "node:fs";

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "openharmony"];
const CPU = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];

type Entry = { version?: string; optional?: boolean; dev?: boolean; optionalDependencies?: Record<string, string>; os?: string[]; cpu?: string[]; libc?: string[] };
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as { packages: Record<string, Entry> };

let added = 0;
for (const entry of Object.values({ ...lock.packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split("/").pop()!.split("-");
    const os = parts.find((part) => OS.includes(part));
    const cpu = parts.find((part) => CPU.includes(part));
    const stub: Entry = { version, optional: true, ...(entry.dev ? { dev: true } : {}) };
    if (os) stub.os = [os];
    if (cpu) stub.cpu = [cpu];
    if (parts.includes("musl")) stub.libc = ["musl"];
    else if (parts.includes("gnu") || parts.includes("gnueabihf")) stub.libc = ["glibc"];
    lock.packages[`node_modules/${name}`] = stub;
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync("package-lock.json", `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(added ? `recorded ${added} platform package(s) the registry here does not serve` : "package-lock.json already lists every platform package");
