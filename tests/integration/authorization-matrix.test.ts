// The authorization matrix of docs/authorization.md, driven over HTTP: every intent of every route module
// that exports an `action` (`grep -l "export async function action" app/routes -r`) is posted by each kind
// of reader through the built app, and answered exactly as the table below says — never with a 500.
import type { Role } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { createComment } from "~/models/comment.server";
import { prisma } from "~/utils/db.server";
import { createTestUser, signedIn } from "../factories";
import { testApp } from "../http";

type Reader = "anonymous" | "member" | "suspended member" | "moderator" | "admin";
const READERS: Reader[] = ["anonymous", "member", "suspended member", "moderator", "admin"];

/**
 * ok  = the authorization check lets the reader through: the route's success status, or — when the test
 *       sends a deliberately minimal body — a validation or not-found answer (4xx, never 401/403).
 * 401 = "Sign in to do that." (an action never redirects an anonymous reader to /login; pages do).
 * 403 = "Your role does not allow this." / "Your account is suspended."
 */
type Cell = "ok" | 401 | 403;

// prettier-ignore
const MATRIX = {
  //                                                                             anonymous   member      suspended   moderator   admin
  "episodes/$slug post-comment":                ["comment:create",           row(401,        "ok",       403,        "ok",       "ok")],
  "episodes/$slug post-comment (reply)":        ["comment:create",           row(401,        "ok",       403,        "ok",       "ok")],
  "episodes/$slug edit-comment (own)":          ["comment:edit-own",         row(401,        "ok",       403,        "ok",       "ok")],
  "episodes/$slug edit-comment (other's)":      ["comment:edit-own",         row(401,        403,        403,        403,        403)],
  "episodes/$slug delete-comment (own)":        ["comment:delete-own",       row(401,        "ok",       403,        "ok",       "ok")],
  "episodes/$slug delete-comment (other's)":    ["comment:delete-own",       row(401,        403,        403,        403,        403)],
  "claims flag-claim":                          ["claim:flag",               row(401,        "ok",       403,        "ok",       "ok")],
  "claims/$id propose-source":                  ["claim:propose-source",     row(401,        "ok",       403,        "ok",       "ok")],
  "moderation take-claim":                      ["moderation:resolve-claim", row(401,        403,        403,        "ok",       "ok")],
  "moderation release-claim":                   ["moderation:resolve-claim", row(401,        403,        403,        "ok",       "ok")],
  "moderation resolve-claim (dismiss)":         ["moderation:resolve-claim", row(401,        403,        403,        "ok",       "ok")],
  "moderation resolve-claim (hide-comment)":    ["moderation:hide-comment",  row(401,        403,        403,        "ok",       "ok")],
  "moderation bulk-dismiss":                    ["moderation:resolve-claim", row(401,        403,        403,        "ok",       "ok")],
  "moderation (no intent)":                     ["moderation:view-queue",    row(401,        403,        403,        "ok",       "ok")],
  "moderation/suggestions promote-suggestion":  ["moderation:resolve-claim", row(401,        403,        403,        "ok",       "ok")],
  "moderation/suggestions discard-suggestion":  ["moderation:resolve-claim", row(401,        403,        403,        "ok",       "ok")],
  "admin/users change-role":                    ["admin:manage-users",       row(401,        403,        403,        403,        "ok")],
  "admin/users suspend":                        ["admin:manage-users",       row(401,        403,        403,        403,        "ok")],
  "admin/users unsuspend":                      ["admin:manage-users",       row(401,        403,        403,        403,        "ok")],
  "admin/authors link":                         ["admin:manage-users",       row(401,        403,        403,        403,        "ok")],
  "admin/authors unlink":                       ["admin:manage-users",       row(401,        403,        403,        403,        "ok")],
  "admin/import preview":                       ["admin:import",             row(401,        403,        403,        403,        "ok")],
  "admin/import import":                        ["admin:import",             row(401,        403,        403,        403,        "ok")],
  // Not in the permission table: one's own notifications need a signed-in, unsuspended account ("a
  // suspended account keeps only what an anonymous reader has"). requireUser refuses its actions.
  "notifications mark-read":                    ["a session",                row(401,        "ok",       403,        "ok",       "ok")],
  "notifications mark-all-read":                ["a session",                row(401,        "ok",       403,        "ok",       "ok")],
  "watch":                                      ["a session",                row(401,        "ok",       403,        "ok",       "ok")],
  "settings/notifications rotate-feed":         ["a session",                row(401,        "ok",       403,        "ok",       "ok")],
  // The token in the address is the proof (ADR 0035): open to everyone, a token nobody holds is 404.
  "mail/unsubscribe/$token":                    ["the link's token",         row("ok",       "ok",       "ok",       "ok",       "ok")],
  "mail/verify/$token":                         ["the link's token",         row("ok",       "ok",       "ok",       "ok",       "ok")],
  // Open to everyone: signing in, signing up and signing out.
  "logout this-device":                         ["none",                     row("ok",       "ok",       "ok",       "ok",       "ok")],
  "logout everywhere":                          ["none",                     row("ok",       "ok",       "ok",       "ok",       "ok")],
  "login":                                      ["none",                     row("ok",       "ok",       "ok",       "ok",       "ok")],
  "signup":                                     ["none",                     row("ok",       "ok",       "ok",       "ok",       "ok")],
} satisfies Record<string, [permission: string, cells: Record<Reader, Cell>]>;
type Action = keyof typeof MATRIX;

