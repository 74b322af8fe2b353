// Property-based fuzzing of the input boundary over HTTP (issue 11): arbitrary Unicode — control
// characters, lone surrogates, bidirectional marks, very long strings — in every form field and query
// parameter. Properties: no answer is a 5xx; accepted text is stored exactly as docs/api.md ("Input
// rules") says; every page, feed and JSON answer that shows it still parses.
// Runs: FORM_RUNS per stored field, OTHER_FORM_RUNS per field of the other forms, QUERY_RUNS per query
// parameter and path, with a fixed seed so a failure replays.
process.env.RATE_LIMIT_IP_SCALE = "1000"; // read when the app is first started in this worker: sign-up allows 5 an hour per address

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { xmlSafe } from "~/utils/input";
import { createTestComment, signedIn } from "../factories";
import { testApp, type TestApp } from "../http";
import { xmlProblem } from "../xml";

const FORM_RUNS = 15;
/** The forms whose fields are only checked for a readable answer (many fields, one request per run). */
const OTHER_FORM_RUNS = 8;
const QUERY_RUNS = 12;
/** Per test: hundreds of requests on a shared, slow machine. */
const TIMEOUT = 600_000;
const SEED = 20261130;

/** Characters that have broken web forms somewhere: controls, separators, bidi controls, surrogates, non-characters, markup. */
const NASTY = [
  "\u0000", "\u0001", "\u0007", "\u0008", "\t", "\n", "\u000b", "\u000c", "\r", "\u001b", "\u001f", "\u007f",
  "\u0085", "\u00a0", "\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029",
  "\ufeff", "\ufffe", "\uffff", "\ud800", "\udfff", "\ud83d", "😀", "\u0301", "ǅ", "İ", "ß",
  "<script>", "</textarea>", "&amp;", "\"", "'", "\\", "/", "%00", "%", "?", "#", "../", "NULL", "ftr-863",
];

const CONTROLS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).concat("\u007f");

// About one string in three holds a NUL, so every field meets it within a few runs.
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 4, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant("\u0000") },
);

/** Mostly short hostile text; sometimes long (10–90 k characters, so some pass the 64 KB form cap and answer 413). */
const hostileText = fc.oneof(
  { weight: 9, arbitrary: fc.array(piece, { maxLength: 16 }).map((parts) => parts.join("")) },
  {
    weight: 1,
    arbitrary: fc.tuple(piece, fc.integer({ min: 10_000, max: 90_000 })).map(([part, length]) => (part || "x").repeat(Math.ceil(length / Math.max(1, part.length))).slice(0, length)),
  },
);

/** What the server receives of a string a client puts in a form: UTF-8 can carry no lone surrogate, so each becomes U+FFFD. */
const onTheWire = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/** docs/api.md, free text: characters XML 1.0 forbids dropped, line breaks as LF, trimmed. */
const storedFreeText = (text: string) => xmlSafe(onTheWire(text)).replace(/\r\n?/g, "\n").trim();

function expectNo5xx(response: Response, what: string) {
  expect(response.status, `${what} answered ${response.status}`).toBeLessThan(500);
}

/** Every view of an episode's discussion still parses: the page, the episode's JSON and both comment feeds. */
async function expectViewsParse(app: TestApp, slug: string, cookie?: string) {
  const page = await app.get(`/episodes/${slug}`, { cookie });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("</html>");
  const json = await app.get(`/api/episodes/${slug}`);
  expect(json.status).toBe(200);
  JSON.parse(await json.text());
  for (const feed of ["/feeds/comments.xml", `/feeds/episodes/${slug}/comments.xml`, `/feeds/episodes/${slug}/claims.xml`]) {
    const response = await app.get(feed);
    expect(response.status, feed).toBe(200);
    expect(xmlProblem(await response.text()), feed).toBeNull();
  }
}

async function createEpisode() {
  return prisma.episode.create({ data: { kind: "post", slug: "fuzz", title: "Fuzz" }, select: { id: true, slug: true } });
}

const settings = { numRuns: FORM_RUNS, seed: SEED, endOnFailure: true };

