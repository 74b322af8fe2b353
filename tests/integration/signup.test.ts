import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { AccountTakenError, createMember } from "~/models/users/index.server";
import { loader as rootLoader } from "~/root";
import { action as signUpAction, loader as signUpLoader } from "~/routes/signup";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { SESSION_COOKIE } from "~/utils/session.server";
import { createNamedUser, outcomeOf, sessionCookieFor } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

const IP = "203.0.113.21";
const PASSWORD = "a long enough passphrase";

function signUp(fields: Record<string, string>, { ip = IP, cookie }: { ip?: string; cookie?: string } = {}) {
  const request = new Request("http://localhost/signup", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: cookie ? { Cookie: cookie } : {},
  });
  return outcomeOf(() => signUpAction({ request, params: {}, context: { clientIp: ip } }));
}

/** A complete, valid form for `username`, with any field overridden. */
function form(username: string, overrides: Record<string, string> = {}) {
  return { username, password: PASSWORD, confirmPassword: PASSWORD, email: "", website: "", ...overrides };
}

function tokenFrom(setCookie: string | null) {
  const match = setCookie?.match(new RegExp(`^${SESSION_COOKIE}=([^;]*)`));
  if (!match?.[1]) throw new Error(`no session token in ${setCookie}`);
  return match[1];
}

async function headerUser(cookie: string) {
  const request = new Request("http://localhost/", { headers: { Cookie: cookie } });
  const result = await outcomeOf(() => rootLoader({ request, params: {}, context: { clientIp: IP } }));
  return result.body.user as { username: string; role: string } | null;
}


