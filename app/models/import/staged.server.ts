// The admin's import in two steps: uploaded files are previewed and kept for their uploader
// (pending.server.ts); the confirmation names them by id and imports exactly what was previewed.
import type { ImportOutcome } from "@prisma/client";
import type { ParsedComment } from "~/import/types";
import { formatBytes, ImportRefusedError } from "./document.server";
import { createPendingImport, deletePendingImport, getPendingImport } from "./pending.server";
import { previewDocument, type DocumentPreview } from "./preview.server";
import { importDocument } from "./write-episode.server";

/** At most this many warnings and dropped lines travel to the page for one file. */
const LIST_LIMIT = 100;

export type PreviewView = ReturnType<typeof previewView>;
export type UploadPreview = PreviewView | { fileName: string; refused: string };
export type StagedFile = { id: string; fileName: string };
export type ImportedFile = { fileName: string; outcome: ImportOutcome; message: string; episode?: { slug: string; title: string } };

/**
 * Step one: what each file would become, writing nothing but the pending copy of each importable file.
 * A refused file is listed with its reason and gets no pending copy.
 */
export async function previewUploads({
  uploadedById,
  timeZone,
  files,
}: {
  uploadedById: number;
  timeZone: string;
  files: { name: string; bytes: Uint8Array }[];
}) {
  const previews: UploadPreview[] = [];
  const carry: StagedFile[] = [];
  for (const { name: fileName, bytes } of files) {
    try {
      previews.push(previewView(await previewDocument({ fileName, bytes, timeZone })));
      carry.push(await createPendingImport({ uploadedById, fileName, bytes, timeZone }));
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      previews.push({ fileName, refused: error.message });
    }
  }
  return { previews, carry };
}

/** Step two: imports the uploader's previewed files by id; each is used up, imported or refused. */
export async function importPreviewed({ uploadedById, ids }: { uploadedById: number; ids: string[] }) {
  const results: ImportedFile[] = [];
  for (const id of new Set(ids)) {
    const pending = await getPendingImport({ id, uploadedById });
    if (!pending) {
      results.push({ fileName: "A previewed file", outcome: "failed", message: "This preview has expired or was already imported: upload the file again." });
      continue;
    }
    const { fileName, bytes, timeZone } = pending;
    try {
      const result = await importDocument({ fileName, bytes, timeZone, importedById: uploadedById });
      results.push({ fileName, outcome: result.outcome, message: result.message, episode: result.episode });
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      results.push({ fileName, outcome: "failed", message: error.message });
    }
    // Imported or refused (and recorded in the history), the preview is used up.
    await deletePendingImport({ id, uploadedById });
  }
  return results;
}

/** A preview as the page shows it: the document's outline, not the document. */
function previewView(preview: DocumentPreview) {
  const { document } = preview;
  return {
    fileName: preview.fileName,
    size: formatBytes(preview.byteSize),
    kind: document.kind,
    title: document.title,
    publication: document.publication,
    author: document.author,
    counts: preview.counts,
    sectionLabels: document.sections.map((section) => section.label),
    outline: threadOutline(document.comments),
    skippedComments: preview.skippedComments,
    warnings: document.warnings.slice(0, LIST_LIMIT),
    dropped: document.dropped.slice(0, LIST_LIMIT),
    existing: preview.existing,
    address: preview.address,
  };
}

function threadOutline(comments: ParsedComment[]) {
  const depth = new Map<number, number>();
  return comments.map((comment) => {
    const level = comment.parentOrdinal === null ? 0 : (depth.get(comment.parentOrdinal) ?? 0) + 1;
    depth.set(comment.ordinal, level);
    return {
      ordinal: comment.ordinal,
      parentOrdinal: comment.parentOrdinal,
      authorName: comment.authorName || "(unknown)",
      postedAtText: comment.postedAtText,
      depth: level,
    };
  });
}
