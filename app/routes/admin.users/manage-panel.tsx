import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { AdminUser } from "~/models/user.server";
import { REASON_MAX_LENGTH } from "~/schemas/admin";
import { ROLES } from "~/utils/permissions";
import type { ActionErrors, Intent, Refusal } from "./answer";
import { RoleLabel, StatusLabel } from "./labels";

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";

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
    <section
      id="manage"
      aria-labelledby="manage-title"
      className="space-y-5 rounded-lg border border-stone-200 bg-white p-5 shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
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
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          This is your own account. You cannot demote or suspend yourself: another admin must do it, so the forum always
          keeps an admin.
        </p>
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
            {(errors) => (
              <div>
                <label htmlFor="role" className="block text-sm font-medium text-stone-800 dark:text-stone-200">
                  New role
                </label>
                <select
                  id="role"
                  name="role"
                  defaultValue={result?.intent === "change-role" && result.fields.role ? result.fields.role : user.role}
                  aria-invalid={errors.role ? true : undefined}
                  aria-describedby={errors.role ? "role-error" : undefined}
                  className={fieldClass}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
                {errors.role ? (
                  <p id="role-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
                    {errors.role}
                  </p>
                ) : null}
              </div>
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
    </section>
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
  children?: (errors: ActionErrors) => ReactNode;
}) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const errors = result?.errors ?? {};
  const reasonId = `${intent}-reason`;
  return (
    <Form method="post" preventScrollReset noValidate aria-labelledby={`${intent}-title`} className="space-y-3">
      <h3 id={`${intent}-title`} className="font-semibold">
        {title}
      </h3>
      {description ? <p className="text-sm text-stone-600 dark:text-stone-300">{description}</p> : null}
      {errors.form ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {errors.form}
        </p>
      ) : null}
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      {children?.(errors)}
      <div>
        <label htmlFor={reasonId} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
          Reason <span className="font-normal text-stone-500 dark:text-stone-400">(for the moderation log)</span>
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          required
          maxLength={REASON_MAX_LENGTH}
          defaultValue={result?.fields.reason}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${reasonId}-error` : undefined}
          className={fieldClass}
        />
        {errors.reason ? (
          <p id={`${reasonId}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.reason}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={submitting}
        className={
          danger
            ? "rounded-md bg-red-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-red-600 disabled:cursor-wait disabled:opacity-70 dark:bg-red-400 dark:text-stone-950 dark:hover:bg-red-300"
            : "rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 disabled:cursor-wait disabled:opacity-70 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100"
        }
      >
        {submitting ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
