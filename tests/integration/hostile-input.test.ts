// Regression tests over HTTP for issue 11 (part A): the hostile inputs that answered 500, redirected
// off-site, were read without limit, broke the feeds or filled the page cache.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createTestComment, signedIn } from "../factories";
import { testApp, type TestApp } from "../http";
import { expectWellFormedXml } from "../xml";

async function createEpisode(slug = "hostile-input") {
  return prisma.episode.create({ data: { kind: "post", slug, title: "Hostile input" }, select: { id: true, slug: true } });
}

async function postUrlencoded(app: TestApp, path: string, body: string, cookie?: string) {
  return app.request(path, {
    method: "POST",
    body,
    headers: { Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

describe("1. redirect targets stay on the site", () => {
  it("refuses TAB, CR, LF and backslash tricks in redirectTo after sign-in (POST) and when already signed in (GET)", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("member");
    for (const target of ["/\t/evil.example/", "/%09/evil.example", "/\\evil.example", "/\r\nSet-Cookie: x=1", "//evil.example", "https://evil.example/"]) {
      const get = await app.get(`/login?${new URLSearchParams({ redirectTo: target })}`, { cookie });
      expect(get.status, target).toBeLessThan(500);
      if (get.status >= 300 && get.status < 400) expect(new URL(get.headers.get("Location")!, app.origin).origin, target).toBe(app.origin);
    }
    const signUp = await app.post("/signup", { username: "redirected", password: "a long enough password", confirmPassword: "a long enough password", redirectTo: "/\t/evil.example/" });
    expect(signUp.status).toBe(303);
    expect(signUp.headers.get("Location")).toBe("/");
  });

  it("keeps a same-site target with its query and fragment, percent-encoded", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("member");
    const response = await app.get(`/login?${new URLSearchParams({ redirectTo: "/search?q=café#top" })}`, { cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/search?q=caf%C3%A9#top");
  });
});

describe("2. NUL bytes", () => {
  it("answer 400 with a message in the sign-in form, never 500", async () => {
    const app = await testApp();
    const response = await postUrlencoded(app, "/login", "username=mem%00ber&password=x");
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/NUL character/);
  });

  it("answer 400 in a comment, an edit, sign-up and a flag note", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const { user, cookie } = await signedIn("member");
    const comment = await createTestComment({ episodeId: episode.id, authorId: user.id });
    const cases: [string, Record<string, string>][] = [
      [`/episodes/${episode.slug}`, { intent: "post-comment", body: "a\u0000b" }],
      [`/episodes/${episode.slug}`, { intent: "edit-comment", commentId: String(comment.id), body: "a\u0000b" }],
      ["/signup", { username: "nul\u0000name", password: "a long enough password", confirmPassword: "a long enough password", email: "a\u0000@example.org" }],
      ["/claims?index", { intent: "flag-claim", targetType: "comment", targetId: String(comment.id), exact: "A comment", reason: "other", note: "n\u0000" }],
    ];
    for (const [path, fields] of cases) {
      const response = await app.post(path, fields, { cookie });
      expect(response.status, `${path} ${fields.intent ?? ""}`).toBe(400);
    }
    expect(await prisma.comment.count()).toBe(1);
  });

  it("answer 400 in paths and query strings", async () => {
    const app = await testApp();
    for (const path of ["/users/a%00b", "/episodes/a%00b", "/api/episodes/a%00b", "/feeds/episodes/a%00b/comments.xml", "/search?q=a%00b", "/episodes/x?sort=%00"]) {
      const response = await app.get(path);
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toMatch(/control character|NUL/);
    }
  });

  it("drops other control characters from a comment, as docs/api.md says, keeping TAB and line breaks", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const { cookie } = await signedIn("member");
    const response = await app.post(`/episodes/${episode.slug}`, { intent: "post-comment", body: "bell\u0007 esc\u001b tab\there\r\nline" }, { cookie });
    expect(response.status).toBe(303);
    const stored = await prisma.comment.findFirstOrThrow({ select: { body: true } });
    expect(stored.body).toBe("bell esc tab\there\nline");
  });
});

describe("3. ids beyond 32 bits", () => {
  it("answer 4xx in the comment actions and the history page, never 500", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const { cookie } = await signedIn("member");
    const big = "9999999999999";
    const forms: Record<string, string>[] = [
      { intent: "post-comment", body: "A reply", parentId: big },
      { intent: "edit-comment", commentId: big, body: "Edited" },
      { intent: "delete-comment", commentId: big },
    ];
    for (const fields of forms) {
      const response = await app.post(`/episodes/${episode.slug}`, fields, { cookie });
      expect(response.status, fields.intent).toBe(400);
    }
    const history = await app.get("/comments/99999999999/history");
    expect(history.status).toBe(404);
    expect(await history.text()).toMatch(/addressed by its number/);
    const notification = await app.post("/notifications", { intent: "mark-read", id: big }, { cookie });
    expect(notification.status).toBe(400);
    const { cookie: admin } = await signedIn("admin");
    expect((await app.get(`/admin/users?manage=${big}`, { cookie: admin })).status).toBe(400);
  });
});

