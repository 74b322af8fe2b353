// `npx tsx scripts/bench/episode-load.ts`: the FTR #863 page as an anonymous reader gets it from the
// production build on a throwaway database seeded like the e2e suite — its HTML in bytes and gzipped,
// and the time to the `load` event in Chromium (a fresh context, so a cold cache, each run; median of
// EPISODE_LOAD_RUNS, 5 by default), at 390 and 1280 px.
import zlib from "node:zlib";
import { withSeededApp } from "../seeded-app";

const PROGRAM_PATH = "/episodes/ftr-863-9-11-the-muslim-brotherhood-and-the-earth-island-boogie-part-2";
const RUNS = Number(process.env.EPISODE_LOAD_RUNS ?? 5);
const log = (line: string) => console.log(`[episode-load] ${line}`);

await withSeededApp("episode-load", { log }, async ({ baseURL, browser }) => {
  const url = `${baseURL}${PROGRAM_PATH}`;
  const html = Buffer.from(await (await fetch(url, { headers: { "Accept-Encoding": "identity" } })).arrayBuffer());
  const gzipped = zlib.gzipSync(html, { level: 6 }).length;
  log(`HTML: ${html.length.toLocaleString("en")} bytes (${kb(html.length)}), gzip ${gzipped.toLocaleString("en")} bytes (${kb(gzipped)})`);

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
});

function kb(bytes: number) {
  return `${Math.round(bytes / 1024).toLocaleString("en")} KB`;
}
