// Races made deterministic: a test holds a lock in its own open transaction, starts the requests that
// race, waits until PostgreSQL reports them waiting for a lock, then lets them go. No sleep decides a result.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";

async function waitingSessions() {
  const [row] = await prisma.$queryRaw<{ waiting: number }[]>`
    SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return row?.waiting ?? 0;
}

/**
 * Runs `lock` in a transaction kept open while `race()` starts its requests, until `waiters` sessions
 * wait for a lock (or every request has answered); then commits and returns what the requests answered.
 */
export async function whileLocked<T>(lock: (tx: Prisma.TransactionClient) => Promise<unknown>, waiters: number, race: () => Promise<T>[]) {
  let answers: Promise<T>[] = [];
  await prisma.$transaction(
    async (tx) => {
      await lock(tx);
      let settled = 0;
      answers = race().map((answer) => answer.finally(() => void settled++));
      while (settled < answers.length && (await waitingSessions()) < waiters) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return Promise.all(answers);
}
