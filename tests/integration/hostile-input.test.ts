// Regression tests over HTTP for issue 11 (part A): the hostile inputs that answered 500, redirected
// off-site, were read without limit, broke the feeds or filled the page cache.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { requestEmailVerification, setEmailDelivery } from "~/models/mail.server";
import { prisma } from "~/utils/db.server";
import { createNamedUser, createTestComment, signedIn } from "../factories";
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

  it("answer 400 in the query string of a page or JSON twin already cached, as they do before it is", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    for (const path of [`/episodes/${episode.slug}`, `/api/episodes/${episode.slug}`, `/episodes/${episode.slug}.data`]) {
      // The first request renders and caches it; the next are answered before Remix (ADR 0022).
      for (let i = 0; i < 2; i++) expect((await app.get(path)).status, path).toBe(200);
      for (const query of ["?utm=%00", "?%00=1", "?c=L1&x=a%00b"]) {
        const response = await app.get(`${path}${query}`);
        expect(response.status, `${path}${query}`).toBe(400);
        expect(await response.text(), `${path}${query}`).toMatch(/NUL character/);
      }
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

// ---- The routes of issue 18 (watching, mail, the private feed) and the newer query parameters --------
// Each meets the same hostile values over HTTP. The answer is never a 5xx; a refusal is a 4xx with a
// message a reader can act on; no GET changes anything; nothing hostile comes back as markup.

/** The hostile values, as they are written in a URL or a urlencoded body (already %-encoded). */
const HOSTILE: Record<string, string> = {
  NUL: "a%00b",
  "2^40": "1099511627776",
  "-1": "-1",
  "1e309": "1e309",
  "1 MB": "a".repeat(1024 * 1024),
  markup: encodeURIComponent("<script>alert(1)</script>"),
  "lone surrogate": "%ED%A0%80",
  empty: "",
};

const MARKUP = "<script>alert(1)</script>";

/** A urlencoded body of values written as in HOSTILE (already %-encoded); a field set to undefined is left out. */
function urlencoded(fields: Record<string, string | undefined>) {
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** No 5xx, no markup sent back; a refusal (4xx) says why in words (Node's own 431 for a 1 MB address has no body). */
async function expectHandled(response: Response, what: string) {
  expect(response.status, `${what} answered ${response.status}`).toBeLessThan(500);
  const body = await response.text();
  expect(body, what).not.toContain(MARKUP);
  if (response.status >= 400 && response.status !== 431) {
    // What a reader sees: a page without its scripts (Remix's hydration data of an unmatched address names an internal error).
    const shown = body.replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<[^>]*>/g, " ").trim();
    expect(shown, what).not.toMatch(/Unexpected Server Error/);
    expect(shown.length, `${what}: a refusal without a message`).toBeGreaterThan(0);
  }
  return body;
}

async function settingsRows() {
  return prisma.notificationSettings.findMany({ orderBy: { userId: "asc" } });
}

describe("12. watching, notification settings and @mention suggestions", () => {
  it("POST /watch refuses every hostile field with 400 and a message, an unknown target with 404, and never answers 500", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const { user, cookie } = await signedIn("member");
    const base = { targetType: "episode", targetId: String(episode.id), level: "watching", redirectTo: "%2F" };
    for (const field of ["targetType", "targetId", "level", "redirectTo"]) {
      for (const [name, value] of Object.entries(HOSTILE)) {
        const response = await postUrlencoded(app, "/watch", urlencoded({ ...base, [field]: value }), cookie);
        const what = `/watch ${field}=${name}`;
        await expectHandled(response, what);
        if (name === "NUL") expect(response.status, what).toBe(400);
        else if (name === "1 MB") expect(response.status, what).toBe(413);
        else if (field !== "redirectTo") expect(response.status, what).toBe(400);
        else {
          // A return address that is not a path of this site falls back to the settings page.
          expect(response.status, what).toBe(303);
          expect(response.headers.get("Location"), what).toBe("/settings/notifications");
        }
      }
      const missing = await postUrlencoded(app, "/watch", urlencoded({ ...base, [field]: undefined }), cookie);
      await expectHandled(missing, `/watch without ${field}`);
      expect(missing.status, `/watch without ${field}`).toBe(field === "redirectTo" ? 303 : 400);
      // A file where text belongs.
      const file = await app.post("/watch", { ...base, redirectTo: "/", [field]: new Blob(["episode"], { type: "text/plain" }) }, { cookie });
      await expectHandled(file, `/watch ${field} as a file`);
      expect(file.status, `/watch ${field} as a file`).toBe(400);
    }
    expect(await (await postUrlencoded(app, "/watch", urlencoded({ ...base, redirectTo: "a".repeat(2001) }), cookie)).text()).toBe("The page to return to has at most 2,000 characters.");

    // Ids that fit the form but name nothing: 404 with the reason, for each kind of target.
    for (const targetType of ["episode", "claim", "thread"]) {
      const response = await postUrlencoded(app, "/watch", urlencoded({ ...base, targetType, targetId: "2147483647" }), cookie);
      expect(response.status, targetType).toBe(404);
      expect(await response.text(), targetType).toBe(`That ${targetType} does not exist.`);
    }
    const get = await app.get("/watch", { cookie });
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST");
    expect(await get.text()).toBe("Watch controls post here.");
    // Only the well-formed requests (the return addresses that fell back) set a level.
    expect(await prisma.watch.findMany({ select: { userId: true, episodeId: true, level: true } })).toEqual([{ userId: user.id, episodeId: episode.id, level: "watching" }]);
  });

  it("/settings/notifications: GET with hostile parameters changes nothing; a hostile POST is 400 with a message and changes nothing", async () => {
    const app = await testApp();
    const { user, cookie } = await signedIn("member");
    await setEmailDelivery(user.id, "daily");
    const before = await settingsRows();
    for (const [name, value] of Object.entries(HOSTILE)) {
      const response = await app.get(`/settings/notifications?intent=rotate-feed&emailDelivery=${value}&${value}=${value}`, { cookie });
      await expectHandled(response, `GET ?…=${name}`);
      expect(response.status, name).toBe(name === "NUL" ? 400 : name === "1 MB" ? 431 : 200);
    }
    for (const [name, value] of Object.entries(HOSTILE)) {
      for (const fields of [{ intent: value }, { intent: "email-delivery", emailDelivery: value }]) {
        const what = `POST ${urlencoded(fields).slice(0, 40)} (${name})`;
        const response = await postUrlencoded(app, "/settings/notifications", urlencoded(fields), cookie);
        const body = await expectHandled(response, what);
        expect(response.status, what).toBe(name === "1 MB" ? 413 : 400);
        if (name !== "NUL" && name !== "1 MB") expect(body, what).toMatch(fields.intent === value ? /Choose what to change/ : /Choose how often mail may come/);
      }
    }
    for (const fields of [{}, { intent: "email-delivery" }]) {
      const response = await postUrlencoded(app, "/settings/notifications", urlencoded(fields), cookie);
      await expectHandled(response, `POST ${JSON.stringify(fields)}`);
      expect(response.status).toBe(400);
    }
    const file = await app.post("/settings/notifications", { intent: new Blob(["rotate-feed"], { type: "text/plain" }) }, { cookie });
    await expectHandled(file, "intent as a file");
    expect(file.status).toBe(400);
    expect(await settingsRows()).toEqual(before);
  });

  it("GET /api/mentions: a hostile q, episode or thread is 400 or an empty list for a member, 401 for an anonymous reader", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const { user, cookie } = await signedIn("member");
    const comment = await createTestComment({ episodeId: episode.id, authorId: user.id });
    const base = { episode: episode.slug, thread: String(comment.id), q: "m" };
    for (const param of ["q", "episode", "thread"]) {
      for (const [name, value] of [...Object.entries(HOSTILE), ["missing", undefined] as const]) {
        const search = urlencoded({ ...base, [param]: value });
        for (const reader of [cookie, undefined]) {
          const what = `/api/mentions ${reader ? "member" : "anonymous"} ${param}=${name}`;
          const response = await app.get(`/api/mentions?${search}`, { cookie: reader });
          const body = await expectHandled(response, what);
          if (name === "NUL") expect(response.status, what).toBe(400);
          else if (name === "1 MB") expect(response.status, what).toBe(431);
          else if (!reader) {
            // A JSON endpoint the page's script calls: a redirect to the sign-in page is no answer for it.
            expect(response.status, what).toBe(401);
            expect(body, what).toBe("Sign in to do that.");
          } else if (response.status === 200) {
            expect(response.headers.get("Content-Type"), what).toMatch(/^application\/json/);
            expect(JSON.parse(body).names, what).toBeInstanceOf(Array);
          } else expect([400, 404], what).toContain(response.status);
        }
      }
    }
    const markup = await app.get(`/api/mentions?episode=${episode.slug}&q=${HOSTILE.markup}`, { cookie });
    expect(markup.status).toBe(400);
    expect(await markup.text()).toBe("A username has only letters, digits and _ - .");
    const noEpisode = await app.get("/api/mentions?q=m", { cookie });
    expect(noEpisode.status).toBe(400);
    expect(await noEpisode.text()).toBe("Name the episode.");
    const bigThread = await app.get(`/api/mentions?episode=${episode.slug}&thread=${HOSTILE["2^40"]}`, { cookie });
    expect(bigThread.status).toBe(400);
    expect(await bigThread.text()).toBe("Name the thread by one of its comments.");
  });
});

describe("13. secret addresses: the private feed and the links of mails", () => {
  /** What a token in the address may be: every hostile value, one of the right shape that nobody holds, and tricks with the path. */
  const TOKENS: Record<string, string> = { ...HOSTILE, unknown: "nobody-holds-this-token-1234", "64 letters": "a".repeat(64), "65 letters": "a".repeat(65), "..": "..", "encoded slash": "a%2Fb" };

  it("a hostile, unknown or huge feed secret is 4xx, never 500; a real feed with hostile text stays well-formed XML without markup", async () => {
    const app = await testApp();
    const episode = await prisma.episode.create({ data: { kind: "post", slug: "hostile-feed", title: `Feed ${MARKUP} & \u0007 title` }, select: { id: true, slug: true } });
    const reader = await signedIn("member");
    const other = await signedIn("member");
    expect((await app.post("/settings/notifications", { intent: "rotate-feed" }, { cookie: reader.cookie })).status).toBe(303);
    const { feedToken } = await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: reader.user.id }, select: { feedToken: true } });
    for (const [name, token] of Object.entries(TOKENS)) {
      const response = await app.get(`/feeds/notifications/${token}`);
      await expectHandled(response, `feed ${name}`);
      expect(response.status, name).toBeGreaterThanOrEqual(400);
    }
    expect(await (await app.get(`/feeds/notifications/${TOKENS.unknown}`)).text()).toBe("No feed has this address (it may have been replaced or switched off).");

    // A reply with markup and control characters, and a claim whose text is markup, in an episode whose title is markup.
    expect((await app.post(`/episodes/${episode.slug}`, { intent: "post-comment", body: "A parent comment." }, { cookie: reader.cookie })).status).toBe(303);
    const parent = await prisma.comment.findFirstOrThrow({ where: { authorId: reader.user.id }, select: { id: true } });
    const reply = await app.post(`/episodes/${episode.slug}`, { intent: "post-comment", parentId: String(parent.id), body: `Look: ${MARKUP} ]]> &amp; \u0007\u001b bell` }, { cookie: other.cookie });
    expect(reply.status).toBe(303);
    const replied = await prisma.comment.findFirstOrThrow({ where: { authorId: other.user.id }, select: { id: true } });
    const flagged = await app.post("/claims?index", { intent: "flag-claim", targetType: "comment", targetId: String(replied.id), exact: MARKUP, reason: "no_source" }, { cookie: reader.cookie });
    expect(flagged.status).toBeLessThan(400);
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true, version: true } });
    const moderator = await signedIn("moderator");
    const dismissed = await app.post("/moderation?index", { intent: "resolve-claim", claimId: String(claim.id), version: String(claim.version), decision: "dismiss", reason: "Not a claim" }, { cookie: moderator.cookie });
    expect(dismissed.status).toBe(200);

    const feed = await app.get(`/feeds/notifications/${feedToken}`);
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expectWellFormedXml(xml);
    expect(xml).toContain("replied to your comment");
    expect(xml).toContain("A claim you flagged is now dismissed");
    // Titles and summaries are type="html": markup from a comment, a claim or a title is escaped, never live.
    expect(xml).not.toContain("<script");
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("GET and POST of /mail/unsubscribe and /mail/verify with hostile tokens are 4xx with a message and change nothing; a GET of a real link changes nothing", async () => {
    const app = await testApp();
    const ada = await createNamedUser("ada", { email: "ada@example.org" });
    await setEmailDelivery(ada.id, "immediate");
    await requestEmailVerification(ada.id);
    const before = await settingsRows();
    const { unsubscribeToken, verifyToken } = before[0]!;
    for (const prefix of ["/mail/unsubscribe/", "/mail/verify/"]) {
      for (const [name, token] of Object.entries(TOKENS)) {
        for (const path of [`${prefix}${token}`, `${prefix}${token}.data`]) {
          const get = await app.get(path);
          await expectHandled(get, `GET ${path.slice(0, 60)} (${name})`);
          expect(get.status, `GET ${path.slice(0, 60)} (${name})`).toBeGreaterThanOrEqual(400);
        }
        const post = await postUrlencoded(app, `${prefix}${token}`, "List-Unsubscribe=One-Click");
        await expectHandled(post, `POST ${prefix} (${name})`);
        expect(post.status, `POST ${prefix} (${name})`).toBeGreaterThanOrEqual(400);
      }
    }
    const unknown = await app.get(`/mail/unsubscribe/${TOKENS.unknown}`);
    expect(await unknown.text()).toContain("This unsubscribe link is not one Footnote sent.");
    // A link scanner opens the real links, with anything after them: nothing changes.
    for (const path of [`/mail/unsubscribe/${unsubscribeToken}`, `/mail/verify/${verifyToken}`]) {
      for (const search of ["", "?List-Unsubscribe=One-Click", `?intent=${HOSTILE.markup}`, `?x=${HOSTILE["lone surrogate"]}`]) {
        const response = await app.get(`${path}${search}`);
        await expectHandled(response, `GET ${path}${search}`);
        expect(response.status, `GET ${path}${search}`).toBe(200);
      }
    }
    expect(await settingsRows()).toEqual(before);
    // The POSTs do what they say.
    expect((await postUrlencoded(app, `/mail/unsubscribe/${unsubscribeToken}`, "List-Unsubscribe=One-Click")).status).toBe(200);
    expect((await postUrlencoded(app, `/mail/verify/${verifyToken}`, "")).status).toBe(200);
    expect(await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: ada.id }, select: { emailDelivery: true, verifiedEmail: true } })).toEqual({ emailDelivery: "none", verifiedEmail: "ada@example.org" });
  });
});

