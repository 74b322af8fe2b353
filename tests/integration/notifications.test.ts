import { describe, expect, it } from "vitest";
import { createComment } from "~/models/comment.server";
import { loader as rootLoader } from "~/root";
import { action, loader } from "~/routes/notifications";
import { prisma } from "~/utils/db.server";
import { signedIn, testContext } from "../factories";

async function thrown(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a thrown Response");
    },
    (error: unknown) => error as Response,
  );
}

async function replyScene() {
  const episode = await prisma.episode.create({ data: { kind: "post", slug: "e", title: "E" }, select: { id: true } });
  const asker = await signedIn("member");
  const answerer = await signedIn("member");
  const question = await createComment({ episodeId: episode.id, parentId: null, author: asker.user, body: "Question?" });
  await createComment({ episodeId: episode.id, parentId: question.id, author: answerer.user, body: "Answer." });
  return { asker, answerer };
}

const get = (cookie?: string) => new Request("http://localhost/notifications", { headers: cookie ? { Cookie: cookie } : {} });
const post = (form: Record<string, string>, cookie: string) =>
  new Request("http://localhost/notifications", { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookie } });

describe("notifications", () => {
  it("shows the reply in the list and the unread count in the header", async () => {
    const { asker, answerer } = await replyScene();
    const page = await loader({ request: get(asker.cookie), params: {}, context: testContext });
    expect(page.notifications).toEqual([
      expect.objectContaining({ unread: true, text: `${answerer.user.username} replied to your comment on “E”`, excerpt: "Answer.", href: "/episodes/e?c=L2#comment-L2" }),
    ]);
    const header = await rootLoader({ request: get(asker.cookie), params: {}, context: testContext });
    expect((header as unknown as { data: { user: { unreadNotifications: number } } }).data.user.unreadNotifications).toBe(1);
  });

  it("marks them read, only ever the reader's own", async () => {
    const { asker, answerer } = await replyScene();
    const [notification] = await prisma.notification.findMany({ select: { id: true } });
    const foreign = await action({ request: post({ intent: "mark-read", id: String(notification!.id) }, answerer.cookie), params: {}, context: testContext });
    expect(foreign.status).toBe(303);
    expect(await prisma.notification.count({ where: { readAt: null } })).toBe(1);
    await action({ request: post({ intent: "mark-all-read" }, asker.cookie), params: {}, context: testContext });
    expect(await prisma.notification.count({ where: { readAt: null } })).toBe(0);
  });

  it("sends an anonymous reader to sign in and refuses a malformed form with 400", async () => {
    const redirect = await thrown(loader({ request: get(), params: {}, context: testContext }));
    expect(redirect.headers.get("Location")).toBe("/login?redirectTo=%2Fnotifications");
    const { asker } = await replyScene();
    const bad = await thrown(action({ request: post({ intent: "mark-read", id: "x" }, asker.cookie), params: {}, context: testContext }));
    expect(bad.status).toBe(400);
  });
});
