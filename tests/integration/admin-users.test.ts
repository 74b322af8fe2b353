import { beforeEach, describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { loader as rootLoader } from "~/root";
import { action as authorsAction, loader as authorsLoader } from "~/routes/admin.authors/route";
import { action as usersAction, loader as usersLoader } from "~/routes/admin.users/route";
import { loader as episodeJsonLoader } from "~/routes/api.episodes.$slug";
import { action as loginAction } from "~/routes/login";
import { prisma } from "~/utils/db.server";
import { createNamedUser, createTestUser, outcomeOf, sessionCookieFor, signedIn, testContext } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

const LOGIN_IP = "203.0.113.55";

function getUsers(search = "", cookie?: string) {
  const request = new Request(`http://localhost/admin/users${search}`, { headers: cookie ? { Cookie: cookie } : {} });
  return outcomeOf(() => usersLoader({ request, params: {}, context: testContext }));
}

function postUsers(fields: Record<string, string | number>, cookie?: string) {
  const body = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]));
  const request = new Request("http://localhost/admin/users", { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
  return outcomeOf(() => usersAction({ request, params: {}, context: testContext }));
}

function getAuthors(search = "", cookie?: string) {
  const request = new Request(`http://localhost/admin/authors${search}`, { headers: cookie ? { Cookie: cookie } : {} });
  return outcomeOf(() => authorsLoader({ request, params: {}, context: testContext }));
}

function postAuthors(fields: Record<string, string | number>, cookie?: string) {
  const body = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]));
  const request = new Request("http://localhost/admin/authors", { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
  return outcomeOf(() => authorsAction({ request, params: {}, context: testContext }));
}

async function headerUser(cookie: string) {
  const request = new Request("http://localhost/", { headers: { Cookie: cookie } });
  return (await outcomeOf(() => rootLoader({ request, params: {}, context: testContext }))).body.user as { username: string; role: string } | null;
}

function signIn(username: string, password = "test-password-123") {
  const request = new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ username, password }) });
  return outcomeOf(() => loginAction({ request, params: {}, context: { clientIp: LOGIN_IP } }));
}

const logRows = () =>
  prisma.moderationLog.findMany({
    orderBy: { id: "asc" },
    select: { actorId: true, action: true, targetType: true, targetId: true, reason: true, details: true },
  });


describe("who may manage users", () => {
  it("sends an anonymous reader of /admin/users to the sign-in page, and back afterwards", async () => {
    const result = await getUsers("?q=ada");
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Fq%3Dada");
  });

  it("answers an anonymous POST with 401 and changes nothing", async () => {
    const target = await createTestUser();
    const result = await postUsers({ intent: "suspend", userId: target.id, reason: "spam" });
    expect(result.status).toBe(401);
    expect(await logRows()).toEqual([]);
  });

  it.each(["member", "moderator"] as const)("refuses a %s with 403, page and action", async (role) => {
    const { cookie } = await signedIn(role);
    const target = await createTestUser();
    expect((await getUsers("", cookie)).status).toBe(403);
    const post = await postUsers({ intent: "change-role", userId: target.id, role: "admin", reason: "please" }, cookie);
    expect(post.status).toBe(403);
    expect(post.body).toBe("Your role does not allow this.");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true } })).role).toBe("member");
  });

  it("refuses a suspended admin with 403", async () => {
    const { cookie } = await signedIn("admin", { suspended: true });
    const target = await createTestUser();
    const post = await postUsers({ intent: "suspend", userId: target.id, reason: "spam" }, cookie);
    expect(post.status).toBe(403);
    expect(post.body).toBe("Your account is suspended.");
  });

  it("applies the same rules to /admin/authors", async () => {
    expect((await getAuthors()).status).toBe(302);
    expect((await postAuthors({ intent: "unlink", authorId: 1, reason: "x" })).status).toBe(401);
    const { cookie } = await signedIn("moderator");
    expect((await getAuthors("", cookie)).status).toBe(403);
    expect((await postAuthors({ intent: "unlink", authorId: 1, reason: "x" }, cookie)).status).toBe(403);
  });
});

