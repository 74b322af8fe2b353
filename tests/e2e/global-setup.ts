// Playwright global setup: a fresh database and a freshly started production server, both owned
// by this run (an already-running server is never reused).
import { startTestServer, createMigratedDatabase, dropDatabase } from "../setup/test-database";
import { chromium } from "./browser";
import { E2E_PORT } from "./env";

export default async function globalSetup() {
  const browser = chromium();
  if (!browser.found) {
    console.error(`\n${browser.problem}\n`);
    process.exit(1);
  }
  console.log(`[e2e] Chromium: ${browser.description}`);
  const server = await startTestServer("e2e");
  const name = `footnote_e2e_${process.pid}`;
  process.env.DATABASE_URL = await createMigratedDatabase(server, name);
  process.env.NODE_ENV = "production";
  process.env.COOKIE_SECURE = "false";
  process.env.RATE_LIMIT_IP_SCALE = "100";
  // Journeys read a claim right after flagging it, as its flagger or through the API: no grace period here
  // (tests/integration/visibility-matrix.test.ts covers the grace period on every surface).
  process.env.CLAIM_GRACE_MINUTES = "0";

  const { seedE2eData } = await import("./seed");
  await seedE2eData();
  const { startServer } = await import("../../scripts/server");
  const app = await startServer({ port: E2E_PORT, log: () => {} });

  return async () => {
    await app.close();
    const { closeAppConnections } = await import("../../app/models/connections.server");
    await closeAppConnections();
    await dropDatabase(server, name);
    await server.stop();
  };
}
