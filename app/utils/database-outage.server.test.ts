import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "./database-outage.server";

// Shapes taken from a real outage: Prisma over @prisma/adapter-pg with the server stopped (scripts/load/run.ts).
const unreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:54410"), {
  code: "P1001",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 54410 } } },
});
const rawQueryFailed = Object.assign(new Error("Raw query failed. Code: `N/A`."), {
  code: "P2010",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});

describe("isDatabaseUnavailable", () => {
  test("recognises an unreachable server, however Prisma wraps it", () => {
    expect(isDatabaseUnavailable(unreachable)).toBe(true);
    expect(isDatabaseUnavailable(rawQueryFailed)).toBe(true);
  });

  test("recognises a server shutting down, a dropped connection and an exhausted pool", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("the database system is shutting down"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }))).toBe(true);
  });

  test("leaves bugs and refused writes to their own answers", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(new Response("Not found", { status: 404 }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
