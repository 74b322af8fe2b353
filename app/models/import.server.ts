// Writes a parsed episode document in one transaction: new episodes are created; a re-import of the
// same file changes nothing; an updated capture adds what is new and updates what changed.
import { createHash } from "node:crypto";
import type { EpisodeKind, ImportOutcome, Prisma } from "@prisma/client";
import { parseDocument } from "~/import/parse";
import { canonicalText, citationOffsets, toStoredBlocks, type StoredBlock } from "~/import/stored-blocks";
import { sourceKey } from "~/import/sources";
import { slugify } from "~/import/text";
import type { ParsedComment, ParsedDocument, ParseWarning } from "~/import/types";
import { reanchorClaims } from "~/models/claim.server";
import { suggestForTarget } from "~/models/suggestion.server";
import { prisma } from "~/utils/db.server";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A file that cannot be imported at all; its message is meant for the person importing. */
export class ImportRefusedError extends Error {}

export interface ImportCounts {
  sections: number;
  sources: number;
  comments: number;
  threads: number;
  warnings: number;
  dropped: number;
}

export interface ImportChanges {
  sectionsAdded: number;
  sectionsUpdated: number;
  commentsAdded: number;
  commentsUpdated: number;
  sourcesAdded: number;
}

export interface ImportResult {
  importId: number;
  outcome: Exclude<ImportOutcome, "failed">;
  episode: { id: number; slug: string; title: string; kind: EpisodeKind };
  counts: ImportCounts;
  changes: ImportChanges;
  warnings: ParseWarning[];
}

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  timeZone?: string;
  importedById?: number | null;
}

