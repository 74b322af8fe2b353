// The production server in a child process of its own (scripts/bench/serve.ts), so that a benchmark
// measures it from outside: its memory through /proc and, on request, each request's server time.
import { fork } from "node:child_process";
import fs from "node:fs";
import { freePort } from "../db/embedded";

export async function startServerProcess({ databaseUrl, timing = false, port: chosenPort, env = {} }: { databaseUrl: string; timing?: boolean; port?: number; env?: Record<string, string> }) {
  const port = chosenPort ?? (await freePort());
  const child = fork("scripts/bench/serve.ts", [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
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
    /** Stops the server and waits for it, so that the database can be dropped under no open connection. */
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
