// Expired sessions do not pile up: every sign-in sweeps them, everyone's.
import { describe, expect, it } from "vitest";
import { createSession, generateSessionToken } from "~/models/session.server";
import { prisma } from "~/utils/db.server";
import { createNamedUser } from "../factories";
import { testApp } from "../http";

describe("expired sessions", () => {
  it("are deleted when anyone signs in; live sessions stay", async () => {
    const app = await testApp();
    const other = await createNamedUser("someone-else");
    await createSession(generateSessionToken(), other.id);
    const expired = await createSession(generateSessionToken(), other.id);
    await prisma.session.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await createNamedUser("signer", { password: "a long enough password" });

    const response = await app.post("/login", { username: "signer", password: "a long enough password" });
    expect(response.status).toBe(303);
    expect(await prisma.session.count({ where: { id: expired.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: other.id } })).toBe(1);
  });
});
