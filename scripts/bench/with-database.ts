// Benchmarks run against their own throwaway embedded PostgreSQL (or fresh databases on DATABASE_URL's server).
import { createMigratedDatabase, dropDatabase, startTestServer } from "../../tests/setup/test-database";

export async function withBenchDatabase<T>(label: string, work: (url: string) => Promise<T>): Promise<T> {
  const server = await startTestServer(`bench-${label}`);
  const name = `footnote_bench_${label.replace(/\W/g, "_")}_${process.pid}`;
  const url = await createMigratedDatabase(server, name);
  process.env.DATABASE_URL = url;
  try {
    return await work(url);
  } finally {
    const { prisma } = await import("../../app/utils/db.server");
    await prisma.$disconnect();
    await dropDatabase(server, name);
    await server.stop();
  }
}
