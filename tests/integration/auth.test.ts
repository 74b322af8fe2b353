import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createSession, generateSessionToken, SESSION_LIFETIME } from "~/models/session.server";
import { createUser } from "~/models/users/index.server";
import { loader as rootLoader } from "~/root";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction, loader as logoutLoader } from "~/routes/logout";
import { prisma } from "~/utils/db.server";
import { SESSION_COOKIE } from "~/utils/session.server";

const DAY = 24 * 60 * 60 * 1000;
const IP = "203.0.113.7";
const context = { clientIp: IP };
const PASSWORD = "correct horse battery staple";
const WRONG_CREDENTIALS = "The username or password is incorrect.";

type Outcome = { status: number; headers: Headers; body: any };

/** What the browser would get: a returned or thrown Response, or a `data()` result with its status. */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) return { status: value.status, headers: value.headers, body: await value.text() };
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), body: data };
  }
  return { status: 200, headers: new Headers(), body: value };
}

function signIn(fields: Record<string, string>, { cookie, ip = IP, url = "/login" }: { cookie?: string; ip?: string; url?: string } = {}) {
  const request = new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: cookie ? { Cookie: cookie } : {},
  });
  return outcome(() => loginAction({ request, params: {}, context: { clientIp: ip } }));
}

function signOut(cookie: string | null, fields: Record<string, string> = {}) {
  const request = new Request("http://localhost/logout", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: cookie ? { Cookie: cookie } : {},
  });
  return outcome(() => logoutAction({ request, params: {}, context }));
}

/** The root loader: the header's user and the cookie it sets, for a browser holding `cookie`. */
async function loadPage(cookie: string | null) {
  const request = new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });
  const result = await outcome(() => rootLoader({ request, params: {}, context }));
  return { user: result.body.user as { id: number; username: string; role: string } | null, setCookie: result.headers.get("Set-Cookie") };
}

function tokenFrom(setCookie: string | null) {
  const match = setCookie?.match(new RegExp(`^${SESSION_COOKIE}=([^;]*)`));
  if (!match?.[1]) throw new Error(`no session token in ${setCookie}`);
  return match[1];
}

const cookieHeader = (token: string) => `${SESSION_COOKIE}=${token}`;
const sha256Hex = (token: string) => createHash("sha256").update(token).digest("hex");

async function signedIn(username = "ada") {
  const result = await signIn({ username, password: PASSWORD });
  expect(result.status).toBe(303);
  const token = tokenFrom(result.headers.get("Set-Cookie"));
  return { token, cookie: cookieHeader(token) };
}

beforeEach(async () => {
  await createUser({ username: "Ada", password: PASSWORD });
});

