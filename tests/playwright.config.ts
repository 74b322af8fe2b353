import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromium } from "./e2e/browser";
import { BUDGETS } from "./e2e/budgets";
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
  // Budgets for a busy machine, set from measurements (tests/e2e/budgets.ts; docs/performance.md, "The test
  // suite on a busy machine"): on 2 cores with two busy loops beside the run, the FTR #863 page took up to
  // 13 s to reach DOMContentLoaded, a posted comment up to 16 s to show, an axe scan of the page 57 s.
  // Navigations return at DOMContentLoaded, not `load` (tests/e2e/fixtures.ts); form submissions wait for
  // their answer (tests/e2e/helpers.ts, `submit`); then each journey waits for the element it needs.
  timeout: BUDGETS.test,
  expect: { timeout: BUDGETS.expect },
  use: {
    baseURL: BASE_URL,
    navigationTimeout: BUDGETS.navigation,
    actionTimeout: BUDGETS.action,
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
