import { Form, Link } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { Card } from "~/components/ui/card";
import { Notice } from "~/components/ui/notice";
import type { PreviewView, StagedFile, UploadPreview } from "~/models/import/index.server";

/** Step two: what each file becomes, and the confirmation that imports the importable ones by their ids. */
export function PreviewSection({ data, pending }: { data: { previews: UploadPreview[]; carry: StagedFile[] }; pending: boolean }) {
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
            <SubmitButton pending={pending} pendingLabel="Importing…">
              {`Import ${data.carry.length === 1 ? "this file" : `these ${data.carry.length} files`}`}
            </SubmitButton>
          </Form>
        ) : null}
        <Link to="/admin/import">Cancel and choose other files</Link>
      </div>
    </section>
  );
}

/** What one file becomes: its kind and title, the episode it creates or changes, its counts and thread outline. */
function PreviewCard({ preview }: { preview: PreviewView }) {
  return (
    <Card as="article" padding="lg" className="space-y-4">
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
        <Notice tone="warning" compact>
          {preview.existing.alreadyImported
            ? `This exact file is already imported as /episodes/${preview.existing.slug}: importing it again changes nothing.`
            : `Changes the episode /episodes/${preview.existing.slug} “${preview.existing.title}” (${preview.existing.commentCount} comments now), because ${preview.existing.reason}: new comments are added, changed text is updated.`}
        </Notice>
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
    </Card>
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
