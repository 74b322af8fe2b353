// Public profiles: an account as every reader sees it, and its comments.
import type { Prisma } from "@prisma/client";
import { LISTED_COMMENT } from "~/models/presenters/comment";
import { prisma } from "~/utils/db.server";
import { renderExcerpt } from "~/utils/markdown.server";
import { usernameKey } from "./accounts.server";

export async function getPublicProfile(username: string) {
  return prisma.user.findUnique({
    where: { usernameKey: usernameKey(username) },
    select: { id: true, username: true, role: true, createdAt: true, suspendedAt: true },
  });
}

/** The imported author called exactly `name` (any case), for telling a reader why such a name has no profile. */
export function getImportedAuthorByName(name: string) {
  return prisma.importedAuthor.findFirst({
    where: { name: { equals: name.trim(), mode: "insensitive" } },
    select: { id: true, name: true },
  });
}

export const PROFILE_COMMENTS_PER_PAGE = 20;
const EXCERPT_LENGTH = 200;

export function excerpt(text: string, length = EXCERPT_LENGTH) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  return `${flat.slice(0, length - 1).trimEnd()}…`;
}

/**
 * A member's comments, newest first: those they wrote and those of imported authors linked to them
 * (shown under their name everywhere). Only visible comments: deleted and hidden ones never appear here.
 */
export async function listProfileComments({ userId, page = 1 }: { userId: number; page?: number }) {
  const where: Prisma.CommentWhereInput = {
    ...LISTED_COMMENT,
    OR: [{ authorId: userId }, { importedAuthor: { linkedUserId: userId } }],
  };
  const [total, comments] = await Promise.all([
    prisma.comment.count({ where }),
    prisma.comment.findMany({
      where,
      orderBy: [{ postedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PROFILE_COMMENTS_PER_PAGE,
      take: PROFILE_COMMENTS_PER_PAGE,
      select: {
        id: true,
        ordinal: true,
        anchor: true,
        format: true,
        body: true,
        postedAt: true,
        episode: { select: { slug: true, title: true, timeZone: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PROFILE_COMMENTS_PER_PAGE)),
    // The opening as readers see the comment: its Markdown rendered and sanitized, never the raw markup.
    comments: comments.map(({ body, format, ...comment }) => ({ ...comment, excerpt: excerpt(body), excerptHtml: renderExcerpt({ format, body }) })),
  };
}
