import { Form } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/forms";
import { useIsPendingFor } from "~/components/pending-for";
import { ReasonField } from "~/components/reason-field";
import { REASON_MAX_LENGTH } from "~/schemas/admin";
import type { Intent, Refusal } from "./answer";

type Author = { id: number; name: string; linkedUser: { id: number; username: string } | null };

/** Link or unlink, folded away until opened so the list stays readable; open by itself when its submission failed. */
export function AuthorForm({ author, refusal }: { author: Author; refusal: Refusal | null }) {
  const intent: Intent = author.linkedUser ? "unlink" : "link";
  const pending = useIsPendingFor("authorId", author.id);
  const errors = refusal?.errors ?? {};
  const prefix = `author-${author.id}`;
  return (
    <details open={refusal ? true : undefined} className="group min-w-0 text-sm">
      <summary className="cursor-pointer font-medium text-accent-700 dark:text-accent-300">
        {intent === "link" ? `Link ${author.name} to an account` : `Unlink ${author.name}`}
      </summary>
      <Form method="post" preventScrollReset noValidate aria-label={intent === "link" ? `Link ${author.name}` : `Unlink ${author.name}`} className="mt-3 space-y-3">
        <FormError error={errors.form} />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="authorId" value={author.id} />
        {intent === "link" ? (
          <Field
            name="username"
            id={`${prefix}-username`}
            label="Username of the account"
            type="text"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            defaultValue={refusal?.fields.username}
            error={errors.username}
          />
        ) : null}
        <ReasonField
          id={`${prefix}-reason`}
          maxLength={REASON_MAX_LENGTH}
          shownIn="for the moderation log"
          defaultValue={refusal?.fields.reason}
          error={errors.reason}
        />
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {intent === "link" ? "Link" : "Unlink"}
        </SubmitButton>
      </Form>
    </details>
  );
}
