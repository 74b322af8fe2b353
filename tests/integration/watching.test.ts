// Watching (issue 18, ADR 0035): who is told about a new comment or a claim's new state, once, after the
// fan-out job ran; the request itself only queues that job.
import { describe, expect, it } from "vitest";
import { hideComment, resolveClaim } from "~/models/claims/index.server";
import { createComment } from "~/models/comment.server";
import { pendingJobs } from "~/models/jobs.server";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/notifications";
import { action as watchAction } from "~/routes/watch";
import { loader as feedLoader } from "~/routes/feeds.notifications.$token";
import { loader as mentionsLoader } from "~/routes/api.mentions";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings.notifications";
import { prisma } from "~/utils/db.server";
import { createNamedUser, outcomeOf, sessionCookieFor, signedIn, testContext } from "../factories";
import { runJobs } from "../jobs";

async function episode(slug = "ftr-863") {
  return prisma.episode.create({ data: { kind: "program", slug, number: 863, title: "FTR #863" }, select: { id: true, slug: true } });
}

const post = (path: string, form: Record<string, string>, cookie: string) =>
  new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookie } });

async function watch(cookie: string, targetType: string, targetId: number, level: string) {
  return outcomeOf(() => watchAction({ request: post("/watch", { targetType, targetId: String(targetId), level, redirectTo: "/" }, cookie), params: {}, context: testContext }));
}

/** The notifications page as the member reads it. */
async function notificationsOf(cookie: string) {
  const page = await notificationsLoader({ request: new Request("http://localhost/notifications", { headers: { Cookie: cookie } }), params: {}, context: testContext });
  return page.notifications.map((notification) => notification.text);
}