describe("14. staff pages", () => {
  it("GET /admin/mail with hostile parameters is 200 or 4xx, and a mail holding markup is shown as text", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("admin");
    await prisma.mail.create({
      data: { kind: "notification", to: `x${MARKUP}@example.org`, subject: `Subject ${MARKUP}`, text: `Text ${MARKUP} \u0007`, html: MARKUP, idempotencyKey: "hostile-mail" },
    });
    for (const param of ["page", "q", "kind", "id"]) {
      for (const [name, value] of Object.entries(HOSTILE)) {
        const what = `/admin/mail?${param}=${name}`;
        const response = await app.get(`/admin/mail?${param}=${value}`, { cookie });
        const body = await expectHandled(response, what);
        expect(response.status, what).toBe(name === "NUL" ? 400 : name === "1 MB" ? 431 : 200);
        if (response.status === 200) expect(body, what).toContain("Subject &lt;script&gt;alert(1)&lt;/script&gt;");
      }
    }
    expect(await prisma.mail.count()).toBe(1);
  });

  it("the moderator's accept-source decision: a hostile reason to accept an unchecked quote is 4xx with its message; markup is stored as text and shown escaped", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const author = await signedIn("member");
    const moderator = await signedIn("moderator");
    const comment = await createTestComment({ episodeId: episode.id, authorId: author.user.id, body: "The moon is made of cheese." });
    const flagged = await app.post("/claims?index", { intent: "flag-claim", targetType: "comment", targetId: String(comment.id), exact: "made of cheese", reason: "no_source" }, { cookie: author.cookie });
    expect(flagged.status).toBeLessThan(400);
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true } });
    const proposed = await app.post(`/claims/${claim.id}`, { intent: "propose-source", claimId: String(claim.id), url: "https://example.org/cheese", title: "Cheese", quote: "The moon is cheese." }, { cookie: author.cookie });
    expect(proposed.status).toBe(303);
    const proposal = await prisma.sourceProposal.findFirstOrThrow({ select: { id: true } });
    // The quote check (a job) found nothing: accepting now takes a reason of its own.
    await prisma.quoteCheck.upsert({ where: { proposalId: proposal.id }, create: { proposalId: proposal.id, status: "not_found" }, update: { status: "not_found", checkedAt: new Date() } });
    const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
    const decision = (fields: Record<string, string | undefined>) =>
      urlencoded({ intent: "resolve-claim", claimId: String(claim.id), version: String(version), decision: `accept-source%3A${proposal.id}`, reason: "Because", ...fields });

    const refused: [string, Record<string, string | undefined>, number, RegExp | null][] = [
      ["NUL", { quoteReason: HOSTILE.NUL }, 400, /NUL character/],
      ["1 MB", { quoteReason: HOSTILE["1 MB"] }, 413, /at most 64 KB/],
      ["empty", { quoteReason: HOSTILE.empty }, 400, /Say why you accept it anyway/],
      ["missing", { quoteReason: undefined }, 400, /Say why you accept it anyway/],
      ["control characters only", { quoteReason: "%07%1B%08" }, 400, /Say why you accept it anyway/],
      ["501 characters with markup", { quoteReason: `${HOSTILE.markup}${"a".repeat(500)}` }, 400, /A reason has at most 500 characters/],
      ["proposal 2^40", { quoteReason: "Printed", decision: `accept-source%3A${HOSTILE["2^40"]}` }, 400, /Choose the proposed source to accept/],
      ["proposal -1", { quoteReason: "Printed", decision: "accept-source%3A-1" }, 400, /Choose the proposed source to accept/],
      ["proposal 1e309", { quoteReason: "Printed", decision: `accept-source%3A${HOSTILE["1e309"]}` }, 400, /Choose the proposed source to accept/],
      ["claim 2^40", { quoteReason: "Printed", claimId: HOSTILE["2^40"] }, 400, null],
    ];
    for (const [name, fields, status, message] of refused) {
      const response = await postUrlencoded(app, "/moderation?index", decision(fields), moderator.cookie);
      const body = await expectHandled(response, name);
      expect(response.status, name).toBe(status);
      if (message) expect(body, name).toMatch(message);
    }
    const file = await app.post("/moderation?index", { intent: "resolve-claim", claimId: String(claim.id), version: String(version), decision: `accept-source:${proposal.id}`, reason: "Because", quoteReason: new Blob(["Printed"], { type: "text/plain" }) }, { cookie: moderator.cookie });
    await expectHandled(file, "quoteReason as a file");
    expect(file.status).toBe(400);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { state: true } })).toEqual({ state: "source_proposed" });

    const accepted = await postUrlencoded(app, "/moderation?index", decision({ quoteReason: `${HOSTILE.markup}%07 printed ${HOSTILE["lone surrogate"]}` }), moderator.cookie);
    await expectHandled(accepted, "accepted");
    expect(accepted.status).toBe(200);
    const event = await prisma.claimEvent.findFirstOrThrow({ where: { claimId: claim.id, action: "source-accepted" }, select: { reason: true } });
    expect(event.reason).toBe(`Because — Quote not found in the source ✗; accepted because: ${MARKUP} printed \ufffd\ufffd\ufffd`);
    const log = await app.get("/moderation/log");
    expect(log.status).toBe(200);
    expect(await log.text()).toContain("accepted because: &lt;script&gt;alert(1)&lt;/script&gt; printed");
    const claimsFeed = await app.get(`/feeds/episodes/${episode.slug}/claims.xml`);
    const xml = await expectHandled(claimsFeed, "claims feed");
    expectWellFormedXml(xml);
  });
});

