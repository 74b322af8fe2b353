import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { DEFAULT_TIME_ZONE } from "~/import/time";
import { importPreviewed, listImports, previewUploads, type ImportedFile, type StagedFile, type UploadPreview } from "~/models/import/index.server";
import { ImportConfirmSchema, ImportUploadSchema, MAX_FILES_PER_IMPORT, MAX_IMPORT_FILE_BYTES } from "~/schemas/import";
import { requirePermission } from "~/utils/auth.server";
import { consume, RateLimitedError, retryAfterHeaders, tooManyRequests } from "~/utils/rate-limit.server";
import { HistorySection } from "./history-section";
import { PreviewSection } from "./preview-section";
import { ResultSection } from "./result-section";
import { UploadForm } from "./upload-form";

export const meta: MetaFunction = () => [{ title: "Import episodes — Footnote" }];

/** A 429 keeps its Retry-After in the HTML answer too. */
export const headers = retryAfterHeaders;

const MAX_REQUEST_BYTES = MAX_FILES_PER_IMPORT * MAX_IMPORT_FILE_BYTES * 1.4 + 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:import");
  const imports = await listImports({ take: 50 });
  return { imports, defaultTimeZone: DEFAULT_TIME_ZONE };
}

type ActionData =
  | { stage: "invalid"; message: string }
  | { stage: "preview"; timeZone: string; previews: UploadPreview[]; carry: StagedFile[] }
  | { stage: "done"; results: ImportedFile[] };

function answer(body: ActionData, status = 200) {
  return Response.json(body, { status });
}

const invalid = (message: string, status = 400) => answer({ stage: "invalid", message }, status);

/** Preview uploaded files (nothing is written but their pending copies), then import what was previewed. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:import");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_REQUEST_BYTES) {
    return invalid("That upload is too large: import at most 10 files of 5 MB each.", 413);
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_FILE_BYTES + 1 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return invalid("A file is larger than 5 MB, the import limit.", 413);
    return invalid("The upload could not be read. Choose the files again.");
  }

  const intent = form.get("intent");
  if (intent === "preview") {
    const parsed = ImportUploadSchema.safeParse({ intent, timeZone: form.get("timeZone"), files: form.getAll("files") });
    if (!parsed.success) return invalid(parsed.error.issues.map((issue) => issue.message).join(" "));
    const { timeZone } = parsed.data;
    const files = await Promise.all(parsed.data.files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    return answer({ stage: "preview", timeZone, ...(await previewUploads({ uploadedById: user.id, timeZone, files })) });
  }

  if (intent === "import") {
    const parsed = ImportConfirmSchema.safeParse({ intent, upload: form.getAll("upload") });
    if (!parsed.success) return invalid(parsed.error.issues.map((issue) => issue.message).join(" "));
    try {
      await consume("importByUser", user.id);
    } catch (error) {
      if (error instanceof RateLimitedError) return tooManyRequests(error);
      throw error;
    }
    return answer({ stage: "done", results: await importPreviewed({ uploadedById: user.id, ids: parsed.data.upload }) });
  }

  return invalid("Choose files and press Preview.");
}

export default function AdminImportPage() {
  const { imports, defaultTimeZone } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";

  return (
    <div className="space-y-10">
      <PageHeader eyebrow="Admin" title="Import episodes">
        Upload plain-text captures of program pages or news articles. You see what each file becomes before anything is
        written; each file is imported all or nothing. Importing a file again changes nothing; a later capture of the
        same page adds what is new.
      </PageHeader>

      {data?.stage === "invalid" ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {data.message}
        </p>
      ) : null}

      {data?.stage === "preview" ? (
        <PreviewSection data={data} busy={busy} />
      ) : data?.stage === "done" ? (
        <ResultSection results={data.results} />
      ) : (
        <UploadForm defaultTimeZone={defaultTimeZone} busy={busy} />
      )}

      <HistorySection imports={imports} />
    </div>
  );
}
