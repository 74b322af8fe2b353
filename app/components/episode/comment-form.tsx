import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { failureOf, FormError, Honeypot, SubmitButton, TextareaField, useIsPending } from "~/components/forms";
import { Button } from "~/components/ui/button";
import { COMMENT_MAX_LENGTH } from "~/schemas/comment";
import { MentionSuggestions } from "./mention-suggestions";
import type { FormFailure } from "~/utils/http";

/** The field of a comment form with a message beside it; any other refusal is the form's. */
export const COMMENT_FIELDS = ["body"] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

/** What the episode route's action answers a comment form. */
export type CommentActionData = { ok: true; formKey: string; anchor: string } | (FormFailure<CommentField> & { ok: false; formKey: string });

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
  onDone?: (anchor: string) => void;
};

/**
 * A comment, reply or edit form. With JavaScript it is sent by a fetcher and the thread updates in
 * place; without, it is a plain form post answered by a redirect to the comment.
 */
export function CommentForm({ intent, formKey, parentId, commentId, defaultBody = "", label, submitLabel, onDone }: CommentFormProps) {
  const fetcher = useFetcher<CommentActionData>();
  const pageAnswer = useActionData<CommentActionData>();
  const answer = fetcher.data ?? (pageAnswer?.formKey === formKey ? pageAnswer : undefined);
  const { errors, fields } = failureOf<CommentField>(answer?.formKey === formKey ? answer : undefined);
  const [hydrated, setHydrated] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const pending = useIsPending({ fetcher });

  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data?.ok) return;
    if (intent === "post-comment") formRef.current?.reset();
    onDone?.(fetcher.data.anchor);
    // onDone changes identity with every render of the parent; the answer is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const failed = fields.body !== undefined;
  return (
    <fetcher.Form method="post" ref={formRef} className="space-y-2" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formKey" value={formKey} />
      {parentId !== undefined ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {commentId !== undefined ? <input type="hidden" name="commentId" value={commentId} /> : null}
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <Honeypot />
      <TextareaField
        id={`${id}-body`}
        name="body"
        label={label}
        labelClassName="block text-sm font-medium text-stone-700 dark:text-stone-200"
        error={errors.body}
        hint="Markdown: *emphasis*, **bold**, [links](https://…), > quotes, lists and `code`. HTML is shown as text."
        required
        rows={intent === "edit-comment" ? 6 : 4}
        maxLength={COMMENT_MAX_LENGTH}
        defaultValue={failed ? fields.body : defaultBody}
        key={failed ? `failed-${fields.body?.length}` : "fresh"}
        textareaClassName="font-sans text-[0.9375rem] leading-relaxed"
      />
      <MentionSuggestions textareaId={`${id}-body`} threadId={parentId ?? commentId} />
      <FormError error={errors.form} />
      <SubmitButton pending={pending} pendingLabel="Sending…" className="text-sm">
        {submitLabel}
      </SubmitButton>
    </fetcher.Form>
  );
}

/** A one-button form: delete your own comment. */
export function DeleteCommentForm({ commentId, anchor }: { commentId: number; anchor: string }) {
  const fetcher = useFetcher<CommentActionData>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { errors } = failureOf<CommentField>(fetcher.data);
  return (
    <fetcher.Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(`Delete your comment #${anchor}? Its place in the thread stays, marked “deleted by the author”.`)) event.preventDefault();
      }}
      className="inline"
    >
      <input type="hidden" name="intent" value="delete-comment" />
      <input type="hidden" name="formKey" value={`delete:${commentId}`} />
      <input type="hidden" name="commentId" value={commentId} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <Button variant="danger">Delete</Button>
      {errors.form ? (
        <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-400">
          {errors.form}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
