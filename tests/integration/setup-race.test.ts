// Issue 15: two servers set up one empty database at the same moment (two `npm run setup`, or two
// `npm start` on one DATABASE_URL): they take turns under the setup lock (ADR 0021) instead of racing in
// the migrations and the first admin. Then `npm run serve` refuses a database that lacks migrations.
import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, expect, inject, test } from "vitest";

const base = new URL(inject("testDatabaseBaseUrl"));
const name = `${inject("testTemplateDatabase")}_race_${process.env.VITEST_POOL_ID ?? "0"}`;
const url = new URL(base);
url.pathname = `/${name}`;

async function maintenance(sql: string) {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function run(script: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: "production", IMPORT_SEEDS_ON_START: "false", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

afterAll(async () => {
  await maintenance(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

test("two setups of one empty database take turns: one migrates and creates the admin, the other finds it done", { timeout: 180_000 }, async () => {
  await maintenance(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  const refused = await run("scripts/serve.ts", { PORT: "3356", WEB_CONCURRENCY: "1" });
  expect(refused.code).toBe(1);
  expect(refused.output).toMatch(/the database lacks \d+ migration\(s\) .*run `npm run setup` first/);

  const password = "a long enough admin password";
  const [first, second] = await Promise.all([run("scripts/setup.ts", { ADMIN_PASSWORD: password }), run("scripts/setup.ts", { ADMIN_PASSWORD: password })]);
  expect([first.code, second.code], `${first.output}\n---\n${second.output}`).toEqual([0, 0]);
  const outputs = [first.output, second.output];
  expect(outputs.filter((output) => /applied \d+ migration\(s\)/.test(output))).toHaveLength(1);
  expect(outputs.filter((output) => /database schema is up to date/.test(output))).toHaveLength(1);
  expect(outputs.filter((output) => /created the admin account "admin" with the password in ADMIN_PASSWORD/.test(output))).toHaveLength(1);
  // The password came from the environment: it is never printed.
  for (const output of outputs) expect(output).not.toContain(password);

  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ username: string; role: string }>(`SELECT username, role::text FROM "User"`);
    expect(rows).toEqual([{ username: "admin", role: "admin" }]);
  } finally {
    await client.end();
  }
});
