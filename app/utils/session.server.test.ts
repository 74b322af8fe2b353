import { describe, expect, it } from "vitest";
import { cookieSecure, getEnv } from "./env.server";
import { blankSessionCookie, readSessionToken, SESSION_COOKIE, sessionCookie } from "./session.server";

describe("the session cookie", () => {
  const expires = new Date("2030-01-02T03:04:05Z");

  it("is HttpOnly, SameSite=Lax, for the whole site, and expires with the session", () => {
    expect(sessionCookie("abc", expires, { secure: false })).toBe(
      `${SESSION_COOKIE}=abc; Path=/; HttpOnly; SameSite=Lax; Expires=Wed, 02 Jan 2030 03:04:05 GMT`,
    );
  });

  it("carries Secure when asked to", () => {
    expect(sessionCookie("abc", expires, { secure: true }).split("; ")).toContain("Secure");
    expect(blankSessionCookie({ secure: true }).split("; ")).toContain("Secure");
  });

  it("is cleared by a blank value that expires at once", () => {
    expect(blankSessionCookie({ secure: false })).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
  });

  it("is read back from a Cookie header among others", () => {
    const request = new Request("http://localhost/", { headers: { Cookie: `theme=dark; ${SESSION_COOKIE}=abc; other=1` } });
    expect(readSessionToken(request)).toBe("abc");
    expect(readSessionToken(new Request("http://localhost/"))).toBeNull();
  });

  it("reads a mangled value as no session rather than failing the page", () => {
    const request = new Request("http://localhost/", { headers: { Cookie: `${SESSION_COOKIE}=%E0%A4%A` } });
    expect(readSessionToken(request)).toBeNull();
  });
});

describe("cookieSecure", () => {
  const env = getEnv();

  it("defaults to Secure in production and not elsewhere", () => {
    expect(cookieSecure({ ...env, NODE_ENV: "production", COOKIE_SECURE: undefined })).toBe(true);
    expect(cookieSecure({ ...env, NODE_ENV: "development", COOKIE_SECURE: undefined })).toBe(false);
  });

  it("follows COOKIE_SECURE when it is set", () => {
    expect(cookieSecure({ ...env, NODE_ENV: "production", COOKIE_SECURE: false })).toBe(false);
    expect(cookieSecure({ ...env, NODE_ENV: "development", COOKIE_SECURE: true })).toBe(true);
  });
});
