// The import history: every attempt, by whom, with its outcome in words.
import type { ImportOutcome, Prisma } from "@prisma/client";
import { PARSER_VERSION } from "~/import/parse";
import type { ParsedDocument } from "~/import/types";
import { prisma } from "~/utils/db.server";
import type { ImportChanges, ImportCounts } from "./document.server";
import type { Tx } from "./episode-match.server";

export interface ImportRecord {
  document: ParsedDocument;
  fileName: string;
  hash: string;
  byteSize: number;
  importedById: number | null;
  counts: ImportCounts;
}

/** A written import, in the same transaction as what it wrote. */
export async function recordImport(tx: Tx, input: ImportRecord, outcome: Exclude<ImportOutcome, "failed">, episodeId: number, changes: ImportChanges) {
  const message = outcomeMessage(outcome, changes);
  const record = await tx.import.create({
    data: {
      fileName: input.fileName,
      contentHash: input.hash,
      parserVersion: PARSER_VERSION,
      byteSize: input.byteSize,
      outcome,
      episodeId,
      importedById: input.importedById,
      counts: { ...input.counts, ...changes },
      warnings: input.document.warnings as unknown as Prisma.InputJsonValue,
      message,
    },
    select: { id: true, episode: { select: { id: true, slug: true, title: true, kind: true } } },
  });
  return { importId: record.id, outcome, episode: record.episode!, changes, message };
}

/** A refused or failed import: nothing was written but the attempt. */
export async function recordFailedImport(input: { fileName: string; hash: string; byteSize: number; importedById: number | null; message: string }) {
  await prisma.import.create({
    data: {
      fileName: input.fileName,
      contentHash: input.hash,
      byteSize: input.byteSize,
      outcome: "failed",
      importedById: input.importedById,
      counts: {},
      warnings: [],
      message: input.message,
    },
    select: { id: true },
  });
}

function outcomeMessage(outcome: ImportOutcome, changes: ImportChanges) {
  if (outcome === "unchanged") return "Already imported: nothing changed.";
  if (outcome === "created") return "Imported as a new episode.";
  const parts = [
    [changes.commentsAdded, "comment added", "comments added"],
    [changes.commentsUpdated, "comment updated", "comments updated"],
    [changes.sectionsAdded, "section added", "sections added"],
    [changes.sectionsUpdated, "section updated", "sections updated"],
    [changes.sourcesAdded, "source added", "sources added"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return said.length ? `Updated: ${said.join(", ")}.` : "Updated the episode's details.";
}

export async function listImports({ take = 50 }: { take?: number } = {}) {
  return prisma.import.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      fileName: true,
      byteSize: true,
      outcome: true,
      message: true,
      counts: true,
      createdAt: true,
      importedBy: { select: { username: true } },
      episode: { select: { slug: true, title: true } },
    },
  });
}