describe("the list of users", () => {
  it("shows each account's role, joined date, comment count and status", async () => {
    const { user: admin, cookie } = await signedIn("admin");
    const ada = await createNamedUser("Ada", { email: "ada@example.org" });
    await prisma.user.update({ where: { id: ada.id }, data: { suspendedAt: new Date("2026-03-01T12:00:00Z"), suspendedReason: "spam" } });
    const result = await getUsers("", cookie);
    expect(result.status).toBe(200);
    expect(result.body.viewerId).toBe(admin.id);
    expect(result.body.results.total).toBe(2);
    expect(result.body.results.users).toEqual([
      expect.objectContaining({
        username: "Ada",
        email: "ada@example.org",
        role: "member",
        commentCount: 0,
        createdAt: expect.any(Date),
        suspendedAt: new Date("2026-03-01T12:00:00Z"),
        suspendedReason: "spam",
      }),
      expect.objectContaining({ id: admin.id, role: "admin", suspendedAt: null }),
    ]);
  });

  it("finds accounts by part of the username or email, in any case", async () => {
    const { cookie } = await signedIn("admin");
    await createNamedUser("Ada", { email: "countess@example.org" });
    await createNamedUser("Grace", { email: "grace@navy.example" });
    await createNamedUser("Adalbert");
    const byName = await getUsers("?q=ADA", cookie);
    expect(byName.body.results.users.map((user: { username: string }) => user.username).sort()).toEqual(["Ada", "Adalbert"]);
    const byEmail = await getUsers("?q=navy", cookie);
    expect(byEmail.body.results.users.map((user: { username: string }) => user.username)).toEqual(["Grace"]);
    expect(byEmail.body.q).toBe("navy");
    const none = await getUsers("?q=nobody", cookie);
    expect(none.body.results).toMatchObject({ total: 0, users: [] });
  });

  it("shows 25 a page, newest first", async () => {
    const { cookie } = await signedIn("admin");
    for (let index = 1; index <= 29; index += 1) await createNamedUser(`reader-${String(index).padStart(2, "0")}`);
    const first = await getUsers("?q=reader", cookie);
    expect(first.body.results).toMatchObject({ total: 29, page: 1, pageCount: 2 });
    expect(first.body.results.users).toHaveLength(25);
    expect(first.body.results.users[0].username).toBe("reader-29");
    const second = await getUsers("?q=reader&page=2", cookie);
    expect(second.body.results.users.map((user: { username: string }) => user.username)).toEqual([
      "reader-04",
      "reader-03",
      "reader-02",
      "reader-01",
    ]);
  });

  it("answers a malformed query with 400 and an unknown user to manage with 404", async () => {
    const { cookie } = await signedIn("admin");
    expect(await getUsers("?page=0", cookie)).toMatchObject({ status: 400, body: "Pages start at 1." });
    expect(await getUsers(`?q=${"x".repeat(101)}`, cookie)).toMatchObject({ status: 400, body: "Search for at most 100 characters." });
    expect(await getUsers("?manage=999", cookie)).toMatchObject({ status: 404, body: "No user has the id 999." });
    const ada = await createNamedUser("Ada");
    expect((await getUsers(`?manage=${ada.id}`, cookie)).body.managed).toMatchObject({ id: ada.id, username: "Ada" });
  });
});