describe("15. the episode page's query parameters", () => {
  it("c, reply, flag, cpage, sort and part: a hostile value is 400 with a message or a page, for every reader, never 500, never reflected", async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const { user, cookie } = await signedIn("member");
    await createTestComment({ episodeId: episode.id, authorId: user.id });
    const extra: Record<string, string> = { "L%00": "L%00", L99999999999999999999: "L99999999999999999999", "L2^40": "L1099511627776", "L-1": "L-1", "L1e309": "L1e309", "<script> after L1": `L1${HOSTILE.markup}` };
    for (const reader of [undefined, cookie]) {
      for (const param of ["c", "reply", "flag", "cpage", "sort", "part"]) {
        for (const [name, value] of Object.entries({ ...HOSTILE, ...extra })) {
          for (const path of [`/episodes/${episode.slug}`, `/episodes/${episode.slug}.data`]) {
            const what = `${reader ? "member" : "anonymous"} ${path}?${param}=${name}`;
            const response = await app.get(`${path}?${param}=${value}`, { cookie: reader });
            await expectHandled(response, what);
            expect(response.status, what).toBe(name === "1 MB" ? 431 : 400);
          }
        }
      }
    }
    const reply = await app.get(`/episodes/${episode.slug}?reply=${HOSTILE.markup}`, { cookie });
    expect(reply.status).toBe(400);
    expect(await reply.text()).toContain("A comment is named by its number, like 10, or L3 for one posted here.");
    // Well-formed numbers that name no comment: 404 for a permalink, and a page without an open form for the others.
    const missing = await app.get(`/episodes/${episode.slug}?c=L999999999`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("has no comment #L999999999");
    for (const param of ["reply", "flag"]) expect((await app.get(`/episodes/${episode.slug}?${param}=L999999999`, { cookie })).status).toBe(200);
    expect(await prisma.comment.count()).toBe(1);
  });
});

