// `npm run bench:import`: parse and full-import time of the 367 KB program page.
// Parse is pure CPU; the import runs against a real (throwaway) PostgreSQL, emptied before each run.
import fs from "node:fs";
import { parseDocument } from "../../app/import/parse";
import { machine, summarize } from "./stats";
import { withBenchDatabase } from "./with-database";

const FILE = "seeds/ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt";
const PARSE_RUNS = 200;
const IMPORT_RUNS = 30;

const bytes = fs.readFileSync(FILE);
const text = bytes.toString("utf8");

const firstParse = time(() => parseDocument(text));
for (let i = 0; i < 20; i++) parseDocument(text); // warm-up
const parse = summarize(Array.from({ length: PARSE_RUNS }, () => time(() => parseDocument(text))));

const result = await withBenchDatabase("import", async () => {
  const { importDocument } = await import("../../app/models/import/index.server");
  const { prisma } = await import("../../app/utils/db.server");
  const empty = () => prisma.$executeRawUnsafe(`TRUNCATE "Episode", "Source", "ImportedAuthor", "Import" RESTART IDENTITY CASCADE`);
  const fresh: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < IMPORT_RUNS + 3; i++) {
    await empty();
    const created = await timeAsync(() => importDocument({ fileName: "bench.txt", bytes }));
    const unchanged = await timeAsync(() => importDocument({ fileName: "bench.txt", bytes }));
    if (i >= 3) {
      fresh.push(created);
      again.push(unchanged);
    }
  }
  return { fresh: summarize(fresh), again: summarize(again) };
});

console.log(`Import benchmark — ${FILE} (${(bytes.length / 1024).toFixed(0)} KB), ${machine()}`);
console.table({
  "parse, first call (cold)": { runs: 1, mean: round(firstParse), p50: round(firstParse), p95: round(firstParse) },
  "parse (warm)": parse,
  "import, new episode": result.fresh,
  "import, same file again": result.again,
});

function time(work: () => unknown) {
  const start = performance.now();
  work();
  return performance.now() - start;
}

async function timeAsync(work: () => Promise<unknown>) {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}
