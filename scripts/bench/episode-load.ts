// `npx tsx scripts/bench/episode-load.ts`: the FTR #863 page as an anonymous reader gets it from the
// production build on a throwaway database seeded like the e2e suite — its HTML in bytes and gzipped,
// and the time to the `load` event in Chromium (a fresh context, so a cold cache, each run; median of
// EPISODE_LOAD_RUNS, 5 by default), at 390 and 1280 px.
import zlib from "node:zlib";
import { chromium } from "@playwright/test";
import { buildIfNeeded } from "../build-if-needed";
import { freePort } from "../db/embedded";
import { CHROMIUM_ARGS, requireChromium } from "../../tests/e2e/browser";
import { createMigratedDatabase, dropDatabase, startTestServer } from "../../tests/setup/test-database";

const PROGRAM_PATH = "/episodes/ftr-863-9-11-the-muslim-brotherhood-and-the-earth-island-boogie-part-2";
const RUNS = Number(process.env.EPISODE_LOAD_RUNS ?? 5);
const log = (line: string) => console.log(`[episode-load] ${line}`);

const { executablePath, description } = requireChromium();
log(`Chromium: ${description}`);
await buildIfNeeded(log);

const database = await startTestServer("episode-load");
const databaseName = `footnote_episode_load_${process.pid}`;
let app: { close(): Promise<void> } | undefined;
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
try {
  process.env.DATABASE_URL = await createMigratedDatabase(database, databaseName);
  process.env.NODE_ENV = "production";
  process.env.COOKIE_SECURE = "false";
  const { seedE2eData } = await import("../../tests/e2e/seed");
  await seedE2eData();
  const { startServer } = await import("../server");
  const port = await freePort();
  app = await startServer({ port, log: () => {} });
  const url = `http://localhost:${port}${PROGRAM_PATH}`;

  const html = Buffer.from(await (await fetch(url, { headers: { "Accept-Encoding": "identity" } })).arrayBuffer());
  const gzipped = zlib.gzipSync(html, { level: 6 }).length;
  log(`HTML: ${html.length.toLocaleString("en")} bytes (${kb(html.length)}), gzip ${gzipped.toLocaleString("en")} bytes (${kb(gzipped)})`);

  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  for (const width of [390, 1280]) {
    const times: number[] = [];
    const heights: number[] = [];
    for (let run = 0; run < RUNS + 1; run += 1) {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "load" });
      const { load, height } = await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        return { load: navigation!.loadEventStart, height: document.documentElement.scrollHeight };
      });
      await context.close();
      // The first run warms the server's page cache and Chromium's process; it is not counted.
      if (run === 0) continue;
      times.push(load);
      heights.push(height);
    }
    times.sort((a, b) => a - b);
    log(
      `${width} px: load ${Math.round(times[Math.floor(times.length / 2)]!)} ms median of ${RUNS} ` +
        `(${times.map((t) => Math.round(t)).join(", ")} ms); page height ${heights[0]!.toLocaleString("en")} px`,
    );
  }
} finally {
  await browser?.close();
  await app?.close();
  if (process.env.DATABASE_URL) {
    const { prisma } = await import("../../app/utils/db.server");
    await prisma.$disconnect();
    const { closeRateLimits } = await import("../../app/utils/rate-limit.server");
    await closeRateLimits();
  }
  await dropDatabase(database, databaseName);
  await database.stop();
}

function kb(bytes: number) {
  return `${Math.round(bytes / 1024).toLocaleString("en")} KB`;
}
