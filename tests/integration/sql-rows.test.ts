// Statements sent past Prisma to its own pool (ADR 0045): what they read and write is what Prisma reads and
// writes — the same rows, the same instants whatever the process's time zone — and they run prepared.
import { Prisma } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { prisma, sqlRows } from "~/utils/db.server";
import { isDatabaseUnavailable } from "~/utils/database-outage.server";
import { createTestUser } from "../factories";

const zone = process.env.TZ;

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("sqlRows", () => {
  it("reads a timestamp column as the instant Prisma wrote, in a process whose zone is not UTC", async () => {
    process.env.TZ = "America/New_York";
    const user = await createTestUser();
    const written = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { createdAt: true } });
    const [row] = await sqlRows<{ createdAt: Date }>(Prisma.sql`SELECT "createdAt" FROM "User" WHERE id = ${user.id}::int`);
    expect(row!.createdAt.toISOString()).toBe(written.createdAt.toISOString());
  });

  it("writes a Date parameter as that instant, which Prisma then reads back unchanged", async () => {
    process.env.TZ = "Asia/Kolkata";
    const user = await createTestUser();
    const at = new Date("2026-03-04T05:06:07.089Z");
    await sqlRows(Prisma.sql`UPDATE "User" SET "suspendedAt" = ${at} WHERE id = ${user.id}::int`);
    const read = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { suspendedAt: true } });
    expect(read.suspendedAt?.toISOString()).toBe(at.toISOString());
  });

  it("prepares each statement once per connection and runs it again with other values", async () => {
    for (const value of [1, 2, 3, 4, 5, 6, 7]) {
      const [row] = await sqlRows<{ doubled: number }>(Prisma.sql`SELECT (${value}::int * 2) AS doubled`);
      expect(row!.doubled).toBe(value * 2);
    }
    // The connection that answers this query has prepared it: it lists itself among its prepared statements.
    const prepared = await sqlRows<{ statement: string }>(Prisma.sql`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'footnote_%'`);
    expect(prepared.map((row) => row.statement)).toContain(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'footnote_%'`);
  });

  it("passes values as parameters, never as SQL", async () => {
    const hostile = `'); DROP TABLE "User"; --`;
    const [row] = await sqlRows<{ echoed: string }>(Prisma.sql`SELECT ${hostile}::text AS echoed`);
    expect(row!.echoed).toBe(hostile);
    expect(await prisma.user.count()).toBe(0);
  });

  it("fails with PostgreSQL's error, which is not taken for an outage", async () => {
    const failure = await sqlRows(Prisma.sql`SELECT * FROM "NoSuchTable"`).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "42P01" });
    expect(isDatabaseUnavailable(failure)).toBe(false);
  });
});
