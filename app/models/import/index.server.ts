// The import model, as routes, scripts and tests use it. The parser itself is pure and lives in app/import/.
export { contentHash, ImportRefusedError, type ImportChanges, type ImportCounts, type ImportInput, type ImportResult } from "./document.server";
export { listImports } from "./history.server";
export { previewDocument, type DocumentPreview } from "./preview.server";
export { importPreviewed, previewUploads, type ImportedFile, type PreviewView, type StagedFile, type UploadPreview } from "./staged.server";
export { importDocument } from "./write-episode.server";
