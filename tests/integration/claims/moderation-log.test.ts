import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../../factories";

describe("the public moderation log", () => {
  it("lists account decisions to staff only", async () => {
    const { listModerationLog } = await import("~/models/claims/index.server");
    const admin = await signedIn("admin");
    await prisma.moderationLog.create({ data: { actorId: admin.user.id, action: "user.suspended", targetType: "user", targetId: String(admin.user.id), reason: "spam" } });
    expect((await listModerationLog({ viewer: null })).total).toBe(0);
    expect((await listModerationLog({ viewer: { id: admin.user.id, role: "moderator" } })).total).toBe(1);
  });
});
