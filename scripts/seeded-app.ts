// The production build served on a throwaway embedded PostgreSQL seeded like the e2e suite, with the e2e
// suite's Chromium: what `npm run screenshots` and scripts/bench/episode-load.ts look at. Everything it
// starts is stopped and the database dropped when `work` ends, whether it succeeded or not.
import { chromium, type Browser } from "@playwright/test";
import { buildIfNeeded } from "./build-if-needed";
import { freePort } from "./db/embedded";
import { CHROMIUM_ARGS, requireChromium } from "../tests/e2e/browser";
import { createMigratedDatabase, dropDatabase, startTestServer } from "../tests/setup/test-database";

export async function withSeededApp<T>(
  label: string,
  { log, serverLog = () => {} }: { log: (line: string) => void; serverLog?: (line: string) => void },
  work: (app: { baseURL: string; browser: Browser }) => Promise<T>,
): Promise<T> {
  const { executablePath, description } = requireChromium();
  log(`Chromium: ${description}`);
  await buildIfNeeded(log);

  const database = await startTestServer(label);
  const databaseName = `footnote_${label.replace(/\W/g, "_")}_${process.pid}`;
  let app: { close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  try {
    process.env.DATABASE_URL = await createMigratedDatabase(database, databaseName);
    process.env.NODE_ENV = "production";
    process.env.COOKIE_SECURE = "false";
    const { seedE2eData } = await import("../tests/e2e/seed");
    await seedE2eData();
    const { startServer } = await import("./server");
    const port = await freePort();
    app = await startServer({ port, log: serverLog });
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    return await work({ baseURL: `http://localhost:${port}`, browser });
  } finally {
    await browser?.close();
    await app?.close();
    if (process.env.DATABASE_URL) {
      const { closeAppConnections } = await import("../app/models/connections.server");
      await closeAppConnections();
    }
    await dropDatabase(database, databaseName);
    await database.stop();
  }
}
