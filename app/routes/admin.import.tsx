import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DEFAULT_TIME_ZONE } from "~/import/time";
import type { ParsedComment } from "~/import/types";
import {
  formatBytes,
  importDocument,
  ImportRefusedError,
  listImports,
  previewDocument,
  type DocumentPreview,
} from "~/models/import.server";
import { createPendingImport, deletePendingImport, getPendingImport } from "~/models/pending-import.server";
import { ImportConfirmSchema, ImportUploadSchema, MAX_FILES_PER_IMPORT, MAX_IMPORT_FILE_BYTES } from "~/schemas/import";
import { requirePermission } from "~/utils/auth.server";
import { consume, RateLimitedError, retryAfterHeaders, tooManyRequests } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Import episodes — Footnote" }];

/** A 429 keeps its Retry-After in the HTML answer too. */
export const headers = retryAfterHeaders;

const MAX_REQUEST_BYTES = MAX_FILES_PER_IMPORT * MAX_IMPORT_FILE_BYTES * 1.4 + 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:import");
  const imports = await listImports({ take: 50 });
  return { imports, defaultTimeZone: DEFAULT_TIME_ZONE };
}

type PreviewView = ReturnType<typeof previewView>;
type ActionData =
  | { stage: "invalid"; message: string }
  | { stage: "preview"; timeZone: string; previews: (PreviewView | { fileName: string; refused: string })[]; carry: { id: string; fileName: string }[] }
  | {
      stage: "done";
      results: { fileName: string; outcome: string; message: string; episode?: { slug: string; title: string } }[];
    };

function invalid(message: string, status = 400) {
  return Response.json({ stage: "invalid", message } satisfies ActionData, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:import");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_REQUEST_BYTES) {
    return invalid("That upload is too large: import at most 10 files of 5 MB each.", 413);
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_FILE_BYTES + 1 }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return invalid("A file is larger than 5 MB, the import limit.", 413);
    return invalid("The upload could not be read. Choose the files again.");
  }

  const intent = form.get("intent");
  if (intent === "preview") {
    const parsed = ImportUploadSchema.safeParse({ intent, timeZone: form.get("timeZone"), files: form.getAll("files") });
    if (!parsed.success) return invalid(parsed.error.issues.map((issue) => issue.message).join(" "));
    const previews: Extract<ActionData, { stage: "preview" }>["previews"] = [];
    const carry: { id: string; fileName: string }[] = [];
    for (const file of parsed.data.files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      try {
        const preview = await previewDocument({ fileName: file.name, bytes, timeZone: parsed.data.timeZone });
        previews.push(previewView(preview));
        // Kept on the server for this admin; the confirmation names it by id.
        carry.push(await createPendingImport({ uploadedById: user.id, fileName: file.name, bytes, timeZone: parsed.data.timeZone }));
      } catch (error) {
        if (!(error instanceof ImportRefusedError)) throw error;
        previews.push({ fileName: file.name, refused: error.message });
      }
    }
    return Response.json({ stage: "preview", timeZone: parsed.data.timeZone, previews, carry } satisfies ActionData);
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
    const results: Extract<ActionData, { stage: "done" }>["results"] = [];
    for (const id of new Set(parsed.data.upload)) {
      const pending = await getPendingImport({ id, uploadedById: user.id });
      if (!pending) {
        results.push({ fileName: "A previewed file", outcome: "failed", message: "This preview has expired or was already imported: upload the file again." });
        continue;
      }
      const { fileName, bytes, timeZone } = pending;
      try {
        const result = await importDocument({ fileName, bytes, timeZone, importedById: user.id });
        const message = result.outcome === "unchanged" ? "Already imported: nothing changed." : result.outcome === "created" ? "Imported as a new episode." : describeChanges(result.changes);
        results.push({ fileName, outcome: result.outcome, message, episode: result.episode });
      } catch (error) {
        if (!(error instanceof ImportRefusedError)) throw error;
        results.push({ fileName, outcome: "failed", message: error.message });
      }
      // Imported or refused (and recorded in the history), the preview is used up.
      await deletePendingImport({ id, uploadedById: user.id });
    }
    return Response.json({ stage: "done", results } satisfies ActionData);
  }

  return invalid("Choose files and press Preview.");
}

