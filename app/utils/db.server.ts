import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

// One client per process; in development the module is re-evaluated on every rebuild,
// so the instance is kept on globalThis to avoid exhausting connections.
const globalForPrisma = globalThis as unknown as { __footnotePrisma?: PrismaClient };

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start and npm test set it for the embedded PostgreSQL).");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export const prisma: PrismaClient = (globalForPrisma.__footnotePrisma ??= createClient());
