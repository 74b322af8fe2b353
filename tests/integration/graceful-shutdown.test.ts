// `npm start` under SIGTERM: a request in flight completes, new connections are refused, the pool
// closes and the embedded PostgreSQL stops. Runs the real start script with its own embedded cluster.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { freePort, scratchDir } from "../../scripts/db/embedded";

let child: ChildProcess | undefined;
let dataRoot: string | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  if (dataRoot) fs.rmSync(dataRoot, { recursive: true, force: true });
});

test("SIGTERM lets a sign-in in flight finish, refuses new connections, then stops the pool and the embedded database", { timeout: 240_000 }, async () => {
  dataRoot = scratchDir("footnote-shutdown-");
  const dataDir = path.join(dataRoot, "pg");
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(await freePort()),
    EMBEDDED_PG_DATA_DIR: dataDir,
    IMPORT_SEEDS_ON_START: "false",
    NODE_ENV: "production",
    COOKIE_SECURE: "false",
  };
  delete env.DATABASE_URL;
  child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp) => {
    while (!pattern.test(output)) {
      if (child!.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return pattern.exec(output)!;
  };

  await waitFor(/ready in/);
  const password = (await waitFor(/member\s+username: member\s+password: (\S+)/))[1]!;
  expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);

  // A sign-in whose body is only half sent when the signal arrives.
  const body = new URLSearchParams({ username: "member", password, redirectTo: "/" }).toString();
  const half = Math.floor(body.length / 2);
  const request = http.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/login",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": Buffer.byteLength(body),
      Origin: `http://127.0.0.1:${port}`,
    },
  });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once("response", resolve);
    request.once("error", reject);
  });
  request.write(body.slice(0, half));
  await new Promise((resolve) => setTimeout(resolve, 200));

  child.kill("SIGTERM");
  await waitFor(/SIGTERM: stopping/);

  // Nobody new gets in…
  const refused = await new Promise<string>((resolve) => {
    const probe = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false }, () => resolve("answered"));
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
  expect(refused).toBe("ECONNREFUSED");

  // …but the request in flight is answered in full: signed in, redirected home.
  request.end(body.slice(half));
  const answer = await response;
  if (answer.statusCode !== 303) console.log(output);
  expect(answer.statusCode).toBe(303);
  expect(answer.headers.location).toBe("/");
  expect(String(answer.headers["set-cookie"])).toMatch(/footnote_session=/);

  const code = await exited;
  if (code !== 0) console.log(output);
  expect(code).toBe(0);
  expect(output).toMatch(/stopped/);
  // The embedded PostgreSQL was shut down cleanly: no pid file left behind.
  expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
});
