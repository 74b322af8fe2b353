// `npm run screenshots`: the main pages at phone (390 px) and desktop (1280 px) width, captured in
// Chromium from the production build on a throwaway database seeded like the e2e suite, into docs/screenshots/.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { withSeededApp } from "./seeded-app";

const OUT_DIR = "docs/screenshots";
const PROGRAM_PATH = "/episodes/ftr-863-9-11-the-muslim-brotherhood-and-the-earth-island-boogie-part-2";
const ARTICLE_PATH = "/episodes/taipei-times-why-isis-attacked-russia-and-why-moscow-blames-kyiv";
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];

type Shot = {
  name: string;
  path: string;
  fullPage: boolean;
  prepare?: (page: Page) => Promise<void>;
  as?: "moderator" | "admin";
  /** Only at these widths (the contents drawer exists on a phone alone). */
  widths?: number[];
};
// SCREENSHOTS_ONLY=suggestions,home takes only those shots.
const only = process.env.SCREENSHOTS_ONLY?.split(",").map((name) => name.trim()).filter(Boolean);

const log = (line: string) => console.log(`[screenshots] ${line}`);

await withSeededApp("screenshots", { log, serverLog: log }, async ({ baseURL, browser }) => {
  const sources = (await (await fetch(`${baseURL}/api/sources?q=Dollars`)).json()) as { sources: { title: string; path: string }[] };
  const labeviere = sources.sources.find((source) => /Dollars for Terror/i.test(source.title));
  if (!labeviere) throw new Error(`"Dollars for Terror" is not among the sources: ${JSON.stringify(sources.sources.map((s) => s.title))}`);

  const shots: Shot[] = ([
    { name: "home", path: "/", fullPage: true },
    { name: "episode", path: PROGRAM_PATH, fullPage: false },
    {
      name: "discussion",
      path: PROGRAM_PATH,
      fullPage: false,
      // The reply chain #1 → #2 → #3: the end of #2 under #1's rule, then #3 indented one level further.
      // (#1 and #2 are each taller than a phone screen, so the viewport is placed by #3.)
      prepare: async (page) => {
        await page.locator("#comment-3").evaluate((reply) => {
          reply.scrollIntoView({ block: "start" });
          window.scrollBy(0, -Math.round(window.innerHeight * 0.4));
        });
      },
    },
    { name: "article", path: ARTICLE_PATH, fullPage: true },
    { name: "source", path: labeviere.path, fullPage: true },
    { name: "search", path: "/search?q=Xinjiang", fullPage: true },
    // A long comment folded: its start, "Show more", and the next comment below it (issue 14).
    {
      name: "long-comment",
      path: PROGRAM_PATH,
      fullPage: false,
      prepare: async (page) => {
        await page.locator("#comment-4").evaluate((comment) => {
          comment.scrollIntoView({ block: "start" });
          window.scrollBy(0, -16);
        });
      },
    },
    // The contents drawer of a phone, open.
    {
      name: "contents-drawer",
      path: PROGRAM_PATH,
      fullPage: false,
      widths: [390],
      prepare: async (page) => {
        await page.locator("details[data-contents-drawer] > summary").click();
        await page.locator("details[data-contents-drawer] nav").waitFor({ state: "visible" });
      },
    },
    // The moderators' suggestions tab: ranked, capped per episode and day, signals under each sentence.
    { name: "suggestions", path: "/moderation/suggestions", fullPage: true, as: "moderator" as const },
    // The queue as an admin sees it: the widest staff header, and on a phone the filters folded.
    { name: "queue", path: "/moderation", fullPage: false, as: "admin" as const },
  ] satisfies Shot[]).filter((shot) => !only || only.includes(shot.name));

  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, baseURL, deviceScaleFactor: 1, colorScheme: "light" });
    const page = await context.newPage();
    for (const shot of shots) {
      if (shot.widths && !shot.widths.includes(viewport.width)) continue;
      if (shot.as) await signIn(page, `e2e-${shot.as}`);
      const response = await page.goto(shot.path, { waitUntil: "networkidle" });
      if (!response?.ok()) throw new Error(`${shot.path} answered ${response?.status()}`);
      await shot.prepare?.(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) log(`warning: ${shot.path} is ${overflow} px wider than the ${viewport.width} px viewport`);
      const file = path.join(OUT_DIR, `${shot.name}-${viewport.width}.png`);
      await page.screenshot({ path: file, fullPage: shot.fullPage, animations: "disabled" });
      log(`${file} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
    }
    await context.close();
  }
});

async function signIn(page: Page, username: string) {
  const { E2E_PASSWORD } = await import("../tests/e2e/seed");
  await page.context().clearCookies();
  await page.goto("/login", { waitUntil: "networkidle" });
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login")), page.getByRole("button", { name: /sign in/i }).click()]);
}
