import { Prisma } from "@prisma/client";
import { reanchorClaims } from "~/models/claims/index.server";
import { commentCanonicalText } from "~/utils/canonical-text.server";
import { addJobsSql, enqueueJob } from "~/models/jobs.server";
import { prisma, sqlRows } from "~/utils/db.server";
import { COMMENT_AUTHOR_SELECT, commentAuthorName, LISTED_COMMENT, mayReadHistory } from "~/models/presenters/comment";
import type { Reader } from "~/models/presenters/reader";

const FEED_COMMENT_SELECT = {
  id: true,
  ordinal: true,
  anchor: true,
  body: true,
  postedAt: true,
  ...COMMENT_AUTHOR_SELECT,
  episode: { select: { slug: true, title: true } },
} as const;

/** The newest visible comments, site-wide or of one episode, for feeds. Deleted and hidden comments never appear. */
export function listRecentComments({ episodeId, take = 50 }: { episodeId?: number; take?: number } = {}) {
  const where: Prisma.CommentWhereInput = { ...LISTED_COMMENT, ...(episodeId ? { episodeId } : {}) };
  return prisma.comment.findMany({
    where,
    orderBy: [{ postedAt: "desc" }, { id: "desc" }],
    take,
    select: FEED_COMMENT_SELECT,
  });
}

export type FeedComment = Awaited<ReturnType<typeof listRecentComments>>[number];

export const feedCommentAuthor: (comment: FeedComment) => string = commentAuthorName;

/** A comment action that cannot be done; `status` is the HTTP answer, `message` is for the member. */
export class CommentError extends Error {
  constructor(
    message: string,
    public readonly status: 403 | 404 | 409,
  ) {
    super(message);
  }
}

type Actor = { id: number };

/** The episode a comment is posted to: by id, or by its address (the page's form knows only that). */
export type EpisodeKey = { episodeId: number } | { episodeSlug: string };

/**
 * Posts a comment or a reply, in one statement and one round trip (ADR 0040): it finds the episode,
 * checks the parent, takes the episode's next local number (`footnote_next_local_ordinal`: one writer at
 * a time, under the advisory lock the import shares, so no retry and no second insert), notifies the
 * parent's author (or the account linked to the imported author), and adds the comment's two jobs — the
 * suggestion pass and the watchers' fan-out (ADR 0035: one job however many watch) — which run after the
 * commit. Replies land under their parent; a removed parent refuses them.
 */
export async function createComment({ parentId, author, body, ...key }: EpisodeKey & { parentId: number | null; author: Actor; body: string }) {
  const episodeWhere = "episodeId" in key ? Prisma.sql`e.id = ${key.episodeId}::int` : Prisma.sql`e.slug = ${key.episodeSlug}`;
  const [row] = await sqlRows<{ episodeId: number | null; episodeSlug: string | null; id: number | null; ordinal: number | null; anchor: string | null; parentId: number | null; parentStatus: string | null; jobs: number }>(Prisma.sql`
    WITH episode AS (
      SELECT e.id, e.slug FROM "Episode" e WHERE ${episodeWhere}
    ),
    parent AS (
      SELECT c.id, c."rootId", c.status, COALESCE(c."authorId", a."linkedUserId") AS recipient
      FROM "Comment" c JOIN episode e ON e.id = c."episodeId" LEFT JOIN "ImportedAuthor" a ON a.id = c."importedAuthorId"
      WHERE c.id = ${parentId}::int
    ),
    inserted AS (
      INSERT INTO "Comment" ("episodeId", "ordinal", "parentId", "rootId", "authorId", "format", "body", "postedAt", "updatedAt")
      -- Comments posted here have their own numbering (L1, L2…), never one of the original page's (ADR 0034).
      SELECT e.id, "footnote_next_local_ordinal"(e.id), p.id, COALESCE(p."rootId", p.id), ${author.id}, 'markdown', ${body}, now(), now()
      FROM episode e LEFT JOIN parent p ON true
      WHERE ${parentId}::int IS NULL OR p.status = 'visible'
      RETURNING id, ordinal, anchor, "parentId"
    ),
    notified AS (
      INSERT INTO "Notification" ("userId", "actorId", "kind", "commentId")
      SELECT p.recipient, ${author.id}, 'reply', i.id FROM inserted i JOIN parent p ON p.id = i."parentId"
      WHERE p.recipient IS NOT NULL AND p.recipient <> ${author.id}
    ),
    jobs AS (
      SELECT j.id FROM inserted i, ${addJobsSql([
        { name: "suggest-claims", payload: Prisma.sql`json_build_object('target', json_build_object('type', 'comment', 'id', i.id))`, jobKey: Prisma.sql`'suggest-claims:comment:' || i.id` },
        { name: "notify-comment", payload: Prisma.sql`json_build_object('commentId', i.id)`, jobKey: Prisma.sql`'notify-comment:' || i.id` },
      ])} AS j
    )
    SELECT (SELECT id FROM episode) AS "episodeId", (SELECT slug FROM episode) AS "episodeSlug",
           (SELECT id FROM inserted) AS id, (SELECT ordinal FROM inserted) AS ordinal, (SELECT anchor FROM inserted) AS anchor,
           (SELECT "parentId" FROM inserted) AS "parentId", (SELECT status::text FROM parent) AS "parentStatus",
           (SELECT count(*) FROM jobs)::int AS jobs`);
  if (!row || row.episodeId === null || row.episodeSlug === null) {
    throw new CommentError("episodeSlug" in key ? `No episode has the address “/episodes/${key.episodeSlug}”.` : "That episode does not exist.", 404);
  }
  if (row.id === null || row.ordinal === null || row.anchor === null) {
    if (row.parentStatus) throw new CommentError("That comment was removed, so it cannot be replied to.", 409);
    throw new CommentError("The comment you are replying to does not exist.", 404);
  }
  if (row.jobs !== 2) throw new Error(`comment ${row.id} was inserted without its two jobs`);
  return { id: row.id, ordinal: row.ordinal, anchor: row.anchor, parentId: row.parentId, episode: { id: row.episodeId, slug: row.episodeSlug } };
}