describe("watching", { timeout: 120_000 }, () => {
  it("a member watching an episode is told of new comments by others, grouped into one notification", async () => {
    const ep = await episode();
    const a = await signedIn("member");
    const b = await signedIn("member");
    expect((await watch(a.cookie, "episode", ep.id, "watching")).status).toBe(303);
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "First new comment." });
    // Nothing yet: the fan-out is a job, run after the request.
    expect(await notificationsOf(a.cookie)).toEqual([]);
    await runJobs();
    expect(await notificationsOf(a.cookie)).toEqual([`${b.user.username} commented on FTR #863`]);
    for (const body of ["Second.", "Third.", "Fourth.", "Fifth."]) await createComment({ episodeId: ep.id, parentId: null, author: b.user, body });
    await createComment({ episodeId: ep.id, parentId: null, author: a.user, body: "My own comment tells me nothing." });
    await runJobs();
    expect(await notificationsOf(a.cookie)).toEqual(["5 new comments on FTR #863"]);
    expect(await notificationsOf(b.cookie)).toEqual([]);
  });

  it("a muted episode tells nothing, not even a reply in it", async () => {
    const ep = await episode();
    const a = await signedIn("member");
    const b = await signedIn("member");
    await watch(a.cookie, "episode", ep.id, "muted");
    const mine = await createComment({ episodeId: ep.id, parentId: null, author: a.user, body: "A question, @" + b.user.username + "?" });
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Unrelated comment." });
    await createComment({ episodeId: ep.id, parentId: mine.id, author: b.user, body: "An answer to a muted member." });
    await runJobs();
    expect(await notificationsOf(a.cookie)).toEqual([]);
    expect(await prisma.notification.count({ where: { userId: a.user.id, readAt: null } })).toBe(0);
  });

  it("a reply to me while I track the thread (the default once I commented) notifies me", async () => {
    const ep = await episode();
    const a = await signedIn("member");
    const b = await signedIn("member");
    const mine = await createComment({ episodeId: ep.id, parentId: null, author: a.user, body: "My thread." });
    await runJobs();
    expect(await prisma.watch.findMany({ where: { userId: a.user.id }, select: { commentId: true, level: true } })).toEqual([{ commentId: mine.id, level: "tracking" }]);
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Another thread: tracking does not tell." });
    await createComment({ episodeId: ep.id, parentId: mine.id, author: b.user, body: "A reply to you." });
    await runJobs();
    expect(await notificationsOf(a.cookie)).toEqual([`${b.user.username} replied to your comment on “FTR #863”`]);
  });

  it("a mention of @member notifies once, even when the member also watches the episode", async () => {
    const ep = await episode();
    const ada = await createNamedUser("Ada_L");
    const adaCookie = await sessionCookieFor(ada.id);
    const b = await signedIn("member");
    await watch(adaCookie, "episode", ep.id, "watching");
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "What do you think, @ada_l? And again @Ada_L." });
    await runJobs();
    expect(await notificationsOf(adaCookie)).toEqual([`${b.user.username} mentioned you on “FTR #863”`]);
    // A name that is nobody's tells nobody.
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Hello @nobody-here." });
    await runJobs();
    expect(await prisma.notification.count({ where: { kind: "mention" } })).toBe(1);
  });

  it("a claim I watch becoming sourced notifies me, and the flagger is told once", async () => {
    const ep = await episode();
    const author = await signedIn("member");
    const flagger = await signedIn("member");
    const watcher = await signedIn("member");
    const moderator = await signedIn("moderator");
    const comment = await createComment({ episodeId: ep.id, parentId: null, author: author.user, body: "In 2019, 4,500 soldiers were sent." });
    const claim = await prisma.claim.create({
      data: {
        episodeId: ep.id, targetType: "comment", commentId: comment.id, exact: "4,500 soldiers", prefix: "In 2019, ", suffix: " were sent.", start: 9, end: 23, targetRevision: 1, flaggerCount: 1,
        flags: { create: { userId: flagger.user.id, reason: "no_source" } },
      },
      select: { id: true },
    });
    const source = await prisma.source.create({ data: { key: "url:https://example.org/report", kind: "web", title: "The report", url: "https://example.org/report" }, select: { id: true } });
    const proposal = await prisma.sourceProposal.create({ data: { claimId: claim.id, sourceId: source.id, proposedById: author.user.id, quote: "4,500 soldiers" }, select: { id: true } });
    expect((await watch(watcher.cookie, "claim", claim.id, "watching")).status).toBe(303);
    await watch(flagger.cookie, "claim", claim.id, "watching");
    await runJobs();
    await resolveClaim({ moderator: moderator.user, claimId: claim.id, version: 1, action: "accept-source", reason: "The report says so.", proposalId: proposal.id });
    expect(await pendingJobs()).toEqual([{ task: "notify-claim-event", count: 1, failing: 0 }]);
    await runJobs();
    expect(await notificationsOf(watcher.cookie)).toEqual(["A claim you watch is now sourced: “4,500 soldiers”"]);
    expect(await notificationsOf(flagger.cookie)).toEqual(["A claim you flagged is now sourced: “4,500 soldiers”"]);
    expect(await notificationsOf(moderator.cookie)).toEqual([]);
  });

  it("a watch control refuses what does not exist and an anonymous reader", async () => {
    const a = await signedIn("member");
    expect((await watch(a.cookie, "episode", 999, "watching")).status).toBe(404);
    expect((await watch(a.cookie, "planet", 1, "watching")).status).toBe(400);
    const anonymous = await outcomeOf(() => watchAction({ request: new Request("http://localhost/watch", { method: "POST", body: new URLSearchParams({ targetType: "episode", targetId: "1", level: "watching" }) }), params: {}, context: testContext }));
    expect(anonymous.status).toBe(401);
  });

  it("10,000 watchers cost the request one job; the job tells them all", async () => {
    const ep = await episode();
    const b = await signedIn("member");
    await prisma.$executeRaw`INSERT INTO "User" (username, "usernameKey", "passwordHash", "updatedAt") SELECT 'w' || i, 'w' || i, 'x', now() FROM generate_series(1, 10000) i`;
    await prisma.$executeRaw`INSERT INTO "Watch" ("userId", "episodeId", level) SELECT id, ${ep.id}, 'watching' FROM "User" WHERE username LIKE 'w%'`;
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Hello, watchers." });
    expect(await prisma.notification.count()).toBe(0);
    expect(await pendingJobs()).toEqual([{ task: "notify-comment", count: 1, failing: 0 }, { task: "suggest-claims", count: 1, failing: 0 }]);
    await runJobs();
    expect(await prisma.notification.count({ where: { kind: "new-comments" } })).toBe(10_000);

    // The next comment writes nothing for a watcher who has not read the first (ADR 0048): the rows keep
    // their versions, and the count is taken when read.
    const versions = async () => (await prisma.$queryRaw<{ v: string }[]>`SELECT string_agg(xmin::text, ',' ORDER BY id) AS v FROM "Notification"`)[0]!.v;
    const before = await versions();
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Hello again." });
    await runJobs();
    expect(await versions()).toBe(before);
    const w1 = await prisma.user.findFirstOrThrow({ where: { username: "w1" } });
    expect(await notificationsOf(await sessionCookieFor(w1.id))).toEqual(["2 new comments on FTR #863"]);
  });

  it("a group counts the visible comments since its first, up to when it was read; later ones start the next", async () => {
    const ep = await episode();
    const a = await signedIn("member");
    const b = await signedIn("member");
    const moderator = await signedIn("moderator");
    expect((await watch(a.cookie, "episode", ep.id, "watching")).status).toBe(303);
    const first = await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "One." });
    const second = await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Two." });
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Three." });
    await runJobs();
    const [group] = await prisma.notification.findMany({ where: { userId: a.user.id } });
    // It names the first comment the member has not seen: the link starts there.
    expect(group!.commentId).toBe(first.id);
    expect(await notificationsOf(a.cookie)).toEqual(["3 new comments on FTR #863"]);

    // A comment hidden since is no longer counted.
    await hideComment({ moderator: moderator.user, commentId: second.id, reason: "Off topic" });
    expect(await notificationsOf(a.cookie)).toEqual(["2 new comments on FTR #863"]);

    // Read, it keeps its count; the next comment starts a new group.
    expect((await outcomeOf(() => notificationsAction({ request: post("/notifications", { intent: "mark-all-read" }, a.cookie), params: {}, context: testContext }))).status).toBe(303);
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Four." });
    await runJobs();
    expect(await notificationsOf(a.cookie)).toEqual([`${b.user.username} commented on FTR #863`, "2 new comments on FTR #863"]);
  });

  it("the private feed lists the member's notifications until its address is replaced or switched off", async () => {
    const ep = await episode();
    const a = await signedIn("member");
    const b = await signedIn("member");
    await watch(a.cookie, "episode", ep.id, "watching");
    await createComment({ episodeId: ep.id, parentId: null, author: b.user, body: "Feed me." });
    await runJobs();
    const settings = () => settingsLoader({ request: new Request("http://localhost/settings/notifications", { headers: { Cookie: a.cookie } }), params: {}, context: testContext });
    expect((await settings()).feedUrl).toBeNull();
    const changed = await outcomeOf(() => settingsAction({ request: post("/settings/notifications", { intent: "rotate-feed" }, a.cookie), params: {}, context: testContext }));
    expect(changed.status).toBe(303);
    const feedUrl = (await settings()).feedUrl!;
    const token = feedUrl.split("/").at(-1)!;
    const feed = await feedLoader({ request: new Request(feedUrl), params: { token }, context: testContext });
    expect(feed.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await feed.text()).toContain(`${b.user.username} commented on FTR #863`);
    await settingsAction({ request: post("/settings/notifications", { intent: "revoke-feed" }, a.cookie), params: {}, context: testContext });
    expect((await outcomeOf(() => feedLoader({ request: new Request(feedUrl), params: { token }, context: testContext }))).status).toBe(404);
  });

  it("mention suggestions are the thread's members whose name starts with what was typed", async () => {
    const ep = await episode();
    const ada = await createNamedUser("ada_l");
    const adam = await createNamedUser("adam");
    await createNamedUser("adele"); // never wrote in the thread
    const b = await signedIn("member");
    const root = await createComment({ episodeId: ep.id, parentId: null, author: ada, body: "Root." });
    await createComment({ episodeId: ep.id, parentId: root.id, author: adam, body: "Reply." });
    const response = await mentionsLoader({ request: new Request(`http://localhost/api/mentions?episode=${ep.slug}&thread=${root.id}&q=AD`, { headers: { Cookie: b.cookie } }), params: {}, context: testContext });
    expect(await response.json()).toEqual({ names: ["ada_l", "adam"] });
    const bad = await outcomeOf(() => mentionsLoader({ request: new Request(`http://localhost/api/mentions?episode=${ep.slug}&q=%3Cscript%3E`, { headers: { Cookie: b.cookie } }), params: {}, context: testContext }));
    expect(bad.status).toBe(400);
  });
});
