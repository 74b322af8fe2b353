// Admin: authors of imported comments, and linking one to the account of the person who wrote them, so
// that their comments are shown under that account's name. Each change is logged in its transaction.
import type { Prisma } from "@prisma/client";
import { logModeratorAction } from "~/models/claims/index.server";
import { prisma } from "~/utils/db.server";
import { usernameKey } from "./accounts.server";
import { UserActionError } from "./admin.server";

type Tx = Prisma.TransactionClient;

export const IMPORTED_AUTHORS_PER_PAGE = 25;

/** Authors of imported comments whose name contains `query`, by name, with their comment count and linked account. */
export async function listImportedAuthors({ query = "", page = 1 }: { query?: string; page?: number }) {
  const where: Prisma.ImportedAuthorWhereInput = query ? { name: { contains: query, mode: "insensitive" } } : {};
  const [total, authors] = await Promise.all([
    prisma.importedAuthor.count({ where }),
    prisma.importedAuthor.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * IMPORTED_AUTHORS_PER_PAGE,
      take: IMPORTED_AUTHORS_PER_PAGE,
      select: {
        id: true,
        name: true,
        linkedUser: { select: { id: true, username: true } },
        _count: { select: { comments: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / IMPORTED_AUTHORS_PER_PAGE)),
    authors: authors.map(({ _count, ...author }) => ({ ...author, commentCount: _count.comments })),
  };
}

async function lockImportedAuthor(tx: Tx, authorId: number) {
  const rows = await tx.$queryRaw<{ id: number; name: string; linkedUserId: number | null }[]>`
    SELECT id, name, "linkedUserId" FROM "ImportedAuthor" WHERE id = ${authorId} FOR UPDATE`;
  const author = rows[0];
  if (!author) throw new UserActionError("not-found", `No imported author has the id ${authorId}.`);
  return author;
}

/** From now on the account is shown as the author of the imported author's comments. */
export async function linkImportedAuthor({
  actorId,
  authorId,
  username,
  reason,
}: {
  actorId: number;
  authorId: number;
  username: string;
  reason: string;
}) {
  return prisma.$transaction(async (tx) => {
    const author = await lockImportedAuthor(tx, authorId);
    const user = await tx.user.findUnique({ where: { usernameKey: usernameKey(username) }, select: { id: true, username: true } });
    if (!user) throw new UserActionError("unknown-user", `No account is called “${username.trim()}”.`, "username");
    if (author.linkedUserId === user.id) {
      throw new UserActionError("unchanged", `${author.name} is already linked to ${user.username}.`);
    }
    if (author.linkedUserId !== null) {
      throw new UserActionError("unchanged", `${author.name} is linked to another account: unlink it first.`);
    }
    await tx.importedAuthor.update({ where: { id: authorId }, data: { linkedUserId: user.id }, select: { id: true } });
    await logModeratorAction(tx, {
      actorId,
      action: "author.linked",
      targetType: "imported_author",
      targetId: authorId,
      reason,
      details: { name: author.name, userId: user.id, username: user.username },
    });
    return { name: author.name, username: user.username };
  });
}

export async function unlinkImportedAuthor({ actorId, authorId, reason }: { actorId: number; authorId: number; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const author = await lockImportedAuthor(tx, authorId);
    if (author.linkedUserId === null) throw new UserActionError("unchanged", `${author.name} is not linked to an account.`);
    const previous = await tx.user.findUnique({ where: { id: author.linkedUserId }, select: { username: true } });
    await tx.importedAuthor.update({ where: { id: authorId }, data: { linkedUserId: null }, select: { id: true } });
    await logModeratorAction(tx, {
      actorId,
      action: "author.unlinked",
      targetType: "imported_author",
      targetId: authorId,
      reason,
      details: { name: author.name, userId: author.linkedUserId, username: previous?.username ?? null },
    });
    return { name: author.name, username: previous?.username ?? null };
  });
}
