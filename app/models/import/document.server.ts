// A file as the importer reads it: bytes checked and decoded, parsed by the pure parser, refused with a
// readable message when it cannot become a post, and counted.
import { createHash } from "node:crypto";
import type { EpisodeKind, ImportOutcome } from "@prisma/client";
import { parseDocument } from "~/import/parse";
import type { ParsedDocument, ParseWarning } from "~/import/types";

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
  /** What the import did, in words, as the import history records it. */
  message: string;
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

/** The parsed document of a file, or an ImportRefusedError saying why it cannot become a post. */
export function readDocument({ fileName, bytes, timeZone }: Pick<ImportInput, "fileName" | "bytes" | "timeZone">): ParsedDocument {
  const document = parseDocument(decodeDocument(bytes, fileName), { timeZone, fileName });
  if (!document.title.trim()) throw new ImportRefusedError(`${fileName} has no title line, so it cannot become a post.`);
  const hasBody = document.sections.some((section) => section.blocks.length > 0) || document.intro.length > 0;
  if (!hasBody) throw new ImportRefusedError(`${fileName} has a title but no text to import.`);
  return document;
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function contentHash(bytes: Uint8Array) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The comments an import writes: a comment cut off before its "Posted by" line is left out. */
export function importableComments(document: ParsedDocument) {
  return document.comments.filter((comment) => !comment.incomplete && comment.postedAt !== "");
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
