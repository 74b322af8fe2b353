import { z } from "zod";
import { isValidTimeZone } from "~/import/time";
import { MAX_FILES_PER_IMPORT, MAX_IMPORT_FILE_BYTES } from "~/utils/input";

// The limits belong to the input boundary (app/utils/input.ts caps the request body with them); the
// import form's schema and page name them from here.
export { MAX_FILES_PER_IMPORT, MAX_IMPORT_FILE_BYTES };

const TimeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose the time zone the comment times were written in.")
  .refine(isValidTimeZone, "That is not a time zone name such as America/Los_Angeles.");

const FileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255, "File names have at most 255 characters.")
  .refine((name) => name.toLowerCase().endsWith(".txt"), "Only .txt files (plain-text captures) can be imported.");

/** The upload form: files to preview. */
export const ImportUploadSchema = z.object({
  intent: z.literal("preview"),
  timeZone: TimeZoneSchema,
  files: z
    .array(z.instanceof(File))
    .transform((files) => files.filter((file) => file.name !== "" || file.size > 0))
    .pipe(
      z
        .array(
          z.instanceof(File).superRefine((file, ctx) => {
            const name = FileNameSchema.safeParse(file.name);
            if (!name.success) ctx.addIssue({ code: "custom", message: `${file.name || "A file"}: ${name.error.issues[0]?.message}` });
            if (file.size > MAX_IMPORT_FILE_BYTES) ctx.addIssue({ code: "custom", message: `${file.name} is larger than 5 MB.` });
          }),
        )
        .min(1, "Choose at least one .txt file to import.")
        .max(MAX_FILES_PER_IMPORT, `Import at most ${MAX_FILES_PER_IMPORT} files at once.`),
    ),
});

/** The confirmation form: the previews to import, by the ids the server gave them (nothing travels twice). */
export const ImportConfirmSchema = z.object({
  intent: z.literal("import"),
  upload: z
    .array(z.string().regex(/^[a-z2-7]{32}$/, "A preview could not be found; upload the file again."))
    .min(1, "There is nothing to import.")
    .max(MAX_FILES_PER_IMPORT, `Import at most ${MAX_FILES_PER_IMPORT} files at once.`),
});

export type ImportUpload = z.infer<typeof ImportUploadSchema>;
export type ImportConfirm = z.infer<typeof ImportConfirmSchema>;
