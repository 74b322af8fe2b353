// `npm run dev`: the database as in `npm start`, then Remix's dev server, which rebuilds on change
// and restarts the app server (scripts/dev-server.ts) with live reload.
import { spawn } from "node:child_process";
import path from "node:path";
import { EnvError, getEnv } from "../app/utils/env.server";
import { migrate, openDatabase } from "./db/database";

const log = (line: string) => console.log(`[footnote] ${line}`);
process.env.NODE_ENV = "development";

try {
  getEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
const database = await openDatabase(log);
process.env.DATABASE_URL = database.url;
await migrate(database.url);
const { seedDemoAccounts } = await import("../prisma/seed");
const accounts = await seedDemoAccounts();
for (const a of accounts) log(`demo ${a.role}: ${a.username} / ${a.password}`);
const { upgradeCanonicalTexts } = await import("../app/models/canonical-text.server");
await upgradeCanonicalTexts();
const { closeAppConnections } = await import("../app/models/connections.server");
await closeAppConnections();

const remix = spawn(
  process.execPath,
  [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "dev", "-c", "tsx scripts/dev-server.ts"],
  { stdio: "inherit", env: process.env },
);
const stop = async () => {
  remix.kill("SIGTERM");
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
remix.on("exit", () => void stop());