describe("fuzzing every form field over HTTP", () => {
  it(`comment body (post and edit): ${FORM_RUNS} runs each; stored as documented, page, JSON and feeds parse`, async () => {
    const app = await testApp();
    const episode = await createEpisode();
    for (const intent of ["post-comment", "edit-comment"] as const) {
      await fc.assert(
        fc.asyncProperty(hostileText, async (body) => {
          // A fresh member per run: posting is limited to 10 a minute per member.
          const { user, cookie } = await signedIn("member");
          const own = intent === "edit-comment" ? await createTestComment({ episodeId: episode.id, authorId: user.id }) : null;
          const fields: Record<string, string> = own ? { intent, commentId: String(own.id), body } : { intent, body };
          const response = await app.post(`/episodes/${episode.slug}`, fields, { cookie });
          expectNo5xx(response, intent);
          const expected = storedFreeText(body);
          if (body.includes("\u0000")) expect(response.status).toBe(400);
          else if (Buffer.byteLength(body) > 64 * 1024) expect(response.status).toBe(413);
          else if (expected.length === 0 || expected.length > 20_000) expect(response.status).toBe(400);
          else {
            expect(response.status).toBe(303);
            const stored = await prisma.comment.findFirstOrThrow({ where: { authorId: user.id }, orderBy: { id: "desc" }, select: { body: true } });
            expect(stored.body).toBe(expected);
            await expectViewsParse(app, episode.slug);
          }
        }),
        settings,
      );
    }
  }, TIMEOUT);

  it(`flag note and selection: ${FORM_RUNS} runs each; a stored note is as documented and the claims feed parses`, async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const author = await signedIn("member");
    const comment = await createTestComment({ episodeId: episode.id, authorId: author.user.id, body: "The moon is made of cheese, said the report." });
    for (const field of ["note", "exact", "prefix"] as const) {
      await fc.assert(
        fc.asyncProperty(hostileText, async (text) => {
          const { user, cookie } = await signedIn("member");
          const fields: Record<string, string> = { intent: "flag-claim", targetType: "comment", targetId: String(comment.id), exact: "made of cheese", reason: "other", note: "Which report?", [field]: text };
          const response = await app.post("/claims?index", fields, { cookie });
          expectNo5xx(response, `flag ${field}`);
          if (text.includes("\u0000")) expect(response.status).toBe(400);
          if (field === "note" && response.status < 400) {
            const flag = await prisma.flag.findFirstOrThrow({ where: { userId: user.id }, select: { note: true } });
            expect(flag.note).toBe(xmlSafe(onTheWire(text)).trim());
          }
        }),
        settings,
      );
    }
    await expectViewsParse(app, episode.slug);
  }, TIMEOUT);

  it(`sign-in and sign-up fields: ${FORM_RUNS} runs each; no 5xx, an accepted username stored as typed (trimmed)`, async () => {
    const app = await testApp();
    for (const field of ["username", "password"] as const) {
      await fc.assert(
        fc.asyncProperty(hostileText, async (text) => {
          const response = await app.post("/login", { username: "nobody", password: "whatever-it-is", [field]: text });
          expectNo5xx(response, `sign-in ${field}`);
          if (text.includes("\u0000")) expect(response.status).toBe(400);
        }),
        settings,
      );
    }
    for (const field of ["username", "email", "password", "redirectTo"] as const) {
      await fc.assert(
        fc.asyncProperty(hostileText, fc.nat(), async (text, n) => {
          const fields: Record<string, string> = { username: `fuzz${n}`, password: "a long enough password", confirmPassword: "a long enough password", email: "", [field]: text };
          if (field === "password") fields.confirmPassword = text;
          const response = await app.post("/signup", fields);
          expectNo5xx(response, `sign-up ${field}`);
          if (text.includes("\u0000")) expect(response.status).toBe(400);
          if (response.status === 303) {
            const location = response.headers.get("Location")!;
            expect(new URL(location, app.origin).origin).toBe(app.origin);
            if (field === "username") expect(await prisma.user.count({ where: { username: text.trim() } })).toBe(1);
          }
        }),
        settings,
      );
    }
  }, TIMEOUT);

  it(`the other forms (source proposal, moderation, admin, notifications, watching, mail settings, sign-out): ${OTHER_FORM_RUNS} runs per field; no 5xx`, async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const author = await signedIn("member");
    const comment = await createTestComment({ episodeId: episode.id, authorId: author.user.id, body: "The moon is made of cheese." });
    const flagged = await app.post("/claims?index", { intent: "flag-claim", targetType: "comment", targetId: String(comment.id), exact: "made of cheese", reason: "no_source" }, { cookie: author.cookie });
    expect(flagged.status).toBeLessThan(400);
    const claim = await prisma.claim.findFirstOrThrow({ select: { id: true, version: true } });
    const moderator = await signedIn("moderator");
    const admin = await signedIn("admin");
    const forms: { path: string; cookie: string; base: Record<string, string>; fields: string[] }[] = [
      { path: `/claims/${claim.id}`, cookie: author.cookie, base: { intent: "propose-source", claimId: String(claim.id), url: "https://example.org/a", title: "A title", outlet: "", date: "", quote: "A quote" }, fields: ["url", "title", "outlet", "date", "quote", "claimId", "sourceId"] },
      { path: "/moderation", cookie: moderator.cookie, base: { intent: "resolve-claim", claimId: "999999", version: "1", decision: "dismiss", reason: "Because" }, fields: ["reason", "claimId", "version", "decision", "intent"] },
      { path: "/moderation", cookie: moderator.cookie, base: { intent: "bulk-dismiss", claimIds: "999999", reason: "Because" }, fields: ["reason", "claimIds"] },
      { path: "/moderation/suggestions", cookie: moderator.cookie, base: { intent: "discard-suggestion", suggestionId: "999999", reason: "Because" }, fields: ["reason", "suggestionId"] },
      { path: "/admin/users", cookie: admin.cookie, base: { intent: "suspend", userId: "999999", reason: "Because" }, fields: ["reason", "userId", "role", "intent"] },
      { path: "/admin/authors", cookie: admin.cookie, base: { intent: "link", authorId: "999999", username: "nobody", reason: "Because" }, fields: ["username", "reason", "authorId"] },
      { path: "/notifications", cookie: author.cookie, base: { intent: "mark-read", id: "1" }, fields: ["id", "intent"] },
      // Accepting a proposal of the real claim: the reason it takes when its quote was not found, and the proposal named.
      { path: "/moderation", cookie: moderator.cookie, base: { intent: "resolve-claim", claimId: String(claim.id), version: String(claim.version), decision: "accept-source", proposalId: "999999", reason: "Because", quoteReason: "The printed edition" }, fields: ["quoteReason", "decision", "proposalId"] },
      { path: "/watch", cookie: author.cookie, base: { targetType: "episode", targetId: String(episode.id), level: "watching", redirectTo: "/" }, fields: ["targetType", "targetId", "level", "redirectTo"] },
      { path: "/settings/notifications", cookie: author.cookie, base: { intent: "email-delivery", emailDelivery: "daily" }, fields: ["intent", "emailDelivery"] },
      { path: "/logout", cookie: (await signedIn("member")).cookie, base: { scope: "this-device" }, fields: ["scope"] },
    ];
    for (const form of forms) {
      for (const field of form.fields) {
        await fc.assert(
          fc.asyncProperty(hostileText, async (text) => {
            const response = await app.post(form.path, { ...form.base, [field]: text }, { cookie: form.cookie });
            expectNo5xx(response, `${form.path} ${form.base.intent ?? ""} ${field}`);
            if (text.includes("\u0000")) expect(response.status).toBe(400);
            const location = response.headers.get("Location");
            if (location) expect(new URL(location, app.origin).origin).toBe(app.origin);
          }),
          { ...settings, numRuns: OTHER_FORM_RUNS },
        );
      }
    }
    const proposals = await prisma.sourceProposal.findMany({ select: { quote: true } });
    for (const { quote } of proposals) expect(xmlSafe(quote)).toBe(quote);
    await expectViewsParse(app, episode.slug);
  }, TIMEOUT);
});

