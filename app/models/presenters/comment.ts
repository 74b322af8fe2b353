// The comment presenter: who a comment is by, and what of it a reader may read. Every surface that
// shows a comment or counts comments (episode page and JSON, feeds, search, profiles, source pages,
// claims, notifications, history) goes through here.
import { Prisma } from "@prisma/client";
import { seesHidden, type Reader } from "~/models/presenters/reader";

export type CommentStatus = "visible" | "deleted" | "hidden";

/** What a comment's author is read from. */
export const COMMENT_AUTHOR_SELECT = {
  authorId: true,
  author: { select: { username: true } },
  importedAuthor: { select: { name: true, linkedUser: { select: { username: true } } } },
} as const;

type AuthorFields = {
  author: { username: string } | null;
  importedAuthor: { name: string; linkedUser: { username: string } | null } | null;
};

/** The account a comment is by: its writer, or the account an admin linked its imported author to. */
export function commentAccountName(comment: AuthorFields) {
  return comment.author?.username ?? comment.importedAuthor?.linkedUser?.username ?? null;
}

/** The name shown for a comment's author: a linked account wins over the name on the original page. */
export function commentAuthorName(comment: AuthorFields) {
  return commentAccountName(comment) ?? comment.importedAuthor?.name ?? "unknown";
}

/**
 * The same rule in SQL, for queries over `"Comment" <alias>`: the name, and the joins it reads
 * (aliases `<alias>_u`, `<alias>_ia`, `<alias>_lu`).
 */
export function commentAuthorNameSql(alias: string) {
  const a = Prisma.raw(`"${alias}"`);
  const u = Prisma.raw(`"${alias}_u"`);
  const ia = Prisma.raw(`"${alias}_ia"`);
  const lu = Prisma.raw(`"${alias}_lu"`);
  return {
    name: Prisma.sql`coalesce(${u}.username, ${lu}.username, ${ia}.name, 'unknown')`,
    joins: Prisma.sql`LEFT JOIN "User" ${u} ON ${u}.id = ${a}."authorId"
      LEFT JOIN "ImportedAuthor" ${ia} ON ${ia}.id = ${a}."importedAuthorId"
      LEFT JOIN "User" ${lu} ON ${lu}.id = ${ia}."linkedUserId"`,
  };
}

/** Written on the original page by someone who has no Footnote account. */
export function isImportedAuthor(comment: AuthorFields) {
  return commentAccountName(comment) === null && comment.importedAuthor !== null;
}

export const DELETED_NOTICE = "[deleted by the author]";
export const HIDDEN_NOTICE = "[hidden by a moderator]";

/**
 * Comments that lists, counts, feeds and search show and count: the visible ones. A discussion keeps a
 * removed comment's place (its notice) so that its replies still make sense, but never counts it.
 */
export const LISTED_COMMENT = { status: "visible" } as const satisfies Prisma.CommentWhereInput;

/** LISTED_COMMENT for SQL over `"Comment" <alias>`. */
export function listedCommentSql(alias: string) {
  return Prisma.sql`${Prisma.raw(`"${alias}"`)}.status = 'visible'`;
}

/** Whether a comment counts in "N comments" and appears in lists (the same rule as LISTED_COMMENT). */
export function isListed(comment: { status: CommentStatus }) {
  return comment.status === "visible";
}

/**
 * What `reader` may read of a comment's text. A removed comment shows its notice in its place; only
 * readers who may see hidden content (moderators, admins) also read its text under the notice.
 * `text` is whatever the surface shows (blocks, paragraphs, Markdown); `nothing` replaces it.
 */
export function presentCommentText<T>(comment: { status: CommentStatus }, reader: Reader, text: T, nothing: T): { notice: string | null; text: T } {
  if (comment.status === "visible") return { notice: null, text };
  const notice = comment.status === "deleted" ? DELETED_NOTICE : HIDDEN_NOTICE;
  return { notice, text: seesHidden(reader) ? text : nothing };
}

/** Whether the earlier versions of a comment may be read: while it is visible, or by staff. */
export function mayReadHistory(comment: { status: CommentStatus }, reader: Reader) {
  return comment.status === "visible" || seesHidden(reader);
}
