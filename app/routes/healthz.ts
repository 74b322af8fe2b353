import { DATABASE_LIMITS, prisma } from "~/utils/db.server";
import { jsonResponse } from "~/utils/http";

/**
 * Liveness and database reachability for load balancers and `docker compose`. "down" means the database
 * refused or did not answer within the wait any request has for a connection: a busy process (its pool in
 * use, its event loop behind) answered "down" under the load test with a shorter bound, though the database was up.
 */
export async function loader() {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("database timeout")), DATABASE_LIMITS.connectionWaitMs))),
    ]);
    return jsonResponse({ ok: true, db: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return jsonResponse({ ok: false, db: "down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  } finally {
    clearTimeout(timer);
  }
}