describe("GET /login", () => {
  it("shows the form, carrying the page to return to", async () => {
    const request = new Request("http://localhost/login?redirectTo=%2F%3Fpage%3D2");
    const result = await outcome(() => loginLoader({ request, params: {}, context }));
    expect(result).toMatchObject({ status: 200, body: { redirectTo: "/?page=2" } });
  });

  it("sends a signed-in reader on to where they were going", async () => {
    const { cookie } = await signedIn();
    const request = new Request("http://localhost/login?redirectTo=%2Fepisodes%2Fftr-863", { headers: { Cookie: cookie } });
    const result = await outcome(() => loginLoader({ request, params: {}, context }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/episodes/ftr-863");
  });

  it("never sends a signed-in reader to another site", async () => {
    const { cookie } = await signedIn();
    const request = new Request("http://localhost/login?redirectTo=%2F%2Fevil.com", { headers: { Cookie: cookie } });
    const result = await outcome(() => loginLoader({ request, params: {}, context }));
    expect(result.headers.get("Location")).toBe("/");
  });
});

describe("POST /login", () => {
  it("signs in: a session cookie that scripts cannot read, then back to the page", async () => {
    const result = await signIn({ username: "Ada", password: PASSWORD, redirectTo: "/?page=2" });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/?page=2");
    const setCookie = result.headers.get("Set-Cookie")!;
    const attributes = setCookie.split("; ");
    expect(attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
    expect(attributes.find((part) => part.startsWith("Expires="))).toBeDefined();
    // COOKIE_SECURE is unset and NODE_ENV is "test" here.
    expect(attributes).not.toContain("Secure");

    const page = await loadPage(cookieHeader(tokenFrom(setCookie)));
    expect(page.user).toEqual({ id: expect.any(Number), username: "Ada", role: "member", unreadNotifications: 0 });
  });

  it("accepts the username in any case and with stray spaces", async () => {
    const result = await signIn({ username: "  ADA ", password: PASSWORD });
    expect(result.status).toBe(303);
  });

  it("stores only the SHA-256 of the token, so the database alone cannot sign anyone in", async () => {
    const { token } = await signedIn();
    expect(await prisma.session.findUnique({ where: { id: token } })).toBeNull();
    const stored = await prisma.session.findUniqueOrThrow({ where: { id: sha256Hex(token) }, select: { expiresAt: true } });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME - DAY);
    // A cookie holding the stored id is not a session.
    expect((await loadPage(cookieHeader(sha256Hex(token)))).user).toBeNull();
  });

  it("replaces the session this browser already had", async () => {
    const first = await signedIn();
    const second = await signIn({ username: "Ada", password: PASSWORD }, { cookie: first.cookie });
    expect(second.status).toBe(303);
    expect(await prisma.session.findUnique({ where: { id: sha256Hex(first.token) } })).toBeNull();
    expect(await prisma.session.count()).toBe(1);
  });

  it("answers a wrong password with 400, the message and the typed username, never the password", async () => {
    const result = await signIn({ username: "Ada", password: "wrong password", redirectTo: "/?page=2" });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ fields: { username: "Ada" }, errors: { form: WRONG_CREDENTIALS } });
    expect(JSON.stringify(result.body)).not.toContain("wrong password");
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.session.count()).toBe(0);
  });

  it("answers an unknown username with the same message, so names cannot be probed", async () => {
    const result = await signIn({ username: "nobody", password: PASSWORD });
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual({ form: WRONG_CREDENTIALS });
  });

  it("names each missing field beside it", async () => {
    const result = await signIn({ username: "   ", password: "" });
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual({ username: "Enter your username.", password: "Enter your password." });
  });

  it("answers a body that is not a form with the field messages, not a crash", async () => {
    const request = new Request("http://localhost/login", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    const result = await outcome(() => loginAction({ request, params: {}, context }));
    expect(result.status).toBe(400);
    expect(result.body.errors.username).toBe("Enter your username.");
  });

  it("refuses a suspended account even with the right password", async () => {
    await createUser({ username: "Grace", password: PASSWORD });
    await prisma.user.update({ where: { usernameKey: "grace" }, data: { suspendedAt: new Date(), suspendedReason: "spam" } });
    const result = await signIn({ username: "Grace", password: PASSWORD });
    expect(result.status).toBe(403);
    expect(result.body.errors).toEqual({ form: "This account is suspended." });
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.session.count()).toBe(0);
  });

  it.each([
    ["//evil.com", "a protocol-relative URL"],
    ["https://evil.com", "an absolute URL"],
    ["/\\evil.com", "a backslash path browsers read as another host"],
    ["evil.com", "a relative path"],
  ])("sends %s (%s) to / instead", async (redirectTo) => {
    const result = await signIn({ username: "Ada", password: PASSWORD, redirectTo });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/");
  });
});

describe("sign-in rate limits", () => {
  it("makes one address wait after five wrong passwords for a username, and never refuses the owner elsewhere", async () => {
    // Counted from this address only; a wait starts after the fifth failure and grows (ADR 0012).
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await signIn({ username: "Ada", password: `wrong ${attempt}` })).status).toBe(400);
    }
    const waiting = await signIn({ username: "Ada", password: "wrong 6" });
    expect(waiting.status).toBe(429);
    expect(waiting.body.errors.form).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    expect(waiting.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(waiting.body.fields.username).toBe("Ada");

    // The owner, from another address, signs in: the account itself is never locked.
    expect((await signIn({ username: "ada", password: PASSWORD }, { ip: "198.51.100.77" })).status).toBe(303);

    // The wait passing, without waiting for it: the right password from the first address then works.
    await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "sign-in-wait:" } } });
    expect((await signIn({ username: "Ada", password: PASSWORD })).status).toBe(303);
  });

  it("forgives earlier failures once the right password is given", async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) await signIn({ username: "Ada", password: "wrong" });
    expect((await signIn({ username: "Ada", password: PASSWORD })).status).toBe(303);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await signIn({ username: "Ada", password: "wrong" })).status).toBe(400);
    }
  });

  it("does not slow one account down because another is attacked", async () => {
    for (let attempt = 1; attempt <= 6; attempt += 1) await signIn({ username: "nobody", password: "wrong" });
    expect((await signIn({ username: "nobody", password: "wrong" })).status).toBe(429);
    expect((await signIn({ username: "Ada", password: PASSWORD })).status).toBe(303);
  });

  it("refuses an address after 50 attempts, whatever usernames it tries", async () => {
    const ip = "198.51.100.9";
    for (let attempt = 1; attempt <= 50; attempt += 1) {
      expect((await signIn({ username: `user-${attempt}`, password: "" }, { ip })).status).toBe(400);
    }
    const refused = await signIn({ username: "Ada", password: PASSWORD }, { ip });
    expect(refused.status).toBe(429);
    expect(refused.body.errors.form).toMatch(/Try again in \d+ seconds?\./);
    // Another address is unaffected.
    expect((await signIn({ username: "Ada", password: PASSWORD })).status).toBe(303);
  });
});

