import { Form, useNavigation } from "@remix-run/react";
import { REASON_MAX_LENGTH } from "~/schemas/admin";
import type { Intent, Refusal } from "./answer";

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";

type Author = { id: number; name: string; linkedUser: { id: number; username: string } | null };

/** Link or unlink, folded away until opened so the list stays readable; open by itself when its submission failed. */
export function AuthorForm({ author, refusal }: { author: Author; refusal: Refusal | null }) {
  const navigation = useNavigation();
  const intent: Intent = author.linkedUser ? "unlink" : "link";
  const submitting = navigation.state === "submitting" && navigation.formData?.get("authorId") === String(author.id);
  const errors = refusal?.errors ?? {};
  const prefix = `author-${author.id}`;
  return (
    <details open={refusal ? true : undefined} className="group min-w-0 text-sm">
      <summary className="cursor-pointer font-medium text-accent-700 dark:text-accent-300">
        {intent === "link" ? `Link ${author.name} to an account` : `Unlink ${author.name}`}
      </summary>
      <Form method="post" preventScrollReset noValidate aria-label={intent === "link" ? `Link ${author.name}` : `Unlink ${author.name}`} className="mt-3 space-y-3">
        {errors.form ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {errors.form}
          </p>
        ) : null}
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="authorId" value={author.id} />
        {intent === "link" ? (
          <div>
            <label htmlFor={`${prefix}-username`} className="block font-medium text-stone-800 dark:text-stone-200">
              Username of the account
            </label>
            <input
              id={`${prefix}-username`}
              name="username"
              type="text"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              defaultValue={refusal?.fields.username}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={errors.username ? `${prefix}-username-error` : undefined}
              className={fieldClass}
            />
            {errors.username ? (
              <p id={`${prefix}-username-error`} className="mt-1 text-red-700 dark:text-red-400">
                {errors.username}
              </p>
            ) : null}
          </div>
        ) : null}
        <div>
          <label htmlFor={`${prefix}-reason`} className="block font-medium text-stone-800 dark:text-stone-200">
            Reason <span className="font-normal text-stone-500 dark:text-stone-400">(for the moderation log)</span>
          </label>
          <textarea
            id={`${prefix}-reason`}
            name="reason"
            rows={2}
            maxLength={REASON_MAX_LENGTH}
            defaultValue={refusal?.fields.reason}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `${prefix}-reason-error` : undefined}
            className={fieldClass}
          />
          {errors.reason ? (
            <p id={`${prefix}-reason-error`} className="mt-1 text-red-700 dark:text-red-400">
              {errors.reason}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={submitting}
          className="rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 disabled:cursor-wait disabled:opacity-70 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100"
        >
          {submitting ? "Saving…" : intent === "link" ? "Link" : "Unlink"}
        </button>
      </Form>
    </details>
  );
}
