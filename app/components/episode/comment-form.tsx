import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { COMMENT_MAX_LENGTH } from "~/schemas/comment";

/** What the episode route's action answers a comment form. */
export type CommentActionData =
  | { ok: true; formKey: string; ordinal: number }
  | { ok: false; formKey: string; errors: { body?: string; form?: string }; values: { body: string } };

type CommentFormProps = {
  intent: "post-comment" | "edit-comment";
  /** Identifies this form among the page's forms, so that an answer reaches the form that was sent. */
  formKey: string;
  parentId?: number;
  commentId?: number;
  defaultBody?: string;
  label: string;
  submitLabel: string;
  /** Called after a successful submission with the comment's number. */
  onDone?: (ordinal: number) => void;
};

/**
 * A comment, reply or edit form. With JavaScript it is sent by a fetcher and the thread updates in
 * place; without, it is a plain form post answered by a redirect to the comment.
 */
export function CommentForm({ intent, formKey, parentId, commentId, defaultBody = "", label, submitLabel, onDone }: CommentFormProps) {
  const fetcher = useFetcher<CommentActionData>();
  const pageAnswer = useActionData<CommentActionData>();
  const answer = fetcher.data ?? (pageAnswer?.formKey === formKey ? pageAnswer : undefined);
  const failed = answer && !answer.ok && answer.formKey === formKey ? answer : undefined;
  const [hydrated, setHydrated] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const busy = fetcher.state !== "idle";

  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data?.ok) return;
    if (intent === "post-comment") formRef.current?.reset();
    onDone?.(fetcher.data.ordinal);
    // onDone changes identity with every render of the parent; the answer is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const bodyError = failed?.errors.body;
  const formError = failed?.errors.form;
  return (
    <fetcher.Form method="post" ref={formRef} className="space-y-2" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formKey" value={formKey} />
      {parentId !== undefined ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {commentId !== undefined ? <input type="hidden" name="commentId" value={commentId} /> : null}
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      {/* Left empty by people; bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>
          Website <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <label htmlFor={`${id}-body`} className="block text-sm font-medium text-stone-700 dark:text-stone-200">
        {label}
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        required
        rows={intent === "edit-comment" ? 6 : 4}
        maxLength={COMMENT_MAX_LENGTH}
        defaultValue={failed?.values.body ?? defaultBody}
        key={failed ? `failed-${failed.values.body.length}` : "fresh"}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={`${id}-help${bodyError ? ` ${id}-error` : ""}`}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-sans text-[0.9375rem] leading-relaxed text-stone-900 shadow-xs focus:border-accent-600 aria-invalid:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100"
      />
      <p id={`${id}-help`} className="text-xs text-stone-500 dark:text-stone-400">
        Markdown: *emphasis*, **bold**, [links](https://…), &gt; quotes, lists and `code`. HTML is shown as text.
      </p>
      {bodyError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {bodyError}
        </p>
      ) : null}
      {formError ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {formError}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-accent-700 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-600 disabled:opacity-60"
      >
        {busy ? "Sending…" : submitLabel}
      </button>
    </fetcher.Form>
  );
}

/** A one-button form: delete your own comment. */
export function DeleteCommentForm({ commentId, ordinal }: { commentId: number; ordinal: number }) {
  const fetcher = useFetcher<CommentActionData>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const failed = fetcher.data && !fetcher.data.ok ? fetcher.data : undefined;
  return (
    <fetcher.Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(`Delete your comment #${ordinal}? Its place in the thread stays, marked “deleted by the author”.`)) event.preventDefault();
      }}
      className="inline"
    >
      <input type="hidden" name="intent" value="delete-comment" />
      <input type="hidden" name="formKey" value={`delete:${commentId}`} />
      <input type="hidden" name="commentId" value={commentId} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <button type="submit" className="text-sm font-medium text-stone-600 hover:text-red-700 dark:text-stone-300 dark:hover:text-red-400">
        Delete
      </button>
      {failed ? <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-400">{failed.errors.form}</span> : null}
    </fetcher.Form>
  );
}