describe("changing a role", () => {
  it("makes a member a moderator, logged with the reason, and their next page shows it", async () => {
    const { user: admin, cookie } = await signedIn("admin");
    const ada = await createNamedUser("Ada");
    const adaCookie = await sessionCookieFor(ada.id);

    const result = await postUsers({ intent: "change-role", userId: ada.id, role: "moderator", reason: "  Long-standing careful member  " }, cookie);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, message: "Ada is now a moderator (was a member)." });
    expect(await logRows()).toEqual([
      {
        actorId: admin.id,
        action: "user.role_changed",
        targetType: "user",
        targetId: String(ada.id),
        reason: "Long-standing careful member",
        details: { from: "member", to: "moderator" },
      },
    ]);
    expect(await headerUser(adaCookie)).toMatchObject({ username: "Ada", role: "moderator" });
  });

  it("refuses the role the user already has, and logs nothing", async () => {
    const { cookie } = await signedIn("admin");
    const mod = await createNamedUser("Mo", { role: "moderator" });
    const result = await postUsers({ intent: "change-role", userId: mod.id, role: "moderator", reason: "again" }, cookie);
    expect(result.status).toBe(400);
    expect(result.body.errors.form).toBe("Mo is already a moderator.");
    expect(await logRows()).toEqual([]);
  });

  it("refuses an admin's own demotion and suspension, so there is always an admin", async () => {
    const { user: admin, cookie } = await signedIn("admin");
    const attempts: Record<string, string | number>[] = [
      { intent: "change-role", userId: admin.id, role: "member", reason: "stepping down" },
      { intent: "suspend", userId: admin.id, reason: "holiday" },
    ];
    for (const fields of attempts) {
      const result = await postUsers(fields, cookie);
      expect(result.status).toBe(403);
      expect(result.body.errors.form).toBe("You cannot demote or suspend yourself.");
    }
    const after = await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, suspendedAt: true } });
    expect(after).toEqual({ role: "admin", suspendedAt: null });
    expect(await logRows()).toEqual([]);
  });

  it("lets one admin demote another, but not both each other at the same moment", async () => {
    const first = await signedIn("admin");
    const second = await signedIn("admin");
    const results = await Promise.all([
      postUsers({ intent: "change-role", userId: second.user.id, role: "member", reason: "race" }, first.cookie),
      postUsers({ intent: "change-role", userId: first.user.id, role: "member", reason: "race" }, second.cookie),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 403]);
    expect(await prisma.user.count({ where: { role: "admin" } })).toBe(1);
    expect(await prisma.moderationLog.count()).toBe(1);
  });

  it.each([
    ["no reason", { reason: "" }, { reason: "Give a reason: it goes into the moderation log." }],
    ["a blank reason", { reason: "   " }, { reason: "Give a reason: it goes into the moderation log." }],
    ["a reason over 500 characters", { reason: "r".repeat(501) }, { reason: "A reason has at most 500 characters." }],
    ["an unknown role", { role: "owner" }, { role: "Choose member, moderator or admin." }],
    ["an unknown intent", { intent: "delete" }, { form: "Choose an action: change role, suspend or unsuspend." }],
    ["a user id that is not a number", { userId: "ada" }, { form: "Choose a user." }],
  ] as const)("answers %s with 400 and the message, changing nothing", async (_name, overrides, messages) => {
    const { cookie } = await signedIn("admin");
    const ada = await createNamedUser("Ada");
    const result = await postUsers({ intent: "change-role", userId: ada.id, role: "moderator", reason: "ok", ...overrides }, cookie);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ ok: false, errors: messages });
    expect(result.body.fields.reason).toBe("reason" in overrides ? overrides.reason : "ok");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ada.id }, select: { role: true } })).role).toBe("member");
    expect(await logRows()).toEqual([]);
  });

  it("answers an unknown user with a readable 404", async () => {
    const { cookie } = await signedIn("admin");
    for (const intent of ["change-role", "suspend", "unsuspend"]) {
      const result = await postUsers({ intent, userId: 4242, role: "moderator", reason: "who?" }, cookie);
      expect(result).toMatchObject({ status: 404, body: "No user has the id 4242." });
    }
    expect(await logRows()).toEqual([]);
  });
});