describe("GET /signup", () => {
  it("shows the form, carrying the page to return to", async () => {
    const request = new Request("http://localhost/signup?redirectTo=%2Fepisodes%2Fftr-863");
    const result = await outcomeOf(() => signUpLoader({ request, params: {}, context: { clientIp: IP } }));
    expect(result).toMatchObject({ status: 200, body: { redirectTo: "/episodes/ftr-863" } });
  });

  it("sends a signed-in reader on to where they were going", async () => {
    const user = await createNamedUser("Ada");
    const request = new Request("http://localhost/signup?redirectTo=%2F%3Fpage%3D2", { headers: { Cookie: await sessionCookieFor(user.id) } });
    const result = await outcomeOf(() => signUpLoader({ request, params: {}, context: { clientIp: IP } }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/?page=2");
  });
});

describe("POST /signup", () => {
  it("creates a member with an argon2id hash, signs them in and sends them back", async () => {
    const result = await signUp(form("Grace_Hopper", { email: "  Grace@Example.ORG ", redirectTo: "/?page=2" }));
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/?page=2");

    const user = await prisma.user.findUniqueOrThrow({
      where: { usernameKey: "grace_hopper" },
      select: { id: true, username: true, email: true, role: true, passwordHash: true, suspendedAt: true },
    });
    expect(user).toMatchObject({ username: "Grace_Hopper", email: "grace@example.org", role: "member", suspendedAt: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);

    const setCookie = result.headers.get("Set-Cookie")!;
    expect(setCookie.split("; ")).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
    const token = tokenFrom(setCookie);
    const session = await prisma.session.findUniqueOrThrow({
      where: { id: createHash("sha256").update(token).digest("hex") },
      select: { userId: true },
    });
    expect(session.userId).toBe(user.id);
    expect(await headerUser(`${SESSION_COOKIE}=${token}`)).toEqual({ id: user.id, username: "Grace_Hopper", role: "member", unreadNotifications: 0 });
  });

  it("stores an empty email as none, and two accounts may both have none", async () => {
    expect((await signUp(form("first-one"))).status).toBe(303);
    expect((await signUp(form("second.one", { email: "   " }))).status).toBe(303);
    const users = await prisma.user.findMany({ select: { email: true } });
    expect(users).toEqual([{ email: null }, { email: null }]);
  });

  it("goes home after signing up when the destination is another site", async () => {
    for (const [username, redirectTo] of [
      ["elsewhere1", "//evil.example/path"],
      ["elsewhere2", "https://evil.example/"],
      ["elsewhere3", "/\\evil.example"],
    ]) {
      const result = await signUp(form(username!, { redirectTo: redirectTo! }));
      expect(result.status).toBe(303);
      expect(result.headers.get("Location")).toBe("/");
    }
  });

  it("replaces the session this browser already had", async () => {
    const existing = await createNamedUser("Ada");
    const cookie = await sessionCookieFor(existing.id);
    expect((await signUp(form("newcomer"), { cookie })).status).toBe(303);
    expect(await prisma.session.count({ where: { userId: existing.id } })).toBe(0);
  });

  describe("refuses with 400, the message beside the field, the typed values kept and the passwords dropped", () => {
    it.each([
      ["an empty form", {}, { username: "Choose a username.", password: "Choose a password.", confirmPassword: "Type the password again." }],
      ["a short username", { username: "ab" }, { username: "A username has at least 3 characters." }],
      ["a long username", { username: "a".repeat(33) }, { username: "A username has at most 32 characters." }],
      ["a space in the username", { username: "Ada Lovelace" }, { username: "Use only letters, digits and the characters _ - . in a username." }],
      ["other characters in the username", { username: "ada@home" }, { username: "Use only letters, digits and the characters _ - . in a username." }],
      ["a short password", { password: "short", confirmPassword: "short" }, { password: "A password has at least 10 characters." }],
      ["a password over 1024 characters", { password: "p".repeat(1025), confirmPassword: "p".repeat(1025) }, { password: "A password has at most 1024 characters." }],
      ["the username as password", { username: "LongUsername", password: "longusername", confirmPassword: "longusername" }, { password: "Choose a password that is not your username." }],
      ["a mismatched confirmation", { confirmPassword: "a different passphrase" }, { confirmPassword: "The two passwords do not match." }],
      ["a missing confirmation", { confirmPassword: "" }, { confirmPassword: "Type the password again." }],
      ["a malformed email", { email: "ada.example.org" }, { email: "Enter an email address such as name@example.org, or leave the field empty." }],
    ] as const)("%s", async (_name, overrides, messages) => {
      const fields: Record<string, string> =
        Object.keys(overrides).length === 0 ? {} : { ...form("ada-l", { email: "ada@example.org" }), ...overrides };
      const result = await signUp(fields);
      expect(result.status).toBe(400);
      expect(result.body.errors).toMatchObject(messages);
      for (const field of ["username", "password", "confirmPassword", "email"] as const) {
        if (!(field in messages)) expect(result.body.errors[field]).toBeUndefined();
      }
      expect(result.body.fields).toEqual({ username: fields.username ?? "", email: fields.email ?? "" });
      expect(JSON.stringify(result.body)).not.toContain(PASSWORD);
      expect(result.headers.get("Set-Cookie")).toBeNull();
      expect(await prisma.user.count()).toBe(0);
    });
  });

  it.each(["admin", "Moderator", "FOOTNOTE", "system", "Mod_erator"])("refuses the reserved name %s", async (username) => {
    const result = await signUp(form(username));
    expect(result.status).toBe(400);
    expect(result.body.errors.username).toBe("That name is reserved. Choose another.");
    expect(await prisma.user.count()).toBe(0);
  });

  describe("names of imported authors", () => {
    beforeEach(async () => {
      await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    });

    it.each(["Pterrafractyl", "pterrafractyl", "Dave Emory", "dave_emory", "DAVE.EMORY"])("refuses %s", async (username) => {
      const result = await signUp(form(username));
      expect(result.status).toBe(400);
      expect(result.body.errors.username).toBe("That name belongs to an imported author.");
      expect(result.body.fields.username).toBe(username);
      expect(await prisma.user.count()).toBe(0);
    });

    it("accepts a name that only contains an imported author's", async () => {
      expect((await signUp(form("Pterrafractyl-fan"))).status).toBe(303);
    });
  });

  it("refuses a username taken in another case", async () => {
    await createNamedUser("Ada");
    const result = await signUp(form("ADA"));
    expect(result.status).toBe(400);
    expect(result.body.errors.username).toBe("That username is taken. Choose another.");
    expect(result.body.fields.username).toBe("ADA");
    expect(await prisma.user.count()).toBe(1);
  });

  it("refuses an email another account uses, in any case", async () => {
    await createNamedUser("Ada", { email: "ada@example.org" });
    const result = await signUp(form("grace", { email: "ADA@example.org" }));
    expect(result.status).toBe(400);
    expect(result.body.errors).toMatchObject({ email: "An account already uses that email address." });
    expect(result.body.errors.username).toBeUndefined();
    expect(await prisma.user.count()).toBe(1);
  });

  it("names a taken username and a short password at once", async () => {
    await createNamedUser("Ada");
    const result = await signUp(form("ada", { password: "short", confirmPassword: "short" }));
    expect(result.body.errors).toMatchObject({
      username: "That username is taken. Choose another.",
      password: "A password has at least 10 characters.",
    });
  });

  it("answers the loser of a race for the same name with the message, not an error", async () => {
    const results = await Promise.all([signUp(form("racer")), signUp(form("RACER"))]);
    expect(results.map((result) => result.status).sort()).toEqual([303, 400]);
    const loser = results.find((result) => result.status === 400)!;
    expect(loser.body.errors.username).toBe("That username is taken. Choose another.");
    expect(await prisma.user.count()).toBe(1);
  });

  it("answers the loser of a race for the same email with the message beside the email", async () => {
    const results = await Promise.all([
      signUp(form("racer-one", { email: "race@example.org" })),
      signUp(form("racer-two", { email: "race@example.org" })),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([303, 400]);
    expect(results.find((result) => result.status === 400)!.body.errors.email).toBe("An account already uses that email address.");
  });

  it("creates nothing when the hidden field is filled, and says only that it failed", async () => {
    const result = await signUp(form("helpful-bot", { website: "https://spam.example" }));
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual({ form: "Sign-up could not be completed." });
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.user.count()).toBe(0);
  });

  it("allows 5 accounts an hour from one address, then answers 429 on the form", async () => {
    for (let index = 1; index <= 5; index += 1) expect((await signUp(form(`member-${index}`))).status).toBe(303);
    const refused = await signUp(form("member-6", { email: "six@example.org" }));
    expect(refused.status).toBe(429);
    expect(refused.body.errors.form).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    expect(refused.body.fields).toEqual({ username: "member-6", email: "six@example.org" });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await prisma.user.count()).toBe(5);
    // Another address is unaffected.
    expect((await signUp(form("member-7"), { ip: "198.51.100.40" })).status).toBe(303);
  });

  it("does not count a form with mistakes against the address", async () => {
    for (let index = 1; index <= 8; index += 1) expect((await signUp(form(`typo-${index}`, { confirmPassword: "oops" }))).status).toBe(400);
    expect((await signUp(form("finally-right"))).status).toBe(303);
  });
});

describe("createMember", () => {
  // The route checks names and emails first; the unique index decides when two sign-ups pass that check together.
  it("reports which field a concurrent sign-up took", async () => {
    await createMember({ username: "Ada", password: PASSWORD, email: "ada@example.org" });
    await expect(createMember({ username: "ADA", password: PASSWORD, email: null })).rejects.toMatchObject({ field: "username" });
    await expect(createMember({ username: "grace", password: PASSWORD, email: "ada@example.org" })).rejects.toMatchObject({ field: "email" });
    await expect(createMember({ username: "grace", password: PASSWORD, email: "ADA@example.org" })).rejects.toBeInstanceOf(AccountTakenError);
  });
});
