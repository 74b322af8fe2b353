// `npm run import -- <files…>`: imports episode documents with a progress bar per file and a
// summary table; exits non-zero if any file failed.
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { EnvError, getEnv } from "../app/utils/env.server";
import { migrate, openDatabase } from "./db/database";

const files = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (files.length === 0) {
  console.error("Usage: npm run import -- <file.txt> [more files…]");
  process.exit(2);
}

let env;
try {
  env = getEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(2);
}

const database = await openDatabase((line) => console.error(`[db] ${line}`));
process.env.DATABASE_URL = database.url;
let failed = 0;
try {
  await migrate(database.url);
  const { importDocument, ImportRefusedError } = await import("../app/models/import.server");
  const bars = new cliProgress.MultiBar(
    { format: " {bar} {percentage}% | {file} | {stage}", hideCursor: true, clearOnComplete: false, stopOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const rows: Record<string, string | number>[] = [];
  for (const file of files) {
    const name = path.basename(file);
    const bar = bars.create(3, 0, { file: name, stage: "reading" });
    try {
      const bytes = fs.readFileSync(file);
      bar.update(1, { stage: "parsing and writing" });
      const result = await importDocument({ fileName: name, bytes, timeZone: env.IMPORT_TIME_ZONE });
      bar.update(3, { stage: result.outcome });
      rows.push({
        file: name,
        outcome: result.outcome,
        episode: `/episodes/${result.episode.slug}`,
        sections: result.counts.sections,
        sources: result.counts.sources,
        comments: result.counts.comments,
        threads: result.counts.threads,
        warnings: result.counts.warnings,
        added: result.changes.commentsAdded,
      });
    } catch (error) {
      failed++;
      const message = error instanceof ImportRefusedError ? error.message : (error as Error).message;
      bar.update(3, { stage: `failed` });
      rows.push({ file: name, outcome: "failed", episode: message });
    }
  }
  bars.stop();
  console.table(rows);
  const { prisma } = await import("../app/utils/db.server");
  await prisma.$disconnect();
} catch (error) {
  console.error(`Import stopped: ${(error as Error).message}`);
  failed++;
} finally {
  await database.stop();
}
process.exit(failed ? 1 : 0);
