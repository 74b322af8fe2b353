// Which episode a document is, or where a new one goes: the same program or article imported before,
// and the address a new episode gets.
import { createHash } from "node:crypto";
import type { EpisodeKind, Prisma } from "@prisma/client";
import { slugify } from "~/import/text";
import type { ParsedDocument } from "~/import/types";
import type { prisma } from "~/utils/db.server";

export type Tx = Prisma.TransactionClient;
type Db = Tx | typeof prisma;

export const KIND: Record<ParsedDocument["kind"], EpisodeKind> = { program: "program", article: "article", unknown: "post" };

/**
 * The episode this document is a later capture of, with the reason: the same program number, or for a
 * document without one the same kind, exact title and publication. Never the slug alone: "NULL" and
 * "null", or two titles in a script slugify drops, are different documents with the same address.
 */
export async function findExistingEpisode(db: Db, document: ParsedDocument) {
  const select = { id: true, slug: true, title: true, number: true } as const;
  if (document.kind === "program" && document.number !== null) {
    const episode = await db.episode.findUnique({ where: { number: document.number }, select });
    return episode && { ...episode, reason: `it is program #${document.number} too` };
  }
  const episode = await db.episode.findFirst({
    where: {
      kind: KIND[document.kind],
      number: null,
      title: document.title,
      publication: document.kind === "article" ? document.publication : undefined,
    },
    orderBy: { id: "asc" },
    select,
  });
  if (!episode) return null;
  const same = document.kind === "article" && document.publication ? `title and publication (${document.publication})` : "title";
  return { ...episode, reason: `it has the same ${same}` };
}

/**
 * The address a new episode gets, before any "-2" suffix: its title in Latin letters and digits. A title
 * with none (all Greek, Cyrillic, Arabic…) gets a stable address from a hash of the title, never a
 * shared "untitled".
 */
export function baseSlug(document: Pick<ParsedDocument, "kind" | "title" | "publication" | "number">) {
  const slug = slugify(document.title).slice(0, 120).replace(/-+$/, "");
  if (document.kind === "article" && document.publication) {
    const withPublication = `${slugify(document.publication)}-${slug || titleHash(document.title)}`.slice(0, 140).replace(/-+$/, "");
    return withPublication.replace(/^-+/, "");
  }
  if (slug) return slug;
  if (document.kind === "program" && document.number !== null) return `program-${document.number}`;
  return `${KIND[document.kind]}-${titleHash(document.title)}`;
}

function titleHash(title: string) {
  return createHash("sha256").update(title.normalize("NFC")).digest("hex").slice(0, 10);
}

/** `base`, or the first of `base-2`, `base-3`… that no episode has. */
export async function uniqueSlug(db: Db, base: string) {
  const taken = new Set((await db.episode.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