describe("fuzzing every query parameter and path over HTTP", () => {
  it(`${QUERY_RUNS} runs per parameter; no 5xx, and NUL answers 400`, async () => {
    const app = await testApp();
    const episode = await createEpisode();
    const { user, cookie: member } = await signedIn("member");
    await createTestComment({ episodeId: episode.id, authorId: user.id });
    const { cookie: moderator } = await signedIn("moderator");
    const { cookie: admin } = await signedIn("admin");
    const queries: { path: string; params: string[]; cookie?: string }[] = [
      { path: "/", params: ["page"] },
      { path: "/search", params: ["q", "kind", "page"] },
      { path: "/api/search", params: ["q", "kind", "page"] },
      { path: "/sources", params: ["q", "page"] },
      { path: "/api/sources", params: ["q", "page"] },
      { path: "/claims", params: ["state", "episode", "page"] },
      { path: "/api/claims", params: ["state", "episode", "page"] },
      { path: "/api/episodes", params: ["page"] },
      { path: `/episodes/${episode.slug}`, params: ["sort", "cpage", "c", "part", "utm"] },
      { path: `/episodes/${episode.slug}`, params: ["sort", "cpage"], cookie: member },
      { path: `/users/${user.username}`, params: ["page"] },
      { path: "/moderation", params: ["episode", "state", "reason", "target", "page", "tab"], cookie: moderator },
      { path: "/moderation/log", params: ["page"] },
      { path: "/moderation/suggestions", params: ["episode", "page"], cookie: moderator },
      { path: "/admin/users", params: ["q", "page", "manage"], cookie: admin },
      { path: "/admin/authors", params: ["q", "page"], cookie: admin },
      { path: `/episodes/${episode.slug}`, params: ["c", "reply", "flag", "part"], cookie: member },
      { path: `/api/mentions?episode=${episode.slug}`, params: ["q", "thread"], cookie: member },
      { path: "/api/mentions", params: ["episode"], cookie: member },
      { path: `/api/mentions?episode=${episode.slug}`, params: ["q"] },
      { path: "/settings/notifications", params: ["intent", "emailDelivery"], cookie: member },
      { path: "/admin/mail", params: ["page", "q"], cookie: admin },
      { path: "/login", params: ["redirectTo"], cookie: member },
      { path: "/signup", params: ["redirectTo"] },
    ];
    const short = hostileText.filter((text) => text.length < 2_000);
    for (const { path, params, cookie } of queries) {
      for (const param of params) {
        await fc.assert(
          fc.asyncProperty(short, async (text) => {
            const response = await app.get(`${path}${path.includes("?") ? "&" : "?"}${new URLSearchParams({ [param]: text })}`, { cookie });
            expectNo5xx(response, `${path}?${param}=`);
            if (text.includes("\u0000")) expect(response.status).toBe(400);
            const location = response.headers.get("Location");
            if (location) expect(new URL(location, app.origin).origin).toBe(app.origin);
          }),
          { ...settings, numRuns: QUERY_RUNS },
        );
      }
    }
    const paths = ["/episodes/", "/api/episodes/", "/users/", "/claims/", "/sources/", "/comments/", "/feeds/episodes/", "/feeds/notifications/", "/mail/unsubscribe/", "/mail/verify/"];
    for (const prefix of paths) {
      await fc.assert(
        fc.asyncProperty(short, async (text) => {
          const suffix = prefix === "/comments/" ? "/history" : prefix === "/feeds/episodes/" ? "/comments.xml" : "";
          const response = await app.get(`${prefix}${encodeURIComponent(onTheWire(text))}${suffix}`);
          expectNo5xx(response, `${prefix}…${suffix}`);
          if (text.includes("\u0000")) expect(response.status).toBe(400);
        }),
        { ...settings, numRuns: QUERY_RUNS },
      );
    }
  }, TIMEOUT);
});
