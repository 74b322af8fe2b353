// Signing up: what stands in the way of a new account (a taken name or email, a look-alike of a member or
// of an imported author, ADR 0014), and creating a member account safely against a concurrent sign-up.
import { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { nameSkeleton } from "~/utils/name-skeleton";
import { createUser, usernameKey } from "./accounts.server";

/** What stands in the way of a new account with this username and email. */
export async function findSignUpConflicts({ username, email }: { username: string; email: string | null }) {
  const [byName, byEmail, lookalike] = await Promise.all([
    prisma.user.findUnique({ where: { usernameKey: usernameKey(username) }, select: { id: true } }),
    email ? prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } }) : null,
    findLookalikeName(username),
  ]);
  // The three reads run side by side: a member who signed up with this very name between them is found by
  // the look-alike read alone, and the name is then taken, not a look-alike of itself.
  const usernameTaken = byName !== null || (lookalike?.kind === "member" && usernameKey(lookalike.name) === usernameKey(username));
  return {
    usernameTaken,
    emailTaken: byEmail !== null,
    usernameImported: lookalike?.kind === "imported-author",
    /** An existing member whose name this one could be taken for (not the same name: that is `usernameTaken`). */
    lookalikeMember: !usernameTaken && lookalike?.kind === "member" ? lookalike.name : null,
  };
}

/**
 * The existing member or imported author a reader could take `name` for ("PterrafractyI" for
 * "Pterrafractyl", "DaveEm0ry" for "Dave Emory"), compared by confusables skeleton (ADR 0014).
 * Imported authors come first: nobody may sign up to speak in their name.
 */
export async function findLookalikeName(name: string): Promise<{ kind: "imported-author" | "member"; name: string } | null> {
  const skeleton = nameSkeleton(name.trim());
  if (!skeleton) return null;
  await fillMissingNameSkeletons();
  const [author, member] = await Promise.all([
    prisma.importedAuthor.findFirst({ where: { nameSkeleton: skeleton }, select: { name: true } }),
    prisma.user.findFirst({ where: { nameSkeleton: skeleton }, select: { username: true } }),
  ]);
  if (author) return { kind: "imported-author", name: author.name };
  if (member) return { kind: "member", name: member.username };
  return null;
}

/** True when `name` reads as the name of an author of imported comments. */
export async function isImportedAuthorName(name: string) {
  return (await findLookalikeName(name))?.kind === "imported-author";
}

/** Rows from before the skeleton column (or written by older code) get theirs; a no-op once all have one. */
async function fillMissingNameSkeletons() {
  const [users, authors] = await Promise.all([
    prisma.user.findMany({ where: { nameSkeleton: null }, select: { id: true, username: true } }),
    prisma.importedAuthor.findMany({ where: { nameSkeleton: null }, select: { id: true, name: true } }),
  ]);
  for (const user of users) {
    await prisma.user.update({ where: { id: user.id }, data: { nameSkeleton: nameSkeleton(user.username) }, select: { id: true } });
  }
  for (const author of authors) {
    await prisma.importedAuthor.update({ where: { id: author.id }, data: { nameSkeleton: nameSkeleton(author.name) }, select: { id: true } });
  }
}

/** A unique field that another account took between the check and the insert. */
export class AccountTakenError extends Error {
  constructor(public readonly field: "username" | "email") {
    super(`That ${field} is taken.`);
  }
}

/** A new member account; throws AccountTakenError when the username or email is taken, even by a concurrent sign-up. */
export async function createMember({ username, password, email }: { username: string; password: string; email: string | null }) {
  try {
    return await createUser({ username, password, email, role: "member" });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // With the pg adapter the column is in meta.driverAdapterError; without it, in meta.target.
      throw new AccountTakenError(JSON.stringify(error.meta ?? {}).includes("email") ? "email" : "username");
    }
    throw error;
  }
}
