// The app's connections to PostgreSQL: the pool Prisma and `sqlRows` share (utils/db.server.ts) and the rate limits' (utils/rate-limit.server.ts).
// Whatever stops the app — a graceful shutdown, a script that served it, a test run — closes both with this,
// after its server stopped taking requests, so the database can stop or be dropped with nothing left open.
import { closeAppPool, prisma } from "~/utils/db.server";
import { closeRateLimits } from "~/utils/rate-limit.server";

export async function closeAppConnections() {
  await Promise.all([prisma.$disconnect().then(closeAppPool), closeRateLimits()]);
}
