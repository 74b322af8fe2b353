// Issue 11, items 5 and 6 over HTTP: the address the limits count cannot be chosen by a client behind
// TRUST_PROXY=1, sign-in failures never lock an account from anywhere, and every 429 says when to retry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNamedUser, signedIn } from "../factories";
import { testApp } from "../http";
import { prisma } from "~/utils/db.server";

const PASSWORD = "correct horse battery";
let previousTrustProxy: string | undefined;

beforeAll(() => {
  // One reverse proxy in front: it appends the address it saw to X-Forwarded-For.
  previousTrustProxy = process.env.TRUST_PROXY;
  process.env.TRUST_PROXY = "1";
});

afterAll(() => {
  if (previousTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = previousTrustProxy;
});

/** A request as the proxy forwards it: whatever the client wrote, then the address the proxy saw. */
function viaProxy(clientAddress: string, clientWrote?: string) {
  return { headers: { "X-Forwarded-For": clientWrote ? `${clientWrote}, ${clientAddress}` : clientAddress } };
}

function signUpFields(username: string) {
  return { username, password: "long enough password", confirmPassword: "long enough password", email: "" };
}

describe("TRUST_PROXY=1: the address the limits use", () => {
  it("is the one the proxy saw: a client-supplied left-most X-Forwarded-For cannot choose it, and clients behind the proxy count apart", async () => {
    const app = await testApp();
    // Five sign-ups are the allowance of one address; the client writes a new address in front each time.
    for (let index = 1; index <= 5; index += 1) {
      const created = await app.post("/signup", signUpFields(`spoofer-${index}`), viaProxy("203.0.113.9", `10.9.9.${index}`));
      expect(created.status).toBe(303);
    }
    const refused = await app.post("/signup", signUpFields("spoofer-6"), viaProxy("203.0.113.9", "10.9.9.6"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await prisma.user.count({ where: { username: "spoofer-6" } })).toBe(0);

    // Another client behind the same proxy has its own allowance.
    expect((await app.post("/signup", signUpFields("neighbour"), viaProxy("198.51.100.20"))).status).toBe(303);
  });
});

describe("sign-in throttling cannot be turned against the owner", () => {
  it("an attacker's wrong passwords from one address slow that address down and never lock the owner out", async () => {
    const app = await testApp();
    await createNamedUser("chief", { role: "admin", password: PASSWORD });
    const attacker = viaProxy("203.0.113.66");
    let waited: Response | undefined;
    for (let attempt = 1; attempt <= 15 && !waited; attempt += 1) {
      const response = await app.post("/login", { username: "chief", password: `guess ${attempt}` }, attacker);
      if (response.status === 429) waited = response;
      else expect(response.status).toBe(400);
    }
    expect(waited?.status).toBe(429);
    expect(Number(waited?.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await waited?.text()).toMatch(/Too many attempts\. Try again in \d+ seconds?\./);

    // The owner, from their own address, signs in with the right password at once.
    const owner = await app.post("/login", { username: "chief", password: PASSWORD }, viaProxy("198.51.100.7"));
    expect(owner.status).toBe(303);
    expect(owner.headers.get("Set-Cookie")).toMatch(/^footnote_session=/);
  });
});

describe("Retry-After on every 429", () => {
  it("posting comments too fast", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("member");
    await prisma.episode.create({ data: { kind: "post", slug: "busy-thread", title: "A busy thread" } });
    let limited: Response | undefined;
    for (let attempt = 1; attempt <= 11; attempt += 1) {
      const response = await app.post("/episodes/busy-thread", { intent: "post-comment", body: `Comment ${attempt}`, js: "1" }, { cookie });
      if (attempt <= 10) expect(response.status).toBe(200);
      else limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("flagging too fast", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("member");
    const fields = { intent: "flag-claim", targetType: "comment", targetId: "1", exact: "not there", reason: "no_source", js: "1" };
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      expect((await app.post("/claims?index", fields, { cookie })).status).not.toBe(429);
    }
    const limited = await app.post("/claims?index", fields, { cookie });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("signing up too often from one address", async () => {
    const app = await testApp();
    for (let index = 1; index <= 5; index += 1) {
      expect((await app.post("/signup", signUpFields(`joiner-${index}`), viaProxy("192.0.2.50"))).status).toBe(303);
    }
    const limited = await app.post("/signup", signUpFields("joiner-6"), viaProxy("192.0.2.50"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
