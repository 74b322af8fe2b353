// Runs in every integration-test worker before its test files: points DATABASE_URL at the worker's
// own clone of the migrated template, and empties every table before each test.
import pg from "pg";
import { afterAll, beforeEach, inject } from "vitest";

const base = new URL(inject("testDatabaseBaseUrl"));
const template = inject("testTemplateDatabase");
const name = `${template}_w${process.env.VITEST_POOL_ID ?? "0"}`;

const maintenance = new pg.Client({ connectionString: base.toString() });
await maintenance.connect();
const { rowCount } = await maintenance.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
if (!rowCount) await maintenance.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
await maintenance.end();

const url = new URL(base);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

const { prisma } = await import("~/utils/db.server");

const tables = (
  await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`
).map((row) => `"public"."${row.tablename}"`);

beforeEach(async () => {
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
  // The job queue too (ADR 0029): a job queued by one test never runs in the next.
  await prisma.$executeRawUnsafe(`TRUNCATE graphile_worker._private_jobs, graphile_worker._private_job_queues`);
});

afterAll(async () => {
  await prisma.$disconnect();
});