describe("suspending", () => {
  it("suspends with the reason, ends every session of the user and nobody else's, and blocks signing in", async () => {
    const { user: admin, cookie } = await signedIn("admin");
    const troll = await createNamedUser("Troll");
    const laptop = await sessionCookieFor(troll.id);
    const phone = await sessionCookieFor(troll.id);
    const bystander = await createNamedUser("Bystander");
    const bystanderCookie = await sessionCookieFor(bystander.id);

    const result = await postUsers({ intent: "suspend", userId: troll.id, reason: "Repeated personal attacks" }, cookie);
    expect(result.status).toBe(200);
    expect(result.body.message).toBe("Troll is suspended and signed out everywhere.");

    const after = await prisma.user.findUniqueOrThrow({ where: { id: troll.id }, select: { suspendedAt: true, suspendedReason: true } });
    expect(after.suspendedAt).toBeInstanceOf(Date);
    expect(after.suspendedReason).toBe("Repeated personal attacks");
    expect(await prisma.session.count({ where: { userId: troll.id } })).toBe(0);
    expect(await headerUser(laptop)).toBeNull();
    expect(await headerUser(phone)).toBeNull();
    expect(await headerUser(bystanderCookie)).toMatchObject({ username: "Bystander" });
    expect(await logRows()).toEqual([
      {
        actorId: admin.id,
        action: "user.suspended",
        targetType: "user",
        targetId: String(troll.id),
        reason: "Repeated personal attacks",
        details: { sessionsEnded: 2 },
      },
    ]);

    const signInAttempt = await signIn("Troll");
    expect(signInAttempt.status).toBe(403);
    expect(signInAttempt.body.errors.form).toBe("This account is suspended.");

    const list = await getUsers("?q=troll", cookie);
    expect(list.body.results.users[0]).toMatchObject({ username: "Troll", suspendedAt: after.suspendedAt, suspendedReason: "Repeated personal attacks" });
  });

  it("refuses to suspend a suspended account again", async () => {
    const { cookie } = await signedIn("admin");
    const troll = await createNamedUser("Troll");
    expect((await postUsers({ intent: "suspend", userId: troll.id, reason: "first" }, cookie)).status).toBe(200);
    const again = await postUsers({ intent: "suspend", userId: troll.id, reason: "second" }, cookie);
    expect(again.status).toBe(400);
    expect(again.body.errors.form).toBe("Troll is already suspended.");
    expect(await prisma.moderationLog.count()).toBe(1);
  });

  it("unsuspends with a reason: the user may sign in again and regains their permissions", async () => {
    const { user: admin, cookie } = await signedIn("admin");
    const troll = await createNamedUser("Troll");
    await postUsers({ intent: "suspend", userId: troll.id, reason: "heated thread" }, cookie);

    const missingReason = await postUsers({ intent: "unsuspend", userId: troll.id, reason: "" }, cookie);
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.errors.reason).toBe("Give a reason: it goes into the moderation log.");

    const result = await postUsers({ intent: "unsuspend", userId: troll.id, reason: "Apologised" }, cookie);
    expect(result.status).toBe(200);
    expect(result.body.message).toBe("Troll is no longer suspended and may sign in again.");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: troll.id }, select: { suspendedAt: true, suspendedReason: true } })).toEqual({
      suspendedAt: null,
      suspendedReason: null,
    });
    const rows = await logRows();
    expect(rows.map((row) => row.action)).toEqual(["user.suspended", "user.unsuspended"]);
    expect(rows[1]).toMatchObject({ actorId: admin.id, reason: "Apologised", targetId: String(troll.id) });
    expect((await signIn("Troll")).status).toBe(303);

    const notSuspended = await postUsers({ intent: "unsuspend", userId: troll.id, reason: "again" }, cookie);
    expect(notSuspended.status).toBe(400);
    expect(notSuspended.body.errors.form).toBe("Troll is not suspended.");
  });
});

