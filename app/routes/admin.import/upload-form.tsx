import { Form } from "@remix-run/react";
import { Field, SubmitButton } from "~/components/forms";
import { Card } from "~/components/ui/card";
import { MAX_FILES_PER_IMPORT } from "~/schemas/import";
import type { FormErrors } from "~/utils/http";
import type { UploadField } from "./answer";

/** Step one: the files and the time zone their comment times were written in; a refusal shows beside the field it is about. */
export function UploadForm({
  defaultTimeZone,
  pending,
  errors,
  fields,
}: {
  defaultTimeZone: string;
  pending: boolean;
  errors: FormErrors<UploadField>;
  fields: Partial<Record<UploadField, string>>;
}) {
  return (
    <Card padding="lg">
      <Form method="post" encType="multipart/form-data" aria-label="Choose files to import" className="space-y-5">
        <input type="hidden" name="intent" value="preview" />
        <Field
          name="files"
          label={`Episode documents (.txt, up to ${MAX_FILES_PER_IMPORT} files of 5 MB)`}
          type="file"
          accept=".txt,text/plain"
          multiple
          required
          error={errors.files}
          inputClassName="text-sm file:mr-4 file:rounded-md file:border-0 file:bg-accent-100 file:px-4 file:py-2 file:font-medium file:text-accent-700 dark:file:bg-stone-800 dark:file:text-accent-300"
        />
        <Field
          name="timeZone"
          label="Time zone of the comment times"
          defaultValue={fields.timeZone ?? defaultTimeZone}
          error={errors.timeZone}
          hint="An IANA name; the original site printed times in America/Los_Angeles."
          className="max-w-xs"
        />
        <SubmitButton pending={pending} pendingLabel="Reading…">
          Preview
        </SubmitButton>
      </Form>
    </Card>
  );
}
