// What the import page's action answers: a refusal, the previews of step one, or the results of step two.
import type { ImportedFile, StagedFile, UploadPreview } from "~/models/import/index.server";
import type { FormErrors } from "~/utils/http";

/** The upload form's fields whose messages are shown beside them. */
export const UPLOAD_FIELDS = ["files", "timeZone"] as const;
export type UploadField = (typeof UPLOAD_FIELDS)[number];

export type ImportAnswer =
  /** `message` says everything in one line, for a reader of the JSON; the page shows `errors` beside the fields. */
  | { stage: "invalid"; message: string; errors: FormErrors<UploadField>; fields: Partial<Record<UploadField, string>> }
  | { stage: "preview"; timeZone: string; previews: UploadPreview[]; carry: StagedFile[] }
  | { stage: "done"; results: ImportedFile[] };
