// `npm test` starts here: finds the e2e browser (unpacking the npm one on a first run) before minutes of other
// tests, or stops at once with one line saying what to install (tests/e2e/browser.ts, ADR 0015).
import { requireChromium } from "../tests/e2e/browser";

console.log(`[test] Chromium for the e2e tests: ${requireChromium().description}`);
