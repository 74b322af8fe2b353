import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromium } from "./e2e/browser";
import { BASE_URL } from "./e2e/env";

const here = path.dirname(fileURLToPath(import.meta.url));
const browser = chromium();

export default defineConfig({
  testDir: path.join(here, "e2e"),
  outputDir: path.join(here, ".output"),
  globalSetup: path.join(here, "e2e/global-setup.ts"),
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Budgets for a busy machine (docs/performance.md, "The test suite on a busy machine"): a journey's whole
  // run, one navigation, and a wait for what the reader waits on (a response, an element).
  timeout: 180_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: BASE_URL,
    navigationTimeout: 90_000,
    actionTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // None found: global-setup stops the run with one line saying what to install.
          executablePath: browser.found ? browser.executablePath : undefined,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
