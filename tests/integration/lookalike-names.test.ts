// Issue 11, item 7 over HTTP: a new username that a reader could take for an existing member or an
// imported author (UTS #39 confusables skeleton, ADR 0014) is refused at sign-up.
import { describe, expect, it } from "vitest";
import { createNamedUser } from "../factories";
import { testApp } from "../http";
import { prisma } from "~/utils/db.server";

function signUpFields(username: string) {
  return { username, password: "long enough password", confirmPassword: "long enough password", email: "" };
}

describe("look-alike names at sign-up", () => {
  it("refuses “PterrafractyI” (capital i) next to the imported author Pterrafractyl", async () => {
    const app = await testApp();
    // Written as an older import would have: no skeleton stored yet.
    await prisma.importedAuthor.create({ data: { name: "Pterrafractyl" } });
    const response = await app.post("/signup", signUpFields("PterrafractyI"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("That name belongs to an imported author.");
    expect(await prisma.user.count()).toBe(0);
  });

  it("refuses “DaveEm0ry” (zero) next to the imported author Dave Emory and next to a member DaveEmory", async () => {
    const app = await testApp();
    await prisma.importedAuthor.create({ data: { name: "Dave Emory" } });
    const nextToAuthor = await app.post("/signup", signUpFields("DaveEm0ry"));
    expect(nextToAuthor.status).toBe(400);
    expect(await nextToAuthor.text()).toContain("That name belongs to an imported author.");

    await prisma.importedAuthor.deleteMany();
    await createNamedUser("DaveEmory");
    const nextToMember = await app.post("/signup", signUpFields("DaveEm0ry"));
    expect(nextToMember.status).toBe(400);
    expect(await nextToMember.text()).toContain("could be mistaken for “DaveEmory”, an existing member");
    expect(await prisma.user.count()).toBe(1);
  });

  it("still accepts a name that only resembles another in spelling", async () => {
    const app = await testApp();
    await prisma.importedAuthor.create({ data: { name: "Dave Emory" } });
    const response = await app.post("/signup", signUpFields("DaveEmery"));
    expect(response.status).toBe(303);
  });
});
