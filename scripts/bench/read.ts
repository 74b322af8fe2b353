// `npm run bench:read`: the FTR #863 page with its real body and 10 / 100 / 1,000 / 10,000 synthetic
// comments, loaded by autocannon against the production build in a separate server process.
import fs from "node:fs";
import autocannon from "autocannon";
import { buildIfNeeded } from "../build-if-needed";
import { startServerProcess } from "./server-process";
import { machine } from "./stats";
import { withBenchDatabase } from "./with-database";

const SIZES = [10, 100, 1_000, 10_000];
const CONNECTIONS = 10;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

await buildIfNeeded(console.log);

const rows = await withBenchDatabase("read", async (url) => {
  const { importDocument } = await import("../../app/models/import/index.server");
  const { seedSyntheticComments } = await import("../seed-synthetic");
  const file = "seeds/ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt";
  const { episode } = await importDocument({ fileName: "ftr-863.txt", bytes: fs.readFileSync(file) });
  const server = await startServerProcess({ databaseUrl: url });
  const pageUrl = `${server.origin}/episodes/${episode.slug}`;
  const results: Record<string, Record<string, string | number>> = {};
  try {
    for (const size of SIZES) {
      await seedSyntheticComments(episode.id, size);
      const body = await (await fetch(pageUrl)).text();
      // Browsers ask for compressed pages; so does the benchmark.
      const headers = { "Accept-Encoding": "gzip" };
      await autocannon({ url: pageUrl, connections: CONNECTIONS, duration: 2, headers }); // warm-up
      const result = await autocannon({ url: pageUrl, connections: CONNECTIONS, duration: DURATION_SECONDS, headers });
      if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors at ${size} comments`);
      results[`${size.toLocaleString("en")} comments`] = {
        "requests/s": Math.round(result.requests.average),
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        "page KB": Math.round(Buffer.byteLength(body) / 1024),
        "sent KB (gzip)": Math.round(result.throughput.average / Math.max(1, result.requests.average) / 1024),
        "server RSS MB": server.rssMegabytes(),
      };
    }
  } finally {
    await server.stop();
  }
  return results;
});

console.log(`Read benchmark — FTR #863 page, ${CONNECTIONS} connections × ${DURATION_SECONDS} s each, ${machine()}`);
console.table(rows);

