import { Form } from "@remix-run/react";
import { MAX_FILES_PER_IMPORT } from "~/schemas/import";

/** Step one: the files and the time zone their comment times were written in. */
export function UploadForm({ defaultTimeZone, busy }: { defaultTimeZone: string; busy: boolean }) {
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-5 rounded-lg border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
      <input type="hidden" name="intent" value="preview" />
      <div>
        <label htmlFor="files" className="block font-medium">
          Episode documents (.txt, up to {MAX_FILES_PER_IMPORT} files of 5 MB)
        </label>
        <input
          id="files"
          name="files"
          type="file"
          accept=".txt,text/plain"
          multiple
          required
          className="mt-2 block w-full text-sm file:mr-4 file:rounded-md file:border-0 file:bg-accent-100 file:px-4 file:py-2 file:font-medium file:text-accent-700 dark:file:bg-stone-800 dark:file:text-accent-300"
        />
      </div>
      <div>
        <label htmlFor="timeZone" className="block font-medium">
          Time zone of the comment times
        </label>
        <input
          id="timeZone"
          name="timeZone"
          defaultValue={defaultTimeZone}
          aria-describedby="timeZone-help"
          className="mt-2 w-full max-w-xs rounded-md border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-950"
        />
        <p id="timeZone-help" className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          An IANA name; the original site printed times in America/Los_Angeles.
        </p>
      </div>
      <button type="submit" disabled={busy} className="rounded-md bg-accent-700 px-4 py-2 font-medium text-white hover:bg-accent-600 disabled:opacity-60">
        {busy ? "Reading…" : "Preview"}
      </button>
    </Form>
  );
}
