// A connection the server ends while a request holds it without a query in flight (a restart, `pg_ctl stop
// -m fast`) must not end the process: without a listener, pg emits an "error" nobody handles. The app's pool
// gives every connection one (GuardedClient, app/utils/db.server.ts); the load test's outage found the gap.
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { GuardedClient, prisma } from "~/utils/db.server";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, Client: GuardedClient });
afterAll(() => pool.end());

test("a pooled connection ended by the server between queries leaves the process running, and the pool connects again", async () => {
  const client = await pool.connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const ended = new Promise((resolve) => client.once("end", resolve));
  // As the server does to every backend on a fast shutdown: FATAL 57P01 "terminating connection due to administrator command".
  await prisma.$queryRaw`SELECT pg_terminate_backend(${rows[0]!.pid}::int)`;
  await ended;
  await expect(client.query("SELECT 1")).rejects.toThrow(/not queryable|Connection terminated/);
  client.release(true);
  const again = await pool.query<{ one: number }>("SELECT 1 AS one");
  expect(again.rows[0]!.one).toBe(1);
});
