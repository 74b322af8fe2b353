// The authorization matrix of docs/authorization.md, exercised through the real route actions:
// for each kind of reader, every action is allowed or refused exactly as documented, never a 500.
import type { Role } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { createComment } from "~/models/comment.server";
import { action as adminImport } from "~/routes/admin.import";
import { action as adminUsers } from "~/routes/admin.users";
import { action as episodeAction } from "~/routes/episodes.$slug/route";
import { prisma } from "~/utils/db.server";
import { createTestUser, signedIn, testContext } from "../factories";

type Reader = "anonymous" | "member" | "suspended member" | "moderator" | "admin";
type Action = "comment" | "reply" | "edit own" | "edit other's" | "delete own" | "delete other's" | "change role" | "suspend" | "admin import";

const ALLOWED = "allowed";
// docs/authorization.md: anonymous → 401, signed in without the permission (or suspended) → 403.
const EXPECTED: Record<Reader, Record<Action, typeof ALLOWED | 401 | 403>> = {
  anonymous: { comment: 401, reply: 401, "edit own": 401, "edit other's": 401, "delete own": 401, "delete other's": 401, "change role": 401, suspend: 401, "admin import": 401 },
  member: { comment: ALLOWED, reply: ALLOWED, "edit own": ALLOWED, "edit other's": 403, "delete own": ALLOWED, "delete other's": 403, "change role": 403, suspend: 403, "admin import": 403 },
  "suspended member": { comment: 403, reply: 403, "edit own": 403, "edit other's": 403, "delete own": 403, "delete other's": 403, "change role": 403, suspend: 403, "admin import": 403 },
  moderator: { comment: ALLOWED, reply: ALLOWED, "edit own": ALLOWED, "edit other's": 403, "delete own": ALLOWED, "delete other's": 403, "change role": 403, suspend: 403, "admin import": 403 },
  admin: { comment: ALLOWED, reply: ALLOWED, "edit own": ALLOWED, "edit other's": 403, "delete own": ALLOWED, "delete other's": 403, "change role": ALLOWED, suspend: ALLOWED, "admin import": ALLOWED },
};

const ROLE_OF: Record<Exclude<Reader, "anonymous">, { role: Role; suspended?: boolean }> = {
  member: { role: "member" },
  "suspended member": { role: "member", suspended: true },
  moderator: { role: "moderator" },
  admin: { role: "admin" },
};

/** The HTTP status an action answered with, whether it returned data, a Response, or threw one. */
async function statusOf(run: () => Promise<unknown>) {
  try {
    const result = await run();
    if (result instanceof Response) return result.status;
    const init = (result as { init?: ResponseInit | null } | null)?.init;
    return init?.status ?? 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

function post(path: string, form: Record<string, string | Blob>, cookie?: string) {
  const body = new FormData();
  for (const [key, value] of Object.entries(form)) body.append(key, value);
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

async function scene(reader: Reader) {
  const episode = await prisma.episode.create({ data: { kind: "post", slug: "matrix", title: "Matrix" }, select: { id: true, slug: true } });
  const other = await createTestUser();
  const othersComment = await createComment({ episodeId: episode.id, parentId: null, author: other, body: "Someone else's comment" });
  const target = await createTestUser();
  if (reader === "anonymous") return { episode, othersComment, target, cookie: undefined, ownComment: othersComment };
  const { role, suspended } = ROLE_OF[reader];
  const actor = await signedIn(role);
  const ownComment = await createComment({ episodeId: episode.id, parentId: null, author: actor.user, body: "My own comment" });
  if (suspended) await prisma.user.update({ where: { id: actor.user.id }, data: { suspendedAt: new Date(), suspendedReason: "matrix" } });
  return { episode, othersComment, target, cookie: actor.cookie, ownComment };
}

type Scene = Awaited<ReturnType<typeof scene>>;

const RUN: Record<Action, (s: Scene) => Promise<unknown>> = {
  comment: (s) => episodeAction({ request: post(`/episodes/${s.episode.slug}`, { intent: "post-comment", body: "Hello", js: "1" }, s.cookie), params: { slug: s.episode.slug }, context: testContext }),
  reply: (s) =>
    episodeAction({ request: post(`/episodes/${s.episode.slug}`, { intent: "post-comment", body: "Reply", parentId: String(s.othersComment.id), js: "1" }, s.cookie), params: { slug: s.episode.slug }, context: testContext }),
  "edit own": (s) =>
    episodeAction({ request: post(`/episodes/${s.episode.slug}`, { intent: "edit-comment", commentId: String(s.ownComment.id), body: "Edited", js: "1" }, s.cookie), params: { slug: s.episode.slug }, context: testContext }),
  "edit other's": (s) =>
    episodeAction({ request: post(`/episodes/${s.episode.slug}`, { intent: "edit-comment", commentId: String(s.othersComment.id), body: "Hijack", js: "1" }, s.cookie), params: { slug: s.episode.slug }, context: testContext }),
  "delete own": (s) =>
    episodeAction({ request: post(`/episodes/${s.episode.slug}`, { intent: "delete-comment", commentId: String(s.ownComment.id), js: "1" }, s.cookie), params: { slug: s.episode.slug }, context: testContext }),
  "delete other's": (s) =>
    episodeAction({ request: post(`/episodes/${s.episode.slug}`, { intent: "delete-comment", commentId: String(s.othersComment.id), js: "1" }, s.cookie), params: { slug: s.episode.slug }, context: testContext }),
  "change role": (s) => adminUsers({ request: post("/admin/users", { intent: "change-role", userId: String(s.target.id), role: "moderator", reason: "matrix" }, s.cookie), params: {}, context: testContext }),
  suspend: (s) => adminUsers({ request: post("/admin/users", { intent: "suspend", userId: String(s.target.id), reason: "matrix" }, s.cookie), params: {}, context: testContext }),
  "admin import": (s) =>
    adminImport({
      request: post("/admin/import", { intent: "preview", timeZone: "America/Los_Angeles", files: new File(["Title\n\nBody text."], "post.txt", { type: "text/plain" }) }, s.cookie),
      params: {},
      context: testContext,
    }),
};

describe("authorization matrix (docs/authorization.md)", () => {
  for (const reader of Object.keys(EXPECTED) as Reader[]) {
    describe(reader, () => {
      for (const [actionName, expected] of Object.entries(EXPECTED[reader]) as [Action, typeof ALLOWED | 401 | 403][]) {
        it(`${actionName}: ${expected === ALLOWED ? "allowed" : `refused with ${expected}`}`, async () => {
          const setting = await scene(reader);
          const status = await statusOf(() => RUN[actionName](setting));
          if (expected === ALLOWED) expect([200, 303]).toContain(status);
          else expect(status).toBe(expected);
        });
      }
    });
  }
});