describe("sessions over time", () => {
  it("extends a session used in its second half, and the cookie with it", async () => {
    const { token, cookie } = await signedIn();
    const id = sha256Hex(token);
    await prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 10 * DAY) } });

    const page = await loadPage(cookie);
    expect(page.user?.username).toBe("Ada");
    const { expiresAt } = await prisma.session.findUniqueOrThrow({ where: { id }, select: { expiresAt: true } });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME - DAY);
    const cookieExpires = new Date(page.setCookie!.match(/Expires=([^;]+)/)![1]!);
    expect(Math.abs(cookieExpires.getTime() - expiresAt.getTime())).toBeLessThan(1000);
  });

  it("leaves a session in its first half as it is", async () => {
    const { token, cookie } = await signedIn();
    const id = sha256Hex(token);
    const twentyDays = new Date(Date.now() + 20 * DAY);
    await prisma.session.update({ where: { id }, data: { expiresAt: twentyDays } });
    await loadPage(cookie);
    const { expiresAt } = await prisma.session.findUniqueOrThrow({ where: { id }, select: { expiresAt: true } });
    expect(expiresAt.getTime()).toBe(twentyDays.getTime());
  });

  it("rejects and deletes an expired session, and clears its cookie", async () => {
    const { token, cookie } = await signedIn();
    const id = sha256Hex(token);
    await prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await loadPage(cookie);
    expect(page.user).toBeNull();
    expect(page.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
  });

  it("treats an unknown token as signed out", async () => {
    const page = await loadPage(cookieHeader(generateSessionToken()));
    expect(page.user).toBeNull();
    expect(page.setCookie).toMatch(/Max-Age=0/);
  });

  it("gives the header only the name, id, role and unread count", async () => {
    const { cookie } = await signedIn();
    await prisma.user.update({ where: { usernameKey: "ada" }, data: { role: "moderator" } });
    expect((await loadPage(cookie)).user).toEqual({ id: expect.any(Number), username: "Ada", role: "moderator", unreadNotifications: 0 });
  });
});

describe("POST /logout", () => {
  it("ends this browser's session, clears the cookie and goes home", async () => {
    const here = await signedIn();
    const elsewhere = await signedIn();
    const result = await signOut(here.cookie);
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/");
    expect(result.headers.get("Set-Cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`));
    expect(await prisma.session.findUnique({ where: { id: sha256Hex(here.token) } })).toBeNull();
    expect((await loadPage(here.cookie)).user).toBeNull();
    // The other device stays signed in.
    expect((await loadPage(elsewhere.cookie)).user?.username).toBe("Ada");
  });

  it("signs out everywhere: every session of the user, and nobody else's", async () => {
    await createUser({ username: "Grace", password: PASSWORD });
    const laptop = await signedIn();
    const phone = await signedIn();
    const grace = await signedIn("grace");
    const result = await signOut(laptop.cookie, { scope: "everywhere" });
    expect(result.status).toBe(303);
    expect((await loadPage(laptop.cookie)).user).toBeNull();
    expect((await loadPage(phone.cookie)).user).toBeNull();
    expect((await loadPage(grace.cookie)).user?.username).toBe("Grace");
    expect(await prisma.session.count()).toBe(1);
  });

  it("answers an unknown scope with 400 and signs nobody out", async () => {
    const { cookie } = await signedIn();
    const result = await signOut(cookie, { scope: "galaxy" });
    expect(result.status).toBe(400);
    expect((await loadPage(cookie)).user?.username).toBe("Ada");
  });

  it("clears the cookie of a browser whose session had already ended", async () => {
    const result = await signOut(cookieHeader(generateSessionToken()));
    expect(result.status).toBe(303);
    expect(result.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
  });

  it("does nothing on GET: a link or a prefetch cannot sign anyone out", async () => {
    const { token, cookie } = await signedIn();
    const result = await outcome(async () => logoutLoader());
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/");
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: sha256Hex(token) } })).not.toBeNull();
    expect((await loadPage(cookie)).user?.username).toBe("Ada");
  });
});

describe("the Secure flag", () => {
  it("is on the session cookie when COOKIE_SECURE is true", async () => {
    // The environment is read once per module instance, so load the route afresh under the new value.
    vi.stubEnv("COOKIE_SECURE", "true");
    vi.resetModules();
    try {
      const { action } = await import("~/routes/login");
      const request = new Request("http://localhost/login", {
        method: "POST",
        body: new URLSearchParams({ username: "Ada", password: PASSWORD }),
      });
      const result = await outcome(() => action({ request, params: {}, context: { clientIp: "192.0.2.1" } }));
      expect(result.status).toBe(303);
      expect(result.headers.get("Set-Cookie")!.split("; ")).toContain("Secure");
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
