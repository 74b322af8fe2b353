// Playwright global setup: a fresh database and a freshly started production server, both owned
// by this run (an already-running server is never reused).
import fs from "node:fs";
import { startTestServer, createMigratedDatabase, dropDatabase } from "../setup/test-database";
import { CHROMIUM_PATH, E2E_PORT } from "./env";

export default async function globalSetup() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.error(
      `\nChromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.\n`,
    );
    process.exit(1);
  }
  const server = await startTestServer("e2e");
  const name = `footnote_e2e_${process.pid}`;
  process.env.DATABASE_URL = await createMigratedDatabase(server, name);
  process.env.NODE_ENV = "production";
  process.env.COOKIE_SECURE = "false";
  process.env.RATE_LIMIT_IP_SCALE = "100";

  const { seedE2eData } = await import("./seed");
  await seedE2eData();
  const { startServer } = await import("../../scripts/server");
  const app = await startServer({ port: E2E_PORT, log: () => {} });

  return async () => {
    await app.close();
    const { prisma } = await import("../../app/utils/db.server");
    await prisma.$disconnect();
    await dropDatabase(server, name);
    await server.stop();
  };
}