function row(anonymous: Cell, member: Cell, suspended: Cell, moderator: Cell, admin: Cell): Record<Reader, Cell> {
  return { anonymous, member, "suspended member": suspended, moderator, admin };
}

const ROLE_OF: Record<Exclude<Reader, "anonymous">, { role: Role; suspended?: boolean }> = {
  member: { role: "member" },
  "suspended member": { role: "member", suspended: true },
  moderator: { role: "moderator" },
  admin: { role: "admin" },
};

/** An episode with a comment by someone else, another account to act on, and the reader's own comment. */
async function scene(reader: Reader) {
  const episode = await prisma.episode.create({ data: { kind: "post", slug: "matrix", title: "Matrix" }, select: { id: true, slug: true } });
  const other = await createTestUser();
  const othersComment = await createComment({ episodeId: episode.id, parentId: null, author: other, body: "Someone else's comment cites nothing at all." });
  const target = await createTestUser();
  if (reader === "anonymous") return { episode, othersComment, target, cookie: undefined, ownComment: othersComment };
  const { role, suspended } = ROLE_OF[reader];
  const actor = await signedIn(role);
  const ownComment = await createComment({ episodeId: episode.id, parentId: null, author: actor.user, body: "My own comment" });
  // Suspended after the session exists: the session still names the account, as a stale tab would.
  if (suspended) await prisma.user.update({ where: { id: actor.user.id }, data: { suspendedAt: new Date(), suspendedReason: "matrix" } });
  return { episode, othersComment, target, cookie: actor.cookie, ownComment };
}

type Scene = Awaited<ReturnType<typeof scene>>;
type Post = { path: string; fields: Record<string, string | Blob>; ok: number[] };

const NONE = "999999"; // an id nothing has: the allowed reader gets a 404 or 409 from the model
const REASON = "authorization matrix";
const SUCCESS = [200, 303];

