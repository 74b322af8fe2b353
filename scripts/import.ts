// `npm run import -- <files…>`: imports episode documents, printing each file's progress and warnings
// and a summary; exits non-zero if any file failed. While `npm start` runs, it uses the same database.
import { EnvError, getEnv } from "../app/utils/env.server";
import { migrate, openDatabase } from "./db/database";
import { importFiles } from "./import-files";

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

let failed = 0;
let database;
try {
  // A running app's embedded PostgreSQL is shared, not started a second time.
  database = await openDatabase((line) => console.error(`[db] ${line}`), { shareRunning: true });
  process.env.DATABASE_URL = database.url;
  await migrate(database.url);
  const rows = await importFiles(files, env.IMPORT_TIME_ZONE, (line) => console.log(line));
  failed = rows.filter((row) => row.outcome === "failed").length;
  const { closeAppConnections } = await import("../app/models/connections.server");
  await closeAppConnections();
} catch (error) {
  console.error(`Import stopped: ${(error as Error).message}`);
  failed++;
} finally {
  await database?.stop();
}
process.exit(failed ? 1 : 0);
