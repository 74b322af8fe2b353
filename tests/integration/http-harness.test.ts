// The HTTP harness itself: the built app answers over a real socket, on this worker's database.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { testApp } from "../http";

describe("integration tests over HTTP", () => {
  it("serves the built app on the worker's database", async () => {
    const app = await testApp();
    const health = await app.get("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, db: "up" });
    await prisma.episode.create({ data: { kind: "post", slug: "over-http", title: "Served over HTTP" } });
    const page = await app.get("/episodes/over-http");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Served over HTTP");
  });

  it("sends forms with our Origin and does not follow redirects", async () => {
    const app = await testApp();
    const response = await app.post("/login", { username: "nobody", password: "wrong-password" });
    expect(response.status).toBe(400);
    const foreign = await app.request("/login", { method: "POST", body: "username=x", headers: { Origin: "http://evil.example", "Content-Type": "application/x-www-form-urlencoded" } });
    expect(foreign.status).toBe(403);
  });
});
