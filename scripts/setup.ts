// `npm run setup`: the production path's one step that changes the database — migrations, the first admin
// (password from ADMIN_PASSWORD, or a random one printed by this step only), claim texts, seed documents
// (IMPORT_SEEDS_ON_START). Run it once per deploy, before `npm run serve`; it is safe to run again, and
// two runs at once take turns (advisory lock). Demo moderator and member accounts are `npm start`'s only.
import { EnvError, getEnv } from "../app/utils/env.server";
import { openDatabase, redact, type Database } from "./db/database";
import { prepareDatabase } from "./prepare-database";

const log = (line: string) => console.log(`[setup] ${line}`);
process.env.NODE_ENV ??= "production";

let database: Database | undefined;
let code = 0;
try {
  const env = getEnv();
  database = await openDatabase(log, { shareRunning: true });
  log(`database ${redact(database.url)}`);
  const [admin] = await prepareDatabase(database.url, log, { accounts: "first-admin" });
  if (admin && env.ADMIN_PASSWORD) log(`created the admin account "${admin.username}" with the password in ADMIN_PASSWORD`);
  else if (admin) {
    console.log(`\nAdmin account (created now because the database had no users; the password is shown only this once):\n  username: ${admin.username}   password: ${admin.password}\n`);
  }
  log("done: start the app with `npm run serve`");
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `[setup] failed: ${(error as Error).message}`);
  code = 1;
} finally {
  if (process.env.DATABASE_URL) {
    const { closeAppConnections } = await import("../app/models/connections.server");
    await closeAppConnections().catch(() => {});
  }
  await database?.stop().catch((error) => console.error(error));
}
process.exit(code);
