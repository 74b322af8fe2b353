import { describe, expect, it } from "vitest";
import { CommentError, createComment, deleteOwnComment, editComment, getCommentHistory } from "~/models/comment.server";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "~/models/notification.server";
import { prisma } from "~/utils/db.server";
import { createTestUser } from "../factories";

async function episode() {
  return prisma.episode.create({ data: { kind: "post", slug: `e-${Math.random()}`, title: "An episode" }, select: { id: true } });
}

describe("posting comments", () => {
  it("numbers comments in order and threads a reply under its parent", async () => {
    const { id: episodeId } = await episode();
    const ada = await createTestUser();
    const bob = await createTestUser();
    const first = await createComment({ episodeId, parentId: null, author: ada, body: "First" });
    const reply = await createComment({ episodeId, parentId: first.id, author: bob, body: "Reply" });
    const nested = await createComment({ episodeId, parentId: reply.id, author: ada, body: "Nested" });
    expect([first.ordinal, reply.ordinal, nested.ordinal]).toEqual([1, 2, 3]);
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: nested.id }, select: { parentId: true, rootId: true } });
    expect(stored).toEqual({ parentId: reply.id, rootId: first.id });
  });

  it("gives concurrent comments distinct numbers", async () => {
    const { id: episodeId } = await episode();
    const ada = await createTestUser();
    const posted = await Promise.all(Array.from({ length: 8 }, (_, i) => createComment({ episodeId, parentId: null, author: ada, body: `c${i}` })));
    expect(posted.map((c) => c.ordinal).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("refuses a reply to a comment of another episode or a removed one", async () => {
    const a = await episode();
    const b = await episode();
    const ada = await createTestUser();
    const other = await createComment({ episodeId: b.id, parentId: null, author: ada, body: "Elsewhere" });
    await expect(createComment({ episodeId: a.id, parentId: other.id, author: ada, body: "x" })).rejects.toMatchObject({ status: 404 });
    await deleteOwnComment({ commentId: other.id, actor: ada });
    await expect(createComment({ episodeId: b.id, parentId: other.id, author: ada, body: "x" })).rejects.toMatchObject({ status: 409 });
  });

  it("notifies the parent's author of a reply, not the replier replying to themselves", async () => {
    const { id: episodeId } = await episode();
    const ada = await createTestUser();
    const bob = await createTestUser();
    const first = await createComment({ episodeId, parentId: null, author: ada, body: "First" });
    await createComment({ episodeId, parentId: first.id, author: ada, body: "Self reply" });
    expect(await countUnreadNotifications(ada.id)).toBe(0);
    await createComment({ episodeId, parentId: first.id, author: bob, body: "Bob replies" });
    expect(await countUnreadNotifications(ada.id)).toBe(1);
    const [notification] = await listNotifications(ada);
    expect(notification).toMatchObject({ kind: "reply", actor: { username: bob.username }, comment: { body: "Bob replies" } });
    expect(await markNotificationsRead(bob.id, "all")).toBe(0); // never someone else's
    expect(await markNotificationsRead(ada.id, [notification!.id])).toBe(1);
    expect(await countUnreadNotifications(ada.id)).toBe(0);
  });

  it("notifies the account linked to an imported author", async () => {
    const { id: episodeId } = await episode();
    const dave = await createTestUser();
    const author = await prisma.importedAuthor.create({ data: { name: "Dave Emory", linkedUserId: dave.id }, select: { id: true } });
    const imported = await prisma.comment.create({
      data: { episodeId, ordinal: 1, originalOrdinal: 1, importedAuthorId: author.id, format: "imported", body: "Old", postedAt: new Date("2024-01-01") },
      select: { id: true },
    });
    const bob = await createTestUser();
    await createComment({ episodeId, parentId: imported.id, author: bob, body: "Answer" });
    expect(await countUnreadNotifications(dave.id)).toBe(1);
  });
});

describe("editing and deleting", () => {
  it("keeps every earlier version of an edited comment", async () => {
    const { id: episodeId } = await episode();
    const ada = await createTestUser();
    const comment = await createComment({ episodeId, parentId: null, author: ada, body: "Version one" });
    await editComment({ commentId: comment.id, editor: ada, body: "Version two" });
    await editComment({ commentId: comment.id, editor: ada, body: "Version three" });
    const history = await getCommentHistory(comment.id, null);
    expect(history?.body).toBe("Version three");
    expect(history?.editedAt).toBeInstanceOf(Date);
    expect(history?.revisions.map((r) => r.body)).toEqual(["Version two", "Version one"]);
  });

  it("refuses to edit or delete someone else's comment", async () => {
    const { id: episodeId } = await episode();
    const ada = await createTestUser();
    const bob = await createTestUser();
    const comment = await createComment({ episodeId, parentId: null, author: ada, body: "Mine" });
    await expect(editComment({ commentId: comment.id, editor: bob, body: "Hijack" })).rejects.toEqual(new CommentError("You can only edit your own comments.", 403));
    await expect(deleteOwnComment({ commentId: comment.id, actor: bob })).rejects.toMatchObject({ status: 403 });
    expect((await getCommentHistory(comment.id, null))?.body).toBe("Mine");
  });

  it("deletes softly: the comment keeps its place and text, marked deleted by the author", async () => {
    const { id: episodeId } = await episode();
    const ada = await createTestUser();
    const comment = await createComment({ episodeId, parentId: null, author: ada, body: "Regret" });
    await deleteOwnComment({ commentId: comment.id, actor: ada });
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true, body: true, statusReason: true } });
    expect(stored).toEqual({ status: "deleted", body: "Regret", statusReason: "deleted by the author" });
    await expect(editComment({ commentId: comment.id, editor: ada, body: "Undo" })).rejects.toMatchObject({ status: 409 });
  });
});