describe("4. the body cap", () => {
  it("answers 413 to an oversized form by its declared length, before reading it", async () => {
    const app = await testApp();
    const response = await postUrlencoded(app, "/login", `username=x&password=${"a".repeat(100 * 1024)}`);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("The request is too large: this address takes at most 64 KB.");
  });

  it("counts the bytes of a chunked body, which declares no length, and stops reading past the cap", async () => {
    const app = await testApp();
    const url = new URL("/login", app.origin);
    const chunk = Buffer.alloc(64 * 1024, "a");
    const { status, body, sent } = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const request = http.request(url, { method: "POST", headers: { Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (part: Buffer) => (text += part));
        response.on("end", () => resolve({ status: response.statusCode!, body: text, sent }));
      });
      request.on("error", reject);
      // Up to 100 MB, one chunk at a time, stopping as soon as the server has answered.
      const write = () => {
        while (sent < 100 * 1024 * 1024 && !request.destroyed) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", write);
        }
        request.end();
      };
      write();
    });
    expect(status).toBe(413);
    expect(body).toMatch(/at most 64 KB/);
    expect(sent).toBeLessThan(100 * 1024 * 1024);
  });

  it("lets a form under the cap through", async () => {
    const app = await testApp();
    const response = await postUrlencoded(app, "/login", `username=nobody&password=${"a".repeat(1000)}`);
    expect(response.status).toBe(400);
  });
});

describe("8. feeds stay well-formed XML", () => {
  it("after comments with ESC, BS and BEL, posted now or stored before the fix", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const { user, cookie } = await signedIn("member");
    const posted = await app.post(`/episodes/${episode.slug}`, { intent: "post-comment", body: "esc\u001b bs\u0008 bel\u0007 posted" }, { cookie });
    expect(posted.status).toBe(303);
    // Stored before the fix, by an import or directly: the feeds must still parse.
    await createTestComment({ episodeId: episode.id, authorId: user.id, body: "old \u001b\u0008\u0007\ufffe comment" });
    for (const path of ["/feeds/comments.xml", `/feeds/episodes/${episode.slug}/comments.xml`]) {
      const response = await app.get(path);
      expect(response.status, path).toBe(200);
      const xml = await response.text();
      expectWellFormedXml(xml);
      expect(xml).toContain("old comment");
      expect(xml).toContain("esc bs bel posted");
    }
    const json = await app.get(`/api/episodes/${episode.slug}`);
    expect(json.status).toBe(200);
    expect(JSON.stringify(await json.json())).toContain("esc bs bel posted");
  });
});

describe("11. cache-busting query strings", () => {
  it("share one cached page: unknown parameters are not part of the key and not in the page", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const first = await app.get(`/episodes/${episode.slug}?utm=1`);
    const second = await app.get(`/episodes/${episode.slug}?utm=2`);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const html = await second.text();
    expect(html).not.toContain("utm=");
    // The same rendering, nonce and all: the second answer came from the cache, not from a new render.
    expect(second.headers.get("Content-Security-Policy")).toBe(first.headers.get("Content-Security-Policy"));
    expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
    // A parameter the page knows is still its own page.
    const newest = await app.get(`/episodes/${episode.slug}?sort=newest&utm=3`);
    expect(newest.headers.get("Content-Security-Policy")).not.toBe(first.headers.get("Content-Security-Policy"));
  });
});

describe("security headers", () => {
  it("send a CSP with a fresh nonce on the scripts of a document, and nosniff, referrer and frame rules", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("member");
    const page = await app.get("/search", { cookie });
    const csp = page.headers.get("Content-Security-Policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(page.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await app.get("/search", { cookie });
    expect(again.headers.get("Content-Security-Policy")).not.toBe(csp);
    const json = await app.get("/api/episodes");
    expect(json.headers.get("Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