/** Bytes → text, refusing what is not a UTF-8 text document of reasonable size. */
export function decodeDocument(bytes: Uint8Array, fileName: string): string {
  if (bytes.byteLength === 0) throw new ImportRefusedError(`${fileName} is empty.`);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportRefusedError(`${fileName} is ${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`);
  }
  if (bytes.includes(0)) throw new ImportRefusedError(`${fileName} looks like a binary file, not a text document.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefusedError(`${fileName} is not UTF-8 text. Save it as UTF-8 and import it again.`);
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new ImportRefusedError(`${fileName} has no text in it.`);
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 16 && controls / text.length > 0.001) {
    throw new ImportRefusedError(`${fileName} looks like a binary file, not a text document.`);
  }
  return text;
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function contentHash(bytes: Uint8Array) {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface DocumentPreview {
  fileName: string;
  byteSize: number;
  contentHash: string;
  document: ParsedDocument;
  counts: ImportCounts;
  /** The comments that would not be imported (cut off before their "Posted by" line). */
  skippedComments: number[];
  /** The episode this document updates, when it is already imported. */
  existing: { slug: string; title: string; commentCount: number; alreadyImported: boolean } | null;
}

export function countsOf(document: ParsedDocument): ImportCounts {
  const comments = importableComments(document);
  return {
    sections: document.sections.length,
    sources: document.sources.length,
    comments: comments.length,
    threads: comments.filter((comment) => comment.parentOrdinal === null).length,
    warnings: document.warnings.length,
    dropped: document.dropped.length,
  };
}

function importableComments(document: ParsedDocument) {
  return document.comments.filter((comment) => !comment.incomplete && comment.postedAt !== "");
}

/** Parses a file and says what importing it would do, writing nothing. */
export async function previewDocument({ fileName, bytes, timeZone }: ImportInput): Promise<DocumentPreview> {
  const text = decodeDocument(bytes, fileName);
  const document = parseDocument(text, { timeZone, fileName });
  assertImportable(document, fileName);
  const hash = contentHash(bytes);
  const existingEpisode = await findExistingEpisode(prisma, document);
  let existing: DocumentPreview["existing"] = null;
  if (existingEpisode) {
    const [commentCount, sameFile] = await Promise.all([
      prisma.comment.count({ where: { episodeId: existingEpisode.id } }),
      prisma.import.findFirst({
        where: { episodeId: existingEpisode.id, contentHash: hash, outcome: { not: "failed" } },
        select: { id: true },
      }),
    ]);
    existing = { slug: existingEpisode.slug, title: existingEpisode.title, commentCount, alreadyImported: Boolean(sameFile) };
  }
  return {
    fileName,
    byteSize: bytes.byteLength,
    contentHash: hash,
    document,
    counts: countsOf(document),
    skippedComments: document.comments.filter((c) => !importableComments(document).includes(c)).map((c) => c.ordinal),
    existing,
  };
}

function assertImportable(document: ParsedDocument, fileName: string) {
  if (!document.title.trim()) throw new ImportRefusedError(`${fileName} has no title line, so it cannot become a post.`);
  const hasBody = document.sections.some((section) => section.blocks.length > 0) || document.intro.length > 0;
  if (!hasBody) throw new ImportRefusedError(`${fileName} has a title but no text to import.`);
}

type Tx = Prisma.TransactionClient;

async function findExistingEpisode(db: Tx | typeof prisma, document: ParsedDocument) {
  const select = { id: true, slug: true, title: true } as const;
  if (document.kind === "program" && document.number !== null) {
    return db.episode.findUnique({ where: { number: document.number }, select });
  }
  return db.episode.findUnique({ where: { slug: baseSlug(document) }, select });
}

function baseSlug(document: ParsedDocument) {
  const slug = slugify(document.title).slice(0, 120).replace(/-+$/, "");
  if (document.kind === "article" && document.publication) return `${slugify(document.publication)}-${slug}`.slice(0, 140);
  return slug || "untitled";
}

const KIND: Record<ParsedDocument["kind"], EpisodeKind> = { program: "program", article: "article", unknown: "post" };

/**
 * Imports one document. All or nothing: a refused file, or any failure while writing, leaves the
 * database as it was (the attempt is still recorded in the import history).
 */
export async function importDocument(input: ImportInput): Promise<ImportResult> {
  const { fileName, bytes, timeZone, importedById = null } = input;
  const hash = contentHash(bytes);
  try {
    const text = decodeDocument(bytes, fileName);
    const document = parseDocument(text, { timeZone, fileName });
    assertImportable(document, fileName);
    const counts = countsOf(document);
    const result = await prisma.$transaction(
      (tx) => writeDocument(tx, { document, fileName, hash, byteSize: bytes.byteLength, importedById, counts, timeZone }),
      { timeout: 60_000, maxWait: 10_000 },
    );
    return { ...result, counts, warnings: document.warnings };
  } catch (error) {
    const message = error instanceof ImportRefusedError ? error.message : `${fileName} could not be imported: ${(error as Error).message}`;
    await prisma.import.create({
      data: {
        fileName,
        contentHash: hash,
        byteSize: bytes.byteLength,
        outcome: "failed",
        importedById,
        counts: {},
        warnings: [],
        message,
      },
      select: { id: true },
    });
    if (error instanceof ImportRefusedError) throw error;
    throw new ImportRefusedError(message);
  }
}

interface WriteInput {
  document: ParsedDocument;
  fileName: string;
  hash: string;
  byteSize: number;
  importedById: number | null;
  counts: ImportCounts;
  timeZone?: string;
}

async function writeDocument(tx: Tx, input: WriteInput) {
  const { document, hash } = input;
  // Serialise imports of the same episode so two concurrent imports cannot both create it.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`episode:${document.kind}:${document.number ?? baseSlug(document)}`}))`;

  const changes: ImportChanges = { sectionsAdded: 0, sectionsUpdated: 0, commentsAdded: 0, commentsUpdated: 0, sourcesAdded: 0 };
  const existing = await findExistingEpisode(tx, document);
  if (existing) {
    const sameFile = await tx.import.findFirst({
      where: { episodeId: existing.id, contentHash: hash, outcome: { not: "failed" } },
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

async function recordImport(
  tx: Tx,
  input: WriteInput,
  outcome: Exclude<ImportOutcome, "failed">,
  episodeId: number,
  changes: ImportChanges,
) {
  const record = await tx.import.create({
    data: {
      fileName: input.fileName,
      contentHash: input.hash,
      byteSize: input.byteSize,
      outcome,
      episodeId,
      importedById: input.importedById,
      counts: { ...input.counts, ...changes },
      warnings: input.document.warnings as unknown as Prisma.InputJsonValue,
      message: outcomeMessage(outcome, changes),
    },
    select: { id: true, episode: { select: { id: true, slug: true, title: true, kind: true } } },
  });
  return { importId: record.id, outcome, episode: record.episode!, changes };
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

/** Deep equality of JSON values; jsonb does not keep key order, so stringify with sorted keys. */
function sameJson(a: unknown, b: unknown) {
  return stableStringify(a) === stableStringify(b);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function selectOf(data: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(data).map((key) => [key, true])) as Record<string, true>;
}

function pick(object: Record<string, unknown>, keys: string[]) {
  return keys.map((key) => object[key] ?? null);
}

async function uniqueSlug(tx: Tx, base: string) {
  const taken = new Set(
    (await tx.episode.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function citationRows(blocks: StoredBlock[], sourceIds: Map<string, number>) {
  return blocks.flatMap((block, blockIndex) => {
    if (block.type !== "citation") return [];
    const sourceId = sourceIds.get(block.sourceKey);
    return sourceId === undefined
      ? []
      : [{ sourceId, blockIndex, pages: block.pages, raw: block.raw, backReference: block.backReference }];
  });
}

async function writeSections(tx: Tx, document: ParsedDocument, episodeId: number, sourceIds: Map<string, number>, changes: ImportChanges) {
  const existing = new Map(
    (
      await tx.section.findMany({ where: { episodeId }, select: { id: true, label: true, position: true, blocks: true, revision: true } })
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
      await suggestForTarget(tx, { episodeId, target: { type: "section", id: created.id }, text: plainText, revision: 1, citedAt: citationOffsets(blocks) });
      changes.sectionsAdded++;
      continue;
    }
    const blocksChanged = !sameJson(current.blocks, blocks);
    if (!blocksChanged && current.position === position) continue;
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
    await suggestForTarget(tx, { episodeId, target: { type: "section", id: current.id }, text: plainText, revision: current.revision + 1, citedAt: citationOffsets(blocks) });
    changes.sectionsUpdated++;
  }
}

async function writeComments(tx: Tx, document: ParsedDocument, episodeId: number, sourceIds: Map<string, number>, changes: ImportChanges) {
  const comments = importableComments(document);
  if (comments.length === 0) return;
  const authorIds = await importedAuthorIds(tx, comments);
  const rows = await tx.comment.findMany({
    where: { episodeId },
    select: { id: true, ordinal: true, originalOrdinal: true, rootId: true, body: true, blocks: true, revision: true },
  });
  // Imported comments are matched by their number on the page; numbers taken here are skipped.
  const byOriginal = new Map(rows.filter((row) => row.originalOrdinal !== null).map((row) => [row.originalOrdinal!, row]));
  const takenOrdinals = new Set(rows.map((row) => row.ordinal));
  let nextOrdinal = Math.max(0, ...takenOrdinals) + 1;
  for (const comment of comments) {
    const blocks = toStoredBlocks(comment.blocks, document.sources);
    const body = canonicalText(blocks);
    const current = byOriginal.get(comment.ordinal);
    if (current) {
      if (sameJson(current.blocks, blocks)) continue;
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
      await suggestForTarget(tx, { episodeId, target: { type: "comment", id: current.id }, text: body, revision: current.revision + 1, citedAt: citationOffsets(blocks) });
      changes.commentsUpdated++;
      continue;
    }
    let ordinal = comment.ordinal;
    if (takenOrdinals.has(ordinal)) {
      ordinal = nextOrdinal;
      document.warnings.push({
        line: 0,
        message: `comment ${comment.ordinal} of the page is #${ordinal} here: #${comment.ordinal} was taken by a comment posted on Footnote`,
      });
    }
    takenOrdinals.add(ordinal);
    nextOrdinal = Math.max(nextOrdinal, ordinal + 1);
    const parent = comment.parentOrdinal === null ? undefined : byOriginal.get(comment.parentOrdinal);
    const created = await tx.comment.create({
      data: {
        episodeId,
        ordinal,
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
    await suggestForTarget(tx, { episodeId, target: { type: "comment", id: created.id }, text: body, revision: created.revision, citedAt: citationOffsets(blocks) });
    byOriginal.set(comment.ordinal, created);
    changes.commentsAdded++;
  }
}

async function importedAuthorIds(tx: Tx, comments: ParsedComment[]) {
  const names = [...new Set(comments.map((comment) => comment.authorName))];
  await tx.importedAuthor.createMany({ data: names.map((name) => ({ name })), skipDuplicates: true });
  const rows = await tx.importedAuthor.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.name, row.id]));
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
