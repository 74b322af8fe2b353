// Writes a parsed episode document in one transaction: new episodes are created; a re-import of the
// same file changes nothing; an updated capture adds what is new and updates what changed.
import type { Prisma } from "@prisma/client";
import { PARSER_VERSION } from "~/import/parse";
import { canonicalText, toStoredBlocks } from "~/import/stored-blocks";
import { sourceKey } from "~/import/sources";
import type { ParsedDocument } from "~/import/types";
import { reanchorClaims } from "~/models/claims/index.server";
import { suggestForTarget } from "~/models/suggestion.server";
import { prisma } from "~/utils/db.server";
import { contentHash, countsOf, ImportRefusedError, readDocument, type ImportChanges, type ImportInput, type ImportResult } from "./document.server";
import { baseSlug, findExistingEpisode, KIND, uniqueSlug, type Tx } from "./episode-match.server";
import { recordFailedImport, recordImport, type ImportRecord } from "./history.server";
import { citationRows, sameJson } from "./stored.server";
import { writeComments } from "./write-comments.server";

/**
 * Imports one document. All or nothing: a refused file, or any failure while writing, leaves the
 * database as it was (the attempt is still recorded in the import history).
 */
export async function importDocument(input: ImportInput): Promise<ImportResult> {
  const { fileName, bytes, timeZone, importedById = null } = input;
  const hash = contentHash(bytes);
  try {
    const document = readDocument({ fileName, bytes, timeZone });
    const counts = countsOf(document);
    const result = await prisma.$transaction(
      async (tx) => {
        // The import works between its statements (anchoring, suggestions) for as long as its budget allows:
        // on a busy machine a gap can outlast the pool's 15 s idle-in-transaction limit (db.server.ts).
        await tx.$executeRaw`SET LOCAL idle_in_transaction_session_timeout = '60s'`;
        return writeDocument(tx, { document, fileName, hash, byteSize: bytes.byteLength, importedById, counts, timeZone });
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    return { ...result, counts, warnings: document.warnings };
  } catch (error) {
    const message = error instanceof ImportRefusedError ? error.message : `${fileName} could not be imported: ${(error as Error).message}`;
    await recordFailedImport({ fileName, hash, byteSize: bytes.byteLength, importedById, message });
    if (error instanceof ImportRefusedError) throw error;
    throw new ImportRefusedError(message);
  }
}

type WriteInput = ImportRecord & { timeZone?: string };

async function writeDocument(tx: Tx, input: WriteInput) {
  const { document, hash } = input;
  // Serialise imports that could meet: the same program number, or the same address (always in this order).
  if (document.number !== null) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`episode-number:${document.number}`}))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`episode-slug:${baseSlug(document)}`}))`;

  const changes: ImportChanges = { sectionsAdded: 0, sectionsUpdated: 0, commentsAdded: 0, commentsUpdated: 0, sourcesAdded: 0 };
  const existing = await findExistingEpisode(tx, document);
  if (existing) {
    const sameFile = await tx.import.findFirst({
      where: { episodeId: existing.id, contentHash: hash, parserVersion: PARSER_VERSION, outcome: { not: "failed" } },
      select: { id: true },
    });
    if (sameFile) return recordImport(tx, input, "unchanged", existing.id, changes);
  }

  const sourceIds = await upsertSources(tx, withArticleAsSource(document), changes);
  const episode = await upsertEpisode(tx, document, existing?.id ?? null, input.timeZone);
  await writeSections(tx, document, episode.id, sourceIds, changes);
  await writeComments(tx, document, episode.id, sourceIds, changes);

  const changed = Object.values(changes).some((count) => count > 0) || episode.metadataChanged;
  const outcome = !existing ? "created" : changed ? "updated" : "unchanged";
  return recordImport(tx, input, outcome, episode.id, changes);
}

/**
 * An imported news article is itself a source the community can cite (e.g. to back a claim made in a
 * program's discussion): it joins the library under the key a citation of it would have.
 */
function withArticleAsSource(document: ParsedDocument): ParsedDocument {
  if (document.kind !== "article" || !document.title) return document;
  const authors = document.author ? [document.author] : [];
  const source = {
    kind: "article" as const,
    title: document.title,
    authors,
    outlet: document.publication,
    originalOutlet: null,
    publisher: null,
    date: null,
    dateText: null,
    year: null,
    isbn: null,
    url: null,
  };
  const key = sourceKey(source);
  if (document.sources.some((existing) => existing.key === key)) return document;
  return { ...document, sources: [...document.sources, { ...source, key }] };
}

/** Sources are shared across the archive: one row per key, found or created. */
async function upsertSources(tx: Tx, document: ParsedDocument, changes: ImportChanges) {
  if (document.sources.length === 0) return new Map<string, number>();
  const keys = document.sources.map((source) => source.key);
  const created = await tx.source.createMany({
    data: document.sources.map((source) => ({
      key: source.key,
      kind: source.kind,
      title: source.title,
      authors: source.authors,
      outlet: source.outlet,
      originalOutlet: source.originalOutlet,
      publisher: source.publisher,
      date: source.date ? new Date(`${source.date}T00:00:00Z`) : null,
      dateText: source.dateText,
      year: source.year,
      isbn: source.isbn,
      url: source.url,
    })),
    skipDuplicates: true,
  });
  changes.sourcesAdded = created.count;
  const rows = await tx.source.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  return new Map(rows.map((row) => [row.key, row.id]));
}

async function upsertEpisode(tx: Tx, document: ParsedDocument, existingId: number | null, timeZone?: string) {
  const data = {
    kind: KIND[document.kind],
    number: document.kind === "program" ? document.number : null,
    title: document.title,
    publication: document.publication,
    author: document.author,
    recordingNote: document.recordingNote,
    summary: document.summary,
    authorBio: document.authorBio,
    intro: document.intro.map((block) => block.text),
    highlights: document.highlights.map((block) => block.text),
    declaredCommentCount: document.declaredCommentCount,
    ...(timeZone ? { timeZone } : {}),
  };
  if (existingId === null) {
    const slug = await uniqueSlug(tx, baseSlug(document));
    const episode = await tx.episode.create({ data: { ...data, slug }, select: { id: true } });
    return { id: episode.id, metadataChanged: true };
  }
  const current = await tx.episode.findUniqueOrThrow({ where: { id: existingId }, select: { ...selectOf(data) } });
  const metadataChanged = !sameJson(pick(current, Object.keys(data)), pick(data, Object.keys(data)));
  if (metadataChanged) await tx.episode.update({ where: { id: existingId }, data, select: { id: true } });
  return { id: existingId, metadataChanged };
}

function selectOf(data: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(data).map((key) => [key, true])) as Record<string, true>;
}

function pick(object: Record<string, unknown>, keys: string[]) {
  return keys.map((key) => object[key] ?? null);
}

async function writeSections(tx: Tx, document: ParsedDocument, episodeId: number, sourceIds: Map<string, number>, changes: ImportChanges) {
  const existing = new Map(
    (
      await tx.section.findMany({ where: { episodeId }, select: { id: true, label: true, position: true, blocks: true, plainText: true, revision: true } })
    ).map((section) => [section.label, section]),
  );
  for (const [position, section] of document.sections.entries()) {
    const blocks = toStoredBlocks(section.blocks, document.sources);
    const plainText = canonicalText(blocks);
    const current = existing.get(section.label);
    if (!current) {
      const created = await tx.section.create({
        data: {
          episodeId,
          position,
          label: section.label,
          blocks: blocks as unknown as Prisma.InputJsonValue,
          plainText,
          citations: { create: citationRows(blocks, sourceIds) },
        },
        select: { id: true },
      });
      await suggestForTarget(tx, { episodeId, target: { type: "section", id: created.id }, text: plainText, revision: 1, blocks });
      changes.sectionsAdded++;
      continue;
    }
    const blocksChanged = !sameJson(current.blocks, blocks);
    if (!blocksChanged && current.position === position) continue;
    if (blocksChanged && plainText === current.plainText) {
      // Same text, other details (a citation's pages or source): no new revision, claims stay where they are.
      await tx.section.update({
        where: { id: current.id },
        data: { position, blocks: blocks as unknown as Prisma.InputJsonValue, citations: { deleteMany: {}, create: citationRows(blocks, sourceIds) } },
        select: { id: true },
      });
      changes.sectionsUpdated++;
      continue;
    }
    await tx.section.update({
      where: { id: current.id },
      data: blocksChanged
        ? {
            position,
            blocks: blocks as unknown as Prisma.InputJsonValue,
            plainText,
            revision: { increment: 1 },
            citations: { deleteMany: {}, create: citationRows(blocks, sourceIds) },
          }
        : { position },
      select: { id: true },
    });
    if (!blocksChanged) continue;
    await reanchorClaims(tx, { target: { type: "section", id: current.id }, text: plainText, revision: current.revision + 1 });
    await suggestForTarget(tx, { episodeId, target: { type: "section", id: current.id }, text: plainText, revision: current.revision + 1, blocks });
    changes.sectionsUpdated++;
  }
}