describe("imported authors", () => {
  let slug: string;

  beforeEach(async () => {
    slug = (await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) })).episode.slug;
  });

  async function authorNames() {
    const request = new Request(`http://localhost/api/episodes/${slug}`);
    const response = (await episodeJsonLoader({ request, params: { slug }, context: testContext })) as Response;
    const json = (await response.json()) as { comments: { authorName: string }[] };
    return json.comments.map((comment) => comment.authorName);
  }

  const idOf = async (name: string) => (await prisma.importedAuthor.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;

  it("lists imported authors with their comment counts and linked accounts", async () => {
    const { cookie } = await signedIn("admin");
    const result = await getAuthors("", cookie);
    expect(result.status).toBe(200);
    expect(result.body.results.authors).toEqual([
      { id: expect.any(Number), name: "Dave Emory", commentCount: 1, linkedUser: null },
      { id: expect.any(Number), name: "Pterrafractyl", commentCount: 8, linkedUser: null },
    ]);
    expect((await getAuthors("?q=pterra", cookie)).body.results.authors.map((author: { name: string }) => author.name)).toEqual(["Pterrafractyl"]);
  });

  it("links an imported author to an account: the JSON then shows the account; unlinking restores the name", async () => {
    const { user: admin, cookie } = await signedIn("admin");
    const member = await createNamedUser("ptero");
    const authorId = await idOf("Pterrafractyl");
    expect((await authorNames()).filter((name) => name === "Pterrafractyl")).toHaveLength(8);

    const linked = await postAuthors({ intent: "link", authorId, username: "PTERO", reason: "Verified by email" }, cookie);
    expect(linked.status).toBe(200);
    expect(linked.body.message).toBe("Pterrafractyl’s comments now show ptero as their author.");
    const names = await authorNames();
    expect(names.filter((name) => name === "ptero")).toHaveLength(8);
    expect(names).not.toContain("Pterrafractyl");
    expect(names).toContain("Dave Emory");
    expect((await getAuthors("", cookie)).body.results.authors[1].linkedUser).toEqual({ id: member.id, username: "ptero" });

    const unlinked = await postAuthors({ intent: "unlink", authorId, reason: "Linked by mistake" }, cookie);
    expect(unlinked.status).toBe(200);
    expect((await authorNames()).filter((name) => name === "Pterrafractyl")).toHaveLength(8);

    expect(await logRows()).toEqual([
      {
        actorId: admin.id,
        action: "author.linked",
        targetType: "imported_author",
        targetId: String(authorId),
        reason: "Verified by email",
        details: { name: "Pterrafractyl", userId: member.id, username: "ptero" },
      },
      {
        actorId: admin.id,
        action: "author.unlinked",
        targetType: "imported_author",
        targetId: String(authorId),
        reason: "Linked by mistake",
        details: { name: "Pterrafractyl", userId: member.id, username: "ptero" },
      },
    ]);
  });

  it("answers an unknown account beside the username, a missing reason beside the reason, and changes nothing", async () => {
    const { cookie } = await signedIn("admin");
    const authorId = await idOf("Dave Emory");
    const unknown = await postAuthors({ intent: "link", authorId, username: "nobody", reason: "x" }, cookie);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ ok: false, authorId, errors: { username: "No account is called “nobody”." }, fields: { username: "nobody" } });
    await createNamedUser("dave");
    const noReason = await postAuthors({ intent: "link", authorId, username: "dave", reason: "" }, cookie);
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.reason).toBe("Give a reason: it goes into the moderation log.");
    expect(await prisma.importedAuthor.count({ where: { linkedUserId: { not: null } } })).toBe(0);
    expect(await logRows()).toEqual([]);
  });

  it("refuses to link an author already linked, or to unlink one that is not", async () => {
    const { cookie } = await signedIn("admin");
    await createNamedUser("dave");
    await createNamedUser("other");
    const authorId = await idOf("Dave Emory");
    const notLinked = await postAuthors({ intent: "unlink", authorId, reason: "x" }, cookie);
    expect(notLinked.body.errors.form).toBe("Dave Emory is not linked to an account.");
    expect((await postAuthors({ intent: "link", authorId, username: "dave", reason: "x" }, cookie)).status).toBe(200);
    const again = await postAuthors({ intent: "link", authorId, username: "other", reason: "x" }, cookie);
    expect(again.status).toBe(400);
    expect(again.body.errors.form).toBe("Dave Emory is linked to another account: unlink it first.");
  });

  it("answers an unknown imported author with a readable 404", async () => {
    const { cookie } = await signedIn("admin");
    await createNamedUser("dave");
    const result = await postAuthors({ intent: "link", authorId: 9999, username: "dave", reason: "x" }, cookie);
    expect(result).toMatchObject({ status: 404, body: "No imported author has the id 9999." });
  });
});
