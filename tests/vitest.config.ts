import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const alias = { "~": path.join(root, "app") };

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          root,
          // Unit tests sit beside the code; checks of the whole tree (tests/unit/layering.test.ts) need no database.
          include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"],
          environment: "node",
          // Vitest's 5 s is too short on a busy machine: with two busy loops beside the run, the first
          // suggestClaims call (it loads the language model) took 6.7 s (docs/performance.md).
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          root,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/integration.ts"],
          // With two busy loops beside the run (and this run at nice 10), the slowest test of claims.test.ts
          // took 35 s, and 4 of its 34 ran out of the former 30 s (docs/performance.md).
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
