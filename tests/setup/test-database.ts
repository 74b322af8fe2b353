// Each test run gets its own throwaway PostgreSQL: a fresh embedded cluster in a temporary folder,
// or, when DATABASE_URL is set, fresh databases on that server. Never the development database.
import fs from "node:fs";
import pg from "pg";
import { ensureDatabaseExists, migrate } from "../../scripts/db/database";
import { freePort, scratchDir, startEmbeddedPostgres } from "../../scripts/db/embedded";

export interface TestServer {
  /** Connection string for `database` on the test server. */
  url(database: string): string;
  stop(): Promise<void>;
}

export async function startTestServer(label: string): Promise<TestServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      url: (database) => {
        const url = new URL(external);
        url.pathname = `/${database}`;
        return url.toString();
      },
      stop: async () => {},
    };
  }
  const dataDir = scratchDir(`footnote-${label}-`);
  const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  return {
    url: cluster.url,
    stop: async () => {
      await cluster.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A migrated database, created fresh (dropped first if a previous run left it). */
export async function createMigratedDatabase(server: TestServer, name: string) {
  await dropDatabase(server, name);
  const url = server.url(name);
  await ensureDatabaseExists(url);
  await migrate(url);
  return url;
}

export async function cloneDatabase(server: TestServer, template: string, name: string) {
  await dropDatabase(server, name);
  await withMaintenance(server, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return server.url(name);
}

/** Drops `prefix` and every database whose name starts with it (the per-worker clones). */
export async function dropDatabasesLike(server: TestServer, prefix: string) {
  await withMaintenance(server, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')",
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

export async function dropDatabase(server: TestServer, name: string) {
  await withMaintenance(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withMaintenance<T>(server: TestServer, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: server.url("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
