import { prisma } from "~/utils/db.server";
import { jsonResponse } from "~/utils/http";

/** Liveness and database reachability for load balancers and `docker compose`. */
export async function loader() {
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), 2_000)),
    ]);
    return jsonResponse({ ok: true, db: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return jsonResponse({ ok: false, db: "down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
