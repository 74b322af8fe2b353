// What makes a database ready to serve: migrations, the first accounts, claim texts counted by the current
// rules, the seed documents. `npm start` runs it before serving; `npm run setup` runs it alone, for the
// production path in which `npm run serve` only serves. Holding the setup lock (an advisory lock), so two
// servers starting on one empty database do it one after the other.
import { getEnv } from "../app/utils/env.server";
import type { DemoAccount } from "../prisma/seed";
import { migrate, withSetupLock } from "./db/database";

export interface PrepareOptions {
  /** "demo": an admin, a moderator and a member (npm start); "first-admin": one admin (npm run setup). */
  accounts: "demo" | "first-admin";
}

/** Returns the accounts it created, with their passwords (to be printed once); none when users existed. */
export async function prepareDatabase(url: string, log: (line: string) => void, { accounts }: PrepareOptions): Promise<DemoAccount[]> {
  const env = getEnv();
  return withSetupLock(url, log, async () => {
    const applied = await migrate(url);
    log(applied ? `applied ${applied} migration(s)` : "database schema is up to date");
    // Imported only now: the Prisma client reads DATABASE_URL when it is created.
    process.env.DATABASE_URL = url;
    const { seedDemoAccounts, seedFirstAdmin } = await import("../prisma/seed");
    let created: DemoAccount[];
    if (accounts === "demo") created = await seedDemoAccounts();
    else {
      const admin = await seedFirstAdmin(env.ADMIN_PASSWORD);
      created = admin ? [admin] : [];
    }
    const { upgradeCanonicalTexts } = await import("../app/models/canonical-text.server");
    const upgraded = await upgradeCanonicalTexts();
    if (upgraded.sections + upgraded.comments > 0) log(`claim texts re-counted: ${upgraded.sections} section(s), ${upgraded.comments} comment(s), claims re-anchored`);
    if (env.IMPORT_SEEDS_ON_START) {
      const { importSeedDirectory } = await import("./import-seeds");
      await importSeedDirectory("seeds", env.IMPORT_TIME_ZONE, log);
    }
    return created;
  });
}
