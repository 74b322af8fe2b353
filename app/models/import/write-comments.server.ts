// An episode's imported comments: matched by their number on the page, new ones added in their threads,
// changed ones revised (with their claims re-anchored), never a comment posted here overwritten.
import type { Prisma } from "@prisma/client";
import { canonicalText, toStoredBlocks } from "~/import/stored-blocks";
import type { ParsedComment, ParsedDocument } from "~/import/types";
import { reanchorClaims } from "~/models/claims/index.server";
import { suggestForTarget } from "~/models/suggestion.server";
import { nameSkeleton } from "~/utils/name-skeleton";
import { importableComments, type ImportChanges } from "./document.server";
import type { Tx } from "./episode-match.server";
import { citationRows, sameJson } from "./stored.server";

export async function writeComments(tx: Tx, document: ParsedDocument, episodeId: number, sourceIds: Map<string, number>, changes: ImportChanges) {
  const comments = importableComments(document);
  if (comments.length === 0) return;
  // The same lock as a member's new comment: one writer of an episode's comments at a time.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`comments:${episodeId}`}))`;
  const authorIds = await importedAuthorIds(tx, comments);
  const rows = await tx.comment.findMany({
    where: { episodeId, originalOrdinal: { not: null } },
    select: { id: true, ordinal: true, originalOrdinal: true, rootId: true, body: true, blocks: true, revision: true },
  });
  // Imported comments are matched by their number on the page, and keep it: comments posted here are
  // numbered apart (L1, L2…), so the original's 10th comment is #comment-10 whenever it arrives (ADR 0034).
  const byOriginal = new Map(rows.filter((row) => row.originalOrdinal !== null).map((row) => [row.originalOrdinal!, row]));
  for (const comment of comments) {
    const blocks = toStoredBlocks(comment.blocks, document.sources);
    const body = canonicalText(blocks);
    const current = byOriginal.get(comment.ordinal);
    if (current) {
      if (sameJson(current.blocks, blocks)) continue;
      if (body === current.body) {
        // Same text, other details (a citation's pages or source): not an edit of the comment.
        await tx.comment.update({
          where: { id: current.id },
          data: { blocks: blocks as unknown as Prisma.InputJsonValue, citations: { deleteMany: {}, create: citationRows(blocks, sourceIds) } },
          select: { id: true },
        });
        changes.commentsUpdated++;
        continue;
      }
      await tx.commentRevision.create({
        data: { commentId: current.id, revision: current.revision, body: current.body },
        select: { id: true },
      });
      await tx.comment.update({
        where: { id: current.id },
        data: {
          blocks: blocks as unknown as Prisma.InputJsonValue,
          body,
          revision: { increment: 1 },
          editedAt: new Date(),
          citations: { deleteMany: {}, create: citationRows(blocks, sourceIds) },
        },
        select: { id: true },
      });
      await reanchorClaims(tx, { target: { type: "comment", id: current.id }, text: body, revision: current.revision + 1 });
      await suggestForTarget(tx, { episodeId, target: { type: "comment", id: current.id }, text: body, revision: current.revision + 1, blocks });
      changes.commentsUpdated++;
      continue;
    }
    const parent = comment.parentOrdinal === null ? undefined : byOriginal.get(comment.parentOrdinal);
    const created = await tx.comment.create({
      data: {
        episodeId,
        ordinal: comment.ordinal,
        originalOrdinal: comment.ordinal,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        importedAuthorId: authorIds.get(comment.authorName) ?? null,
        format: "imported",
        blocks: blocks as unknown as Prisma.InputJsonValue,
        body,
        postedAt: new Date(comment.postedAt),
        citations: { create: citationRows(blocks, sourceIds) },
      },
      select: { id: true, ordinal: true, originalOrdinal: true, rootId: true, body: true, blocks: true, revision: true },
    });
    await suggestForTarget(tx, { episodeId, target: { type: "comment", id: created.id }, text: body, revision: created.revision, blocks });
    byOriginal.set(comment.ordinal, created);
    changes.commentsAdded++;
  }
}

/** The imported authors of these comments, found or created, by name. */
async function importedAuthorIds(tx: Tx, comments: ParsedComment[]) {
  const names = [...new Set(comments.map((comment) => comment.authorName))];
  await tx.importedAuthor.createMany({ data: names.map((name) => ({ name, nameSkeleton: nameSkeleton(name) })), skipDuplicates: true });
  const rows = await tx.importedAuthor.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.name, row.id]));
}
