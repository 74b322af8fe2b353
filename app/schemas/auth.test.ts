import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SignInSchema, SignOutSchema } from "./auth";

const messages = (input: unknown) => {
  const result = SignInSchema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("SignInSchema", () => {
  it("trims the username but keeps the password exactly as typed", () => {
    expect(SignInSchema.parse({ username: "  Ada ", password: " secret " })).toEqual({ username: "Ada", password: " secret " });
  });

  it("asks for each missing field by name", () => {
    expect(messages({})).toEqual({ username: ["Enter your username."], password: ["Enter your password."] });
    expect(messages({ username: "   ", password: "" })).toEqual({
      username: ["Enter your username."],
      password: ["Enter your password."],
    });
  });

  it("refuses absurdly long input with a readable message", () => {
    expect(messages({ username: "a".repeat(65), password: "p".repeat(1025) })).toEqual({
      username: ["A username has at most 64 characters."],
      password: ["A password has at most 1024 characters."],
    });
  });

  it("keeps the page to return to", () => {
    expect(SignInSchema.parse({ username: "a", password: "b", redirectTo: "/?page=2" }).redirectTo).toBe("/?page=2");
  });
});

describe("SignOutSchema", () => {
  it("signs out of this device unless told otherwise", () => {
    expect(SignOutSchema.parse({})).toEqual({ scope: "this-device" });
    expect(SignOutSchema.parse({ scope: "everywhere" })).toEqual({ scope: "everywhere" });
  });

  it("refuses an unknown scope", () => {
    expect(SignOutSchema.safeParse({ scope: "galaxy" }).success).toBe(false);
  });
});
