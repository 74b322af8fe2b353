// What importing a file would do, said before anything is written.
import type { ParsedDocument } from "~/import/types";
import { prisma } from "~/utils/db.server";
import { contentHash, countsOf, importableComments, readDocument, type ImportCounts, type ImportInput } from "./document.server";
import { baseSlug, findExistingEpisode, uniqueSlug } from "./episode-match.server";

export interface DocumentPreview {
  fileName: string;
  byteSize: number;
  contentHash: string;
  document: ParsedDocument;
  counts: ImportCounts;
  /** The comments that would not be imported (cut off before their "Posted by" line). */
  skippedComments: number[];
  /** The episode this document updates, when it is already imported, and why it counts as the same document. */
  existing: { slug: string; title: string; commentCount: number; alreadyImported: boolean; reason: string } | null;
  /** Where a new episode would be: its address, and the other episode that already has the plain one. */
  address: { slug: string; takenBy: { slug: string; title: string } | null } | null;
}

/** Parses a file and says what importing it would do, writing nothing. */
export async function previewDocument({ fileName, bytes, timeZone }: ImportInput): Promise<DocumentPreview> {
  const document = readDocument({ fileName, bytes, timeZone });
  const hash = contentHash(bytes);
  const existingEpisode = await findExistingEpisode(prisma, document);
  let existing: DocumentPreview["existing"] = null;
  let address: DocumentPreview["address"] = null;
  if (!existingEpisode) {
    const base = baseSlug(document);
    const [slug, takenBy] = await Promise.all([
      uniqueSlug(prisma, base),
      prisma.episode.findUnique({ where: { slug: base }, select: { slug: true, title: true } }),
    ]);
    address = { slug, takenBy };
  } else {
    const [commentCount, sameFile] = await Promise.all([
      prisma.comment.count({ where: { episodeId: existingEpisode.id } }),
      prisma.import.findFirst({
        where: { episodeId: existingEpisode.id, contentHash: hash, outcome: { not: "failed" } },
        select: { id: true },
      }),
    ]);
    existing = {
      slug: existingEpisode.slug,
      title: existingEpisode.title,
      commentCount,
      alreadyImported: Boolean(sameFile),
      reason: existingEpisode.reason,
    };
  }
  const importable = new Set(importableComments(document));
  return {
    fileName,
    byteSize: bytes.byteLength,
    contentHash: hash,
    document,
    counts: countsOf(document),
    skippedComments: document.comments.filter((comment) => !importable.has(comment)).map((comment) => comment.ordinal),
    existing,
    address,
  };
}