describe("16. a comment posted to an address that names no episode", () => {
  it("is refused 404 with its message whatever the address holds — the insert finds the episode itself (ADR 0040) — and stores nothing", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("member");
    const slugs: Record<string, string> = { ...HOSTILE, unknown: "no-such-episode", "4 KB": "x".repeat(4096), "dot dot": "%2e%2e", emoji: "%F0%9F%93%BB" };
    for (const [name, slug] of Object.entries(slugs)) {
      for (const js of ["1", undefined]) {
        const what = `POST /episodes/${name}${js ? " (js)" : ""}`;
        const fields = { intent: "post-comment", body: "A comment with nowhere to go.", ...(js ? { js } : {}) };
        const response = await app.post(`/episodes/${slug}`, fields, { cookie });
        const body = await expectHandled(response, what);
        // An address that is not an episode's at all is refused before the action: NUL, a lone surrogate, past
        // Node's header limit, none (`/episodes/`), or `/episodes/..`, which the URL makes `/`.
        if (["NUL", "lone surrogate", "1 MB", "empty", "dot dot"].includes(name)) continue;
        expect(response.status, what).toBe(404);
        expect(body, what).toContain("No episode has the address");
      }
    }
    expect(await prisma.comment.count()).toBe(0);
    // Refused posts were given their point back: the member may still post (10 a minute).
    const episode = await createEpisode();
    expect((await app.post(`/episodes/${episode.slug}`, { intent: "post-comment", body: "Here it is.", js: "1" }, { cookie })).status).toBe(200);
  });
});
