// A document render is abandoned after ABORT_DELAY (app/entry.server.tsx). The timer that would do it held
// the request's whole React render for those 5 s even when the page was long sent: at 170 signed-in pages
// a second, 320–350 MB resident instead of 175–185 (docs/performance.md). It must be cleared once the page
// is all rendered — for a signed-in reader's page and for an anonymous one alike.
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../factories";
import { testApp } from "../http";

afterEach(() => {
  vi.restoreAllMocks();
});

/** The timers set with React's `abort` as their callback while `read` runs, and which of them were cleared. */
async function abandonTimers(read: () => Promise<void>) {
  const set = globalThis.setTimeout;
  const clear = globalThis.clearTimeout;
  const abandons = new Set<unknown>();
  const cleared = new Set<unknown>();
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = set(callback, ms, ...args);
    if (callback.name === "abort") abandons.add(timer);
    return timer;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, "clearTimeout").mockImplementation(((timer?: Parameters<typeof clearTimeout>[0]) => {
    cleared.add(timer);
    clear(timer);
  }) as typeof clearTimeout);
  await read();
  vi.restoreAllMocks();
  return { abandons: [...abandons], pending: [...abandons].filter((timer) => !cleared.has(timer)) };
}

describe("a rendered document", () => {
  it("lets its render go once it is all rendered: the timer that would abandon it is cleared", async () => {
    const app = await testApp();
    const episode = await prisma.episode.create({ data: { kind: "post", slug: "render-timers", title: "Render timers" } });
    const member = await signedIn("member");
    for (const cookie of [member.cookie, undefined]) {
      const { abandons, pending } = await abandonTimers(async () => {
        const response = await app.get(`/episodes/${episode.slug}`, cookie ? { cookie } : {});
        expect(response.status).toBe(200);
        await response.text();
      });
      expect(abandons.length).toBeGreaterThan(0);
      expect(pending).toEqual([]);
    }
  });
});