function describeChanges(changes: { commentsAdded: number; sectionsUpdated: number; sectionsAdded: number; commentsUpdated: number }) {
  const parts = [
    changes.commentsAdded && `${changes.commentsAdded} new comment${changes.commentsAdded === 1 ? "" : "s"}`,
    changes.commentsUpdated && `${changes.commentsUpdated} comment${changes.commentsUpdated === 1 ? "" : "s"} updated`,
    changes.sectionsAdded && `${changes.sectionsAdded} new section${changes.sectionsAdded === 1 ? "" : "s"}`,
    changes.sectionsUpdated && `${changes.sectionsUpdated} section${changes.sectionsUpdated === 1 ? "" : "s"} updated`,
  ].filter(Boolean);
  return parts.length ? `Updated: ${parts.join(", ")}.` : "Updated the episode's details.";
}

const LIST_LIMIT = 100;

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

export default function AdminImportPage() {
  const { imports, defaultTimeZone } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Admin</p>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Import episodes</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Upload plain-text captures of program pages or news articles. You see what each file becomes before anything is
          written; each file is imported all or nothing. Importing a file again changes nothing; a later capture of the
          same page adds what is new.
        </p>
      </header>

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

function UploadForm({ defaultTimeZone, busy }: { defaultTimeZone: string; busy: boolean }) {
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

function PreviewSection({ data, busy }: { data: Extract<ActionData, { stage: "preview" }>; busy: boolean }) {
  return (
    <section aria-labelledby="preview-title" className="space-y-6">
      <h2 id="preview-title" className="font-serif text-2xl font-semibold">
        Preview
      </h2>
      {data.previews.map((preview) =>
        "refused" in preview ? (
          <article key={preview.fileName} className="rounded-lg border border-red-300 bg-red-50 p-5 dark:border-red-800 dark:bg-red-950">
            <h3 className="font-semibold">{preview.fileName}</h3>
            <p className="mt-1 text-red-900 dark:text-red-200">Cannot be imported: {preview.refused}</p>
          </article>
        ) : (
          <PreviewCard key={preview.fileName} preview={preview} />
        ),
      )}
      <div className="flex flex-wrap items-center gap-4">
        {data.carry.length > 0 ? (
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="import" />
            {data.carry.map((file) => (
              <input key={file.id} type="hidden" name="upload" value={file.id} />
            ))}
            <button type="submit" disabled={busy} className="rounded-md bg-accent-700 px-4 py-2 font-medium text-white hover:bg-accent-600 disabled:opacity-60">
              {busy ? "Importing…" : `Import ${data.carry.length === 1 ? "this file" : `these ${data.carry.length} files`}`}
            </button>
          </Form>
        ) : null}
        <Link to="/admin/import">Cancel and choose other files</Link>
      </div>
    </section>
  );
}

function PreviewCard({ preview }: { preview: PreviewView }) {
  return (
    <article className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
      <header>
        <p className="text-sm text-stone-500 dark:text-stone-400">
          {preview.fileName} · {preview.size} · {preview.kind === "unknown" ? "unrecognised layout: plain post" : preview.kind}
        </p>
        <h3 className="mt-1 font-serif text-xl font-semibold">{preview.title}</h3>
        {preview.publication || preview.author ? (
          <p className="text-sm text-stone-600 dark:text-stone-300">{[preview.publication, preview.author].filter(Boolean).join(" · ")}</p>
        ) : null}
      </header>
      {preview.existing ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {preview.existing.alreadyImported
            ? `This exact file is already imported as /episodes/${preview.existing.slug}: importing it again changes nothing.`
            : `Changes the episode /episodes/${preview.existing.slug} “${preview.existing.title}” (${preview.existing.commentCount} comments now), because ${preview.existing.reason}: new comments are added, changed text is updated.`}
        </p>
      ) : preview.address ? (
        <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-800 dark:bg-stone-800 dark:text-stone-200">
          {`Creates a new episode at /episodes/${preview.address.slug}.`}
          {preview.address.takenBy
            ? ` /episodes/${preview.address.takenBy.slug} already belongs to “${preview.address.takenBy.title}”, a different document, which stays as it is.`
            : ""}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        {(
          [
            ["Sections", preview.counts.sections],
            ["Sources", preview.counts.sources],
            ["Comments", preview.counts.comments],
            ["Threads", preview.counts.threads],
            ["Warnings", preview.counts.warnings],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-md bg-stone-100 px-3 py-2 dark:bg-stone-800">
            <dt className="text-stone-500 dark:text-stone-400">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {preview.sectionLabels.length > 1 ? (
        <p className="text-sm text-stone-600 dark:text-stone-300">Sections: {preview.sectionLabels.join(", ")}</p>
      ) : null}
      {preview.outline.length ? (
        <details open>
          <summary className="cursor-pointer font-medium">Thread outline</summary>
          <ol className="mt-2 space-y-1 text-sm">
            {preview.outline.map((comment) => (
              <li key={comment.ordinal} style={{ paddingLeft: `${Math.min(comment.depth, 6) * 1.25}rem` }}>
                <span className="font-medium">#{comment.ordinal}</span>{" "}
                {/* Said in words: a reply listed far below its parent would otherwise read as a reply to the line above. */}
                {comment.parentOrdinal !== null ? <span className="text-stone-600 dark:text-stone-300">↳ reply to #{comment.parentOrdinal} · </span> : null}
                {comment.authorName}{" "}
                <span className="text-stone-500 dark:text-stone-400">{comment.postedAtText}</span>
                {preview.skippedComments.includes(comment.ordinal) ? <span className="text-amber-700"> — cut off, not imported</span> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <LineList title="Warnings" empty="No warnings." items={preview.warnings.map((w) => ({ line: w.line, text: w.message }))} />
      <LineList title="Dropped lines (site boilerplate)" empty="Nothing dropped." items={preview.dropped.map((d) => ({ line: d.line, text: `${d.text} — ${d.reason}` }))} />
    </article>
  );
}

function LineList({ title, empty, items }: { title: string; empty: string; items: { line: number; text: string }[] }) {
  return (
    <details>
      <summary className="cursor-pointer font-medium">
        {title} ({items.length})
      </summary>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-stone-500">{empty}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {items.map((item, index) => (
            <li key={index} className="break-words">
              <span className="text-stone-500">{item.line > 0 ? `line ${item.line}: ` : ""}</span>
              {item.text}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function ResultSection({ results }: { results: Extract<ActionData, { stage: "done" }>["results"] }) {
  return (
    <section aria-labelledby="result-title" className="space-y-4">
      <h2 id="result-title" className="font-serif text-2xl font-semibold">
        Result
      </h2>
      <ul className="space-y-3">
        {results.map((result) => (
          <li key={result.fileName} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <p className="font-medium">
              {result.fileName}: <OutcomeBadge outcome={result.outcome} />
            </p>
            <p className="mt-1 text-stone-600 dark:text-stone-300">{result.message}</p>
            {result.episode ? (
              <p className="mt-1">
                <Link to={`/episodes/${result.episode.slug}`}>{result.episode.title}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <Link to="/admin/import">Import more files</Link>
    </section>
  );
}

const OUTCOME_STYLES: Record<string, string> = {
  created: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  updated: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  unchanged: "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${OUTCOME_STYLES[outcome] ?? ""}`}>{outcome}</span>;
}

function HistorySection({ imports }: { imports: ReturnType<typeof useLoaderData<typeof loader>>["imports"] }) {
  return (
    <section aria-labelledby="history-title" className="space-y-3">
      <h2 id="history-title" className="font-serif text-2xl font-semibold">
        Import history
      </h2>
      {imports.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-300">Nothing has been imported yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="bg-stone-100 dark:bg-stone-800">
              <tr>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">File</th>
                <th scope="col" className="px-3 py-2">Outcome</th>
                <th scope="col" className="px-3 py-2">Episode</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 bg-white dark:divide-stone-800 dark:bg-stone-900">
              {imports.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <time dateTime={entry.createdAt.toISOString()}>{entry.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                  </td>
                  <td className="px-3 py-2">{entry.importedBy?.username ?? "command line"}</td>
                  <td className="break-all px-3 py-2">{entry.fileName}</td>
                  <td className="px-3 py-2">
                    <OutcomeBadge outcome={entry.outcome} />
                    {entry.message ? <p className="mt-1 text-stone-500 dark:text-stone-400">{entry.message}</p> : null}
                  </td>
                  <td className="px-3 py-2">{entry.episode ? <Link to={`/episodes/${entry.episode.slug}`}>{entry.episode.title}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
