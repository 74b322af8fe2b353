// The production server in a child process of its own (scripts/bench/serve.ts), so that a benchmark
// measures it from outside: its memory through /proc and, on request, each request's server time.
import { fork, spawn } from "node:child_process";
import fs from "node:fs";
import { freePort } from "../db/embedded";
import { processTree } from "./proc";

export async function startServerProcess({
  databaseUrl,
  timing = false,
  port: chosenPort,
  env = {},
  script = "scripts/bench/serve.ts",
}: {
  databaseUrl: string;
  timing?: boolean;
  port?: number;
  env?: Record<string, string>;
  /** Another server that answers the same messages ("ready", timings): the reference of bench:post. */
  script?: string;
}) {
  const port = chosenPort ?? (await freePort());
  const child = fork(script, [], {
    // The V8 flags of `npm run serve` (its young-generation cap): memory is measured as production runs.
    execArgv: [...serveV8Flags(), "--import", "tsx", ...cpuProfileFlags()],
    env: {
      ...process.env,
      ...serveEnvironment(),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      ...env,
      ...(timing ? { BENCH_TIMING: "1" } : {}),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    /** Resident memory of the server process, in MB. */
    rssMegabytes() {
      // A process that has ended has no memory to report (the load run says so instead of ending too).
      if (child.exitCode !== null || child.signalCode !== null || !fs.existsSync(`/proc/${child.pid}/status`)) return Number.NaN;
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    },
    /** Server times (ms) of the requests since the last call; needs `timing`. */
    timings() {
      return new Promise<number[]>((resolve) => {
        child.once("message", (message) => resolve((message as { timings: number[] }).timings));
        child.send("timings");
      });
    },
    /** Where the process's memory is (`process.memoryUsage()`, in MB): the JavaScript heap, buffers outside it, all resident. */
    memory() {
      return new Promise<{ rss: number; heapUsed: number; heapTotal: number; external: number }>((resolve) => {
        if (!child.connected) return resolve({ rss: Number.NaN, heapUsed: Number.NaN, heapTotal: Number.NaN, external: Number.NaN });
        const onMessage = (message: unknown) => {
          const memory = (message as { memory?: NodeJS.MemoryUsage }).memory;
          if (!memory) return;
          child.off("message", onMessage);
          const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
          resolve({ rss: mb(memory.rss), heapUsed: mb(memory.heapUsed), heapTotal: mb(memory.heapTotal), external: mb(memory.external) });
        };
        child.on("message", onMessage);
        child.send("memory");
      });
    },
    /** Stops the server and waits for it, so that the database can be dropped under no open connection. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * `npm run serve` (scripts/serve.ts) with `processes` app processes (WEB_CONCURRENCY) on `databaseUrl`:
 * the production path, measured from outside. With one process the server runs in the primary itself.
 */
export async function startServe({ databaseUrl, processes, port: chosenPort, env = {} }: { databaseUrl: string; processes: number; port?: number; env?: Record<string, string> }) {
  const port = chosenPort ?? (await freePort());
  const child = spawn(process.execPath, serveArguments(), {
    env: { ...process.env, ...serveEnvironment(), DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", COOKIE_SECURE: "false", WEB_CONCURRENCY: String(processes), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      if (/ready in/.test(output)) resolve();
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => reject(new Error(`npm run serve exited with ${code}:\n${output}`)));
  });
  const primary = child.pid!;
  return {
    origin: `http://127.0.0.1:${port}`,
    /** The primary, then its workers (none with one process). */
    pids: () => processTree(primary),
    output: () => output,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** `npm run serve` as package.json writes it: the environment it sets (`MALLOC_ARENA_MAX=2`) and node's arguments. */
function serveScript() {
  const script = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.serve!;
  const words = script.split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? "")) {
    const [name, value] = words.shift()!.split("=", 2) as [string, string];
    env[name] = value;
  }
  const [command, ...args] = words;
  if (command !== "node") throw new Error(`package.json's serve script no longer starts with node: ${script}`);
  return { env, args };
}

/** The node arguments of `npm run serve` (its V8 flags included), for processes started here. */
export function serveArguments() {
  return serveScript().args;
}

/** The environment `npm run serve` sets before node starts, for processes started here. */
export function serveEnvironment() {
  return serveScript().env;
}

/** The V8 flags of package.json's serve script (`--max-semi-space-size=8`…), without its module loader and script. */
export function serveV8Flags() {
  const args = serveArguments();
  return args.filter((arg, i) => arg.startsWith("--") && arg !== "--import" && args[i - 1] !== "--import");
}

/** BENCH_CPU_PROF=DIR: every server process started here writes a V8 CPU profile into DIR when it stops (`node --cpu-prof`). */
function cpuProfileFlags() {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}
