import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SYSTEM_CHROMIUM, chooseChromium } from "../e2e/browser";

const systemChromiumUsable = (() => {
  try {
    fs.accessSync(SYSTEM_CHROMIUM, fs.constants.X_OK);
    return fs.statSync(SYSTEM_CHROMIUM).isFile();
  } catch {
    return false;
  }
})();

describe("the Chromium that npm test drives", () => {
  it("is the one CHROMIUM_PATH names, before any other", () => {
    const choice = chooseChromium({ CHROMIUM_PATH: process.execPath });
    expect(choice).toMatchObject({ found: true, source: "CHROMIUM_PATH", executablePath: process.execPath });
  });

  it("stops with one line when CHROMIUM_PATH names nothing runnable", () => {
    const choice = chooseChromium({ CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(choice.found).toBe(false);
    const problem = choice.found ? "" : choice.problem;
    expect(problem).not.toContain("\n");
    expect(problem).toContain("CHROMIUM_PATH=/nonexistent/chromium");
    expect(problem).toContain("unset it");
  });

  it(
    `is ${systemChromiumUsable ? "Debian's /usr/bin/chromium here" : "the npm package's Chromium here (no usable /usr/bin/chromium)"}, and it starts`,
    () => {
      const choice = chooseChromium({});
      if (!choice.found) throw new Error(choice.problem);
      expect(choice.source).toBe(systemChromiumUsable ? "system" : "npm");
      const version = execFileSync(choice.executablePath, ["--version"], { encoding: "utf8", timeout: 60_000 });
      expect(version).toMatch(/Chromium \d+/);
      if (choice.source === "npm") expect(version).toMatch(/^Chromium 153\./);
    },
    180_000,
  );
});
