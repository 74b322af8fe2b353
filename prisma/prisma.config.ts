// Configures the Prisma CLI (migrate, generate) to run entirely on its JavaScript engines:
// no native engine download is possible here. See docs/decisions/0001-toolchain.md.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

const here = path.dirname(fileURLToPath(import.meta.url));

// Prisma issue #27403: the driver adapter cannot deserialize PostgreSQL's internal catalog types
// (name, "char", oidvector, …) that the schema engine reads while introspecting. In the CLI process
// only, report such result columns as text, which is what pg already returns for them.
const CATALOG_TYPE_OIDS = new Set([18, 19, 22, 24, 28, 30, 194, 1033, 2205, 2206]);
const TEXT_OID = 25;
type QueryResultLike = { fields?: { dataTypeID: number }[] };
for (const prototype of [pg.Pool.prototype, pg.Client.prototype] as { query: (...args: unknown[]) => unknown }[]) {
  const originalQuery = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const result = originalQuery.apply(this, args);
    if (!(result instanceof Promise)) return result;
    return result.then((value: QueryResultLike) => {
      for (const field of value?.fields ?? []) if (CATALOG_TYPE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      return value;
    });
  };
}

// The WebAssembly schema engine arms a 10 s timer that keeps the CLI alive after its work is done;
// un-ref long timers so the process exits as soon as it has nothing else to do.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...args);
  if ((ms ?? 0) >= 1000) (timer as unknown as NodeJS.Timeout).unref();
  return timer;
}) as typeof setTimeout;

function databaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run Prisma through npm scripts (npm run db:migrate), which start the database first.");
  return url;
}

/** A driver adapter whose shadow database (for `migrate dev`/`migrate diff`) is a real, separate, throwaway database. */
function adapterFactory() {
  const url = databaseUrl();
  const factory = new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  const connectToShadowDb = async () => {
    const shadowName = `footnote_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${shadowName}"`);
    await admin.end();
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${shadowName}`;
    const adapter = await new PrismaPg({ connectionString: shadowUrl.toString(), allowExitOnIdle: true }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await cleanup.end();
    };
    return adapter;
  };
  return Object.assign(factory, { connectToShadowDb });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(here, "schema.prisma"),
  migrations: { path: path.join(here, "migrations") },
  adapter: async () => adapterFactory(),
});