// What each action posts, and which statuses count as "ok" for it (its success, or the answer to a minimal body).
const POSTS: Record<Action, (s: Scene) => Post> = {
  "episodes/$slug post-comment": (s) => ({ path: `/episodes/${s.episode.slug}`, fields: { intent: "post-comment", body: "Hello" }, ok: SUCCESS }),
  "episodes/$slug post-comment (reply)": (s) => ({
    path: `/episodes/${s.episode.slug}`,
    fields: { intent: "post-comment", body: "Reply", parentId: String(s.othersComment.id) },
    ok: SUCCESS,
  }),
  "episodes/$slug edit-comment (own)": (s) => ({
    path: `/episodes/${s.episode.slug}`,
    fields: { intent: "edit-comment", commentId: String(s.ownComment.id), body: "Edited" },
    ok: SUCCESS,
  }),
  "episodes/$slug edit-comment (other's)": (s) => ({
    path: `/episodes/${s.episode.slug}`,
    fields: { intent: "edit-comment", commentId: String(s.othersComment.id), body: "Hijack" },
    ok: SUCCESS,
  }),
  "episodes/$slug delete-comment (own)": (s) => ({ path: `/episodes/${s.episode.slug}`, fields: { intent: "delete-comment", commentId: String(s.ownComment.id) }, ok: SUCCESS }),
  "episodes/$slug delete-comment (other's)": (s) => ({
    path: `/episodes/${s.episode.slug}`,
    fields: { intent: "delete-comment", commentId: String(s.othersComment.id) },
    ok: SUCCESS,
  }),
  "claims flag-claim": (s) => ({
    path: "/claims?index",
    fields: { intent: "flag-claim", targetType: "comment", targetId: String(s.othersComment.id), exact: "cites nothing", reason: "no_source" },
    ok: SUCCESS,
  }),
  "claims/$id propose-source": () => ({
    path: `/claims/${NONE}`,
    fields: { intent: "propose-source", quote: "A quote.", url: "https://www.reuters.com/world/", title: "A report", outlet: "Reuters" },
    ok: [400, 404],
  }),
  "moderation take-claim": () => ({ path: "/moderation?index", fields: { intent: "take-claim", claimId: NONE }, ok: [404, 409] }),
  "moderation release-claim": () => ({ path: "/moderation?index", fields: { intent: "release-claim", claimId: NONE }, ok: [404, 409] }),
  "moderation resolve-claim (dismiss)": () => ({
    path: "/moderation?index",
    fields: { intent: "resolve-claim", claimId: NONE, version: "1", decision: "dismiss", reason: REASON },
    ok: [404, 409],
  }),
  "moderation resolve-claim (hide-comment)": (s) => ({
    path: "/moderation?index",
    fields: { intent: "resolve-claim", claimId: NONE, version: "1", decision: "hide-comment", commentId: String(s.othersComment.id), reason: REASON },
    ok: [...SUCCESS, 400, 404, 409],
  }),
  "moderation bulk-dismiss": () => ({ path: "/moderation?index", fields: { intent: "bulk-dismiss", claimIds: NONE, reason: REASON }, ok: [200, 409] }),
  "moderation (no intent)": () => ({ path: "/moderation?index", fields: {}, ok: [400] }),
  "moderation/suggestions promote-suggestion": () => ({ path: "/moderation/suggestions", fields: { intent: "promote-suggestion", suggestionId: NONE }, ok: [404, 409] }),
  "moderation/suggestions discard-suggestion": () => ({
    path: "/moderation/suggestions",
    fields: { intent: "discard-suggestion", suggestionId: NONE, reason: REASON },
    ok: [404, 409],
  }),
  "admin/users change-role": (s) => ({ path: "/admin/users", fields: { intent: "change-role", userId: String(s.target.id), role: "moderator", reason: REASON }, ok: SUCCESS }),
  "admin/users suspend": (s) => ({ path: "/admin/users", fields: { intent: "suspend", userId: String(s.target.id), reason: REASON }, ok: SUCCESS }),
  // The target is not suspended: the allowed admin is told so (400), the others never get that far.
  "admin/users unsuspend": (s) => ({ path: "/admin/users", fields: { intent: "unsuspend", userId: String(s.target.id), reason: REASON }, ok: [...SUCCESS, 400] }),
  "admin/authors link": (s) => ({ path: "/admin/authors", fields: { intent: "link", authorId: NONE, username: s.target.username, reason: REASON }, ok: [404] }),
  "admin/authors unlink": () => ({ path: "/admin/authors", fields: { intent: "unlink", authorId: NONE, reason: REASON }, ok: [404] }),
  "admin/import preview": () => ({
    path: "/admin/import",
    fields: { intent: "preview", timeZone: "America/Los_Angeles", files: new File(["Title\n\nBody text."], "post.txt", { type: "text/plain" }) },
    ok: SUCCESS,
  }),
  // A preview id nobody holds: answered 200 with "This preview has expired".
  "admin/import import": () => ({ path: "/admin/import", fields: { intent: "import", upload: "00000000-0000-4000-8000-000000000000" }, ok: [200, 400] }),
  "notifications mark-read": () => ({ path: "/notifications", fields: { intent: "mark-read", id: NONE }, ok: SUCCESS }),
  "notifications mark-all-read": () => ({ path: "/notifications", fields: { intent: "mark-all-read" }, ok: SUCCESS }),
  watch: (s) => ({ path: "/watch", fields: { targetType: "episode", targetId: String(s.episode.id), level: "watching", redirectTo: "/" }, ok: SUCCESS }),
  "settings/notifications rotate-feed": () => ({ path: "/settings/notifications", fields: { intent: "rotate-feed" }, ok: SUCCESS }),
  "mail/unsubscribe/$token": () => ({ path: "/mail/unsubscribe/nobody-holds-this-token-1234", fields: { "List-Unsubscribe": "One-Click" }, ok: [404] }),
  "mail/verify/$token": () => ({ path: "/mail/verify/nobody-holds-this-token-1234", fields: {}, ok: [404] }),
  "logout this-device": () => ({ path: "/logout", fields: { scope: "this-device" }, ok: SUCCESS }),
  "logout everywhere": () => ({ path: "/logout", fields: { scope: "everywhere" }, ok: SUCCESS }),
  // Wrong credentials / an incomplete form: 400; a reader already signed in is then sent on by the page's
  // loader (302 to "/"), the action having answered 400 all the same.
  login: (s) => ({ path: "/login", fields: { username: "nobody", password: "wrong-password" }, ok: s.cookie ? [302] : [400] }),
  signup: (s) => ({ path: "/signup", fields: { username: "x" }, ok: s.cookie ? [302] : [400] }),
};

describe("authorization matrix over HTTP (docs/authorization.md)", () => {
  for (const [action, [permission, cells]] of Object.entries(MATRIX) as [Action, (typeof MATRIX)[Action]][]) {
    describe(`${action} (${permission})`, () => {
      for (const reader of READERS) {
        const expected = cells[reader];
        it(`${reader}: ${expected === "ok" ? "allowed" : `refused with ${expected}`}`, async () => {
          const app = await testApp();
          const setting = await scene(reader);
          const { path, fields, ok } = POSTS[action](setting);
          const response = await app.post(path, fields, { cookie: setting.cookie });
          const status = response.status;
          const body = await response.text();
          expect(status, `${reader} ${action}: never a 500`).toBeLessThan(500);
          if (expected === "ok") expect(ok, `${reader} ${action} answered ${status}: ${body.slice(0, 300)}`).toContain(status);
          else expect(status, `${reader} ${action}`).toBe(expected);
        });
      }
    });
  }
});
