import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError, SelectField, SubmitButton } from "~/components/forms";
import { useIsPendingFor } from "~/components/pending-for";
import { ReasonField } from "~/components/reason-field";
import { Card } from "~/components/ui/card";
import { Notice } from "~/components/ui/notice";
import type { AdminUser } from "~/models/users/index.server";
import { ROLES } from "~/utils/permissions";
import { REASON_MAX_LENGTH } from "~/schemas/admin";
import type { Intent, Refusal } from "./answer";
import { RoleLabel, StatusLabel } from "./labels";

/** One account's details and the forms that change it; an admin's own account has none. */
export function ManagePanel({
  user,
  isSelf,
  closeHref,
  result,
  doneAt,
}: {
  user: AdminUser;
  isSelf: boolean;
  closeHref: string;
  result: Refusal | null;
  doneAt: number;
}) {
  return (
    <Card as="section" id="manage" aria-labelledby="manage-title" className="space-y-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="manage-title" className="font-serif text-xl font-semibold">
          Manage {user.username}
        </h2>
        <Link to={closeHref} preventScrollReset className="text-sm">
          Close
        </Link>
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
        <dt className="text-stone-500 dark:text-stone-400">Role</dt>
        <dd>
          <RoleLabel role={user.role} />
        </dd>
        <dt className="text-stone-500 dark:text-stone-400">Status</dt>
        <dd>
          <StatusLabel user={user} />
          {user.suspendedReason ? <span className="text-stone-600 dark:text-stone-300"> — “{user.suspendedReason}”</span> : null}
        </dd>
        <dt className="text-stone-500 dark:text-stone-400">Email</dt>
        <dd className="break-all">{user.email ?? "—"}</dd>
        <dt className="text-stone-500 dark:text-stone-400">Comments</dt>
        <dd>{user.commentCount}</dd>
      </dl>

      {isSelf ? (
        <Notice tone="warning" compact>
          This is your own account. You cannot demote or suspend yourself: another admin must do it, so the forum always
          keeps an admin.
        </Notice>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          <ActionForm
            key={`role-${doneAt}`}
            intent="change-role"
            userId={user.id}
            title="Change role"
            submitLabel="Change role"
            result={result?.intent === "change-role" ? result : null}
          >
            {(error) => (
              <SelectField
                name="role"
                label="New role"
                defaultValue={result?.intent === "change-role" && result.fields.role ? result.fields.role : user.role}
                error={error.role}
                options={ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              />
            )}
          </ActionForm>

          {user.suspendedAt ? (
            <ActionForm
              key={`unsuspend-${doneAt}`}
              intent="unsuspend"
              userId={user.id}
              title="Lift the suspension"
              submitLabel="Unsuspend"
              result={result?.intent === "unsuspend" ? result : null}
            />
          ) : (
            <ActionForm
              key={`suspend-${doneAt}`}
              intent="suspend"
              userId={user.id}
              title="Suspend"
              description="Signs them out on every device; they can read but not post, flag or sign in."
              submitLabel="Suspend"
              danger
              result={result?.intent === "suspend" ? result : null}
            />
          )}
        </div>
      )}
    </Card>
  );
}

function ActionForm({
  intent,
  userId,
  title,
  description,
  submitLabel,
  danger = false,
  result,
  children,
}: {
  intent: Intent;
  userId: number;
  title: string;
  description?: string;
  submitLabel: string;
  danger?: boolean;
  result: Refusal | null;
  children?: (errors: Refusal["errors"]) => ReactNode;
}) {
  const pending = useIsPendingFor("intent", intent);
  const errors = result?.errors ?? {};
  return (
    <Form method="post" preventScrollReset noValidate aria-labelledby={`${intent}-title`} className="space-y-3">
      <h3 id={`${intent}-title`} className="font-semibold">
        {title}
      </h3>
      {description ? <p className="text-sm text-stone-600 dark:text-stone-300">{description}</p> : null}
      <FormError error={errors.form} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      {children?.(errors)}
      <ReasonField
        id={`${intent}-reason`}
        maxLength={REASON_MAX_LENGTH}
        shownIn="for the moderation log"
        required
        defaultValue={result?.fields.reason}
        error={errors.reason}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={danger ? "danger" : "primary"} size="md">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
