import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormError, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page-header";
import { DEFAULT_TIME_ZONE } from "~/import/time";
import { importPreviewed, listImports, previewUploads } from "~/models/import/index.server";
import { ImportConfirmSchema, ImportUploadSchema, MAX_FILES_PER_IMPORT, MAX_IMPORT_FILE_BYTES } from "~/schemas/import";
import { requireUserWithPermission } from "~/utils/auth.server";
import { fieldsOf, parseForm, type FormErrors } from "~/utils/http";
import { consume, RateLimitedError, retryAfterHeaders, tooManyRequests } from "~/utils/rate-limit.server";
import { UPLOAD_FIELDS, type ImportAnswer, type UploadField } from "./answer";
import { HistorySection } from "./history-section";
import { PreviewSection } from "./preview-section";
import { ResultSection } from "./result-section";
import { UploadForm } from "./upload-form";

export const meta: MetaFunction = () => [{ title: "Import episodes — Footnote" }];

/** A 429 keeps its Retry-After in the HTML answer too. */
export const headers = retryAfterHeaders;

const MAX_REQUEST_BYTES = MAX_FILES_PER_IMPORT * MAX_IMPORT_FILE_BYTES * 1.4 + 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:import");
  const imports = await listImports({ take: 50 });
  return { imports, defaultTimeZone: DEFAULT_TIME_ZONE };
}

function answer(body: ImportAnswer, init?: ResponseInit) {
  return Response.json(body, init);
}

/** A refused upload or confirmation: the messages beside the fields (and in one line), the time zone as typed. */
function refuse(status: number, form: FormData | null, errors: FormErrors<UploadField>) {
  const fields = form ? fieldsOf(form, ["timeZone"]) : {};
  return answer({ stage: "invalid", message: Object.values(errors).join(" "), errors, fields }, { status });
}

/** Preview uploaded files (nothing is written but their pending copies), then import what was previewed. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "admin:import");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_REQUEST_BYTES) {
    return refuse(413, null, { form: "That upload is too large: import at most 10 files of 5 MB each." });
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_FILE_BYTES + 1 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse(413, null, { files: "A file is larger than 5 MB, the import limit." });
    return refuse(400, null, { form: "The upload could not be read. Choose the files again." });
  }

  const intent = form.get("intent");
  if (intent === "preview") {
    const submission = await parseForm(form, ImportUploadSchema, { fields: UPLOAD_FIELDS, keep: ["timeZone"], with: { files: form.getAll("files") } });
    if (!submission.ok) return refuse(400, form, submission.errors);
    const { timeZone } = submission.value;
    const files = await Promise.all(submission.value.files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    return answer({ stage: "preview", timeZone, ...(await previewUploads({ uploadedById: user.id, timeZone, files })) });
  }

  if (intent === "import") {
    const submission = await parseForm(form, ImportConfirmSchema, { fields: [], with: { upload: form.getAll("upload") } });
    if (!submission.ok) return refuse(400, form, submission.errors);
    try {
      await consume("importByUser", user.id);
    } catch (error) {
      if (error instanceof RateLimitedError) return tooManyRequests(error);
      throw error;
    }
    return answer({ stage: "done", results: await importPreviewed({ uploadedById: user.id, ids: submission.value.upload }) });
  }

  return refuse(400, form, { form: "Choose files and press Preview." });
}

export default function AdminImportPage() {
  const { imports, defaultTimeZone } = useLoaderData<typeof loader>();
  const data = useActionData<ImportAnswer>();
  const pending = useIsPending();
  const refused: { errors: FormErrors<UploadField>; fields: Partial<Record<UploadField, string>> } = data?.stage === "invalid" ? data : { errors: {}, fields: {} };

  return (
    <div className="space-y-10">
      <PageHeader eyebrow="Admin" title="Import episodes">
        Upload plain-text captures of program pages or news articles. You see what each file becomes before anything is
        written; each file is imported all or nothing. Importing a file again changes nothing; a later capture of the
        same page adds what is new.
      </PageHeader>

      <FormError error={refused.errors.form} />

      {data?.stage === "preview" ? (
        <PreviewSection data={data} pending={pending} />
      ) : data?.stage === "done" ? (
        <ResultSection results={data.results} />
      ) : (
        <UploadForm defaultTimeZone={defaultTimeZone} pending={pending} errors={refused.errors} fields={refused.fields} />
      )}

      <HistorySection imports={imports} />
    </div>
  );
}
