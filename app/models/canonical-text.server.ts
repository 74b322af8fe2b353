// Bringing the stored canonical texts (Section.plainText, an imported Comment's body) up to the current
// rule of app/import/stored-blocks.ts, for a database written under an older rule: each changed text is
// written with its claims re-anchored and its pending suggestions recomputed, in one transaction per target.
import type { Prisma } from "@prisma/client";
import { canonicalText, type StoredBlock } from "~/import/stored-blocks";
import { reanchorClaims } from "~/models/claims/index.server";
import { suggestForTarget } from "~/models/suggestion.server";
import { prisma } from "~/utils/db.server";

/** Idempotent (a text already canonical is left alone), so it runs on every start. Returns how many texts changed. */
export async function upgradeCanonicalTexts() {
  let sectionsChanged = 0;
  let commentsChanged = 0;
  const sections = await prisma.section.findMany({ select: { id: true, episodeId: true, blocks: true, plainText: true, revision: true }, orderBy: { id: "asc" } });
  for (const section of sections) {
    const blocks = section.blocks as unknown as StoredBlock[];
    const text = canonicalText(blocks);
    if (text === section.plainText) continue;
    const target = { type: "section", id: section.id } as const;
    await prisma.$transaction(async (tx) => {
      await tx.section.update({ where: { id: section.id }, data: { plainText: text }, select: { id: true } });
      await rewriteAnchors(tx, { episodeId: section.episodeId, target, text, revision: section.revision, blocks });
    });
    sectionsChanged++;
  }
  const comments = await prisma.comment.findMany({
    where: { format: "imported" },
    select: { id: true, episodeId: true, blocks: true, body: true, status: true, revision: true },
    orderBy: { id: "asc" },
  });
  for (const comment of comments) {
    if (!Array.isArray(comment.blocks)) continue;
    const blocks = comment.blocks as unknown as StoredBlock[];
    const text = canonicalText(blocks);
    if (text === comment.body) continue;
    const target = { type: "comment", id: comment.id } as const;
    await prisma.$transaction(async (tx) => {
      await tx.comment.update({ where: { id: comment.id }, data: { body: text }, select: { id: true } });
      await rewriteAnchors(tx, { episodeId: comment.episodeId, target, text, revision: comment.revision, blocks, suggest: comment.status === "visible" });
    });
    commentsChanged++;
  }
  return { sections: sectionsChanged, comments: commentsChanged };
}

async function rewriteAnchors(
  tx: Prisma.TransactionClient,
  {
    episodeId,
    target,
    text,
    revision,
    blocks,
    suggest = true,
  }: { episodeId: number; target: { type: "section" | "comment"; id: number }; text: string; revision: number; blocks: readonly StoredBlock[]; suggest?: boolean },
) {
  // The words did not change, only how they are counted: the revision stays.
  await reanchorClaims(tx, { target, text, revision });
  if (suggest) await suggestForTarget(tx, { episodeId, target, text, revision, blocks });
}