/**
 * Suggestions are the moderators' helpers, not part of what the author wrote: they are computed by a job
 * after the write commits (app/jobs/), so the reply answers without the language pass and a failure
 * there never touches the comment. The job key keeps one pending pass per comment.
 */
function queueSuggestions(tx: Prisma.TransactionClient, commentId: number) {
  return enqueueJob(tx, "suggest-claims", { target: { type: "comment", id: commentId } }, { jobKey: `suggest-claims:comment:${commentId}` });
}

/** The author edits their own comment; the previous text is kept as a revision. */
export async function editComment({ commentId, editor, body }: { commentId: number; editor: Actor; body: string }) {
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: { id: true, episodeId: true, ordinal: true, anchor: true, authorId: true, status: true, body: true, revision: true },
    });
    if (!comment) throw new CommentError("That comment does not exist.", 404);
    if (comment.authorId !== editor.id) throw new CommentError("You can only edit your own comments.", 403);
    if (comment.status !== "visible") throw new CommentError("A removed comment cannot be edited.", 409);
    if (comment.body === body) return { id: comment.id, ordinal: comment.ordinal, anchor: comment.anchor, changed: false };
    await tx.commentRevision.create({
      data: { commentId, revision: comment.revision, body: comment.body, editorId: editor.id },
      select: { id: true },
    });
    // The revision check makes a concurrent second edit fail instead of silently overwriting the first.
    const updated = await tx.comment.updateMany({
      where: { id: commentId, revision: comment.revision },
      data: { body, revision: { increment: 1 }, editedAt: new Date() },
    });
    if (updated.count !== 1) throw new CommentError("The comment changed while you were editing it; reload and try again.", 409);
    // Claims on the comment follow its new text, or become orphans when their words are gone.
    const text = commentCanonicalText({ format: "markdown", body });
    await reanchorClaims(tx, { target: { type: "comment", id: commentId }, text, revision: comment.revision + 1 });
    // The old text's pending suggestions point at words that may be gone: dropped now, the job makes new ones.
    await tx.claimSuggestion.deleteMany({ where: { commentId, status: "pending" } });
    await queueSuggestions(tx, commentId);
    return { id: comment.id, ordinal: comment.ordinal, anchor: comment.anchor, changed: true };
  });
}

/**
 * The author deletes their own comment: it stays in the thread as "deleted by the author". The update
 * is guarded by the status it read, so a moderator's hide made in the meantime is never overwritten.
 */
export async function deleteOwnComment({ commentId, actor }: { commentId: number; actor: Actor }) {
  const comment = await prisma.comment.findUnique({ where: { id: commentId }, select: { id: true, ordinal: true, anchor: true, authorId: true, status: true } });
  if (!comment) throw new CommentError("That comment does not exist.", 404);
  if (comment.authorId !== actor.id) throw new CommentError("You can only delete your own comments.", 403);
  if (comment.status === "deleted") return comment;
  const deleted = await prisma.comment.updateMany({
    where: { id: commentId, authorId: actor.id, status: "visible" },
    data: { status: "deleted", statusChangedAt: new Date(), statusReason: "deleted by the author" },
  });
  if (deleted.count === 0) {
    const now = await prisma.comment.findUnique({ where: { id: commentId }, select: { status: true } });
    if (now?.status === "deleted") return comment;
    throw new CommentError("A moderator hid this comment, so it stays hidden: it cannot be deleted.", 409);
  }
  return comment;
}

/** Earlier versions of a comment, newest first, for the "edited" history. Removed comments show none. */
export async function getCommentHistory(commentId: number, reader: Reader) {
  const comment = await prisma.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      ordinal: true,
      anchor: true,
      body: true,
      status: true,
      editedAt: true,
      postedAt: true,
      episode: { select: { slug: true, title: true } },
      ...COMMENT_AUTHOR_SELECT,
      revisions: { orderBy: { revision: "desc" }, select: { revision: true, body: true, createdAt: true } },
    },
  });
  if (!comment) return null;
  const { author: _author, importedAuthor: _imported, authorId: _authorId, ...rest } = comment;
  // A removed comment keeps its versions from readers who may not see removed text (the comment presenter).
  return { ...rest, authorName: commentAuthorName(comment), readable: mayReadHistory(comment, reader) };
}
