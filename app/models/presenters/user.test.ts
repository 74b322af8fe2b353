import { describe, expect, it } from "vitest";
import { articledRole } from "~/models/presenters/user";

describe("articledRole", () => {
  it("names each role with its article, as the admin page's messages say it", () => {
    expect(articledRole("admin")).toBe("an admin");
    expect(articledRole("moderator")).toBe("a moderator");
    expect(articledRole("member")).toBe("a member");
  });
});
