// The database the admin scripts (db:backup, db:restore) act on: DATABASE_URL's, or the embedded one —
// used where it runs when `npm start` has it up, otherwise started for the command and stopped after.
import { getEnv } from "../../app/utils/env.server";
import { DEFAULT_DATABASE, ensureDatabaseExists, openDatabase } from "./database";
import { embeddedUrl, isEmbeddedRunning } from "./embedded";

export async function withCurrentDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    await ensureDatabaseExists(env.DATABASE_URL);
    return work(env.DATABASE_URL);
  }
  if (isEmbeddedRunning(env.EMBEDDED_PG_DATA_DIR)) return work(embeddedUrl(env.EMBEDDED_PG_PORT, DEFAULT_DATABASE));
  const database = await openDatabase((line) => console.error(`[db] ${line}`));
  try {
    return await work(database.url);
  } finally {
    await database.stop();
  }
}
