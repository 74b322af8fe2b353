import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { articledRole } from "~/models/presenters/user";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  changeUserRole,
  getUserForAdmin,
  searchUsers,
  suspendUser,
  unsuspendUser,
  UserActionError,
  type AdminUser,
} from "~/models/users/index.server";
import { AdminUserActionSchema, AdminUsersQuerySchema, REASON_MAX_LENGTH, SEARCH_MAX_LENGTH } from "~/schemas/admin";
import { firstIssue } from "~/schemas/pagination";
import { requirePermission } from "~/utils/auth.server";
import { readFormData } from "~/utils/http";
import { ROLES, type Role } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Users — Admin — Footnote" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "admin:manage-users");
  const url = new URL(request.url);
  const query = AdminUsersQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new Response(firstIssue(query.error), { status: 400 });
  const { q, page, manage } = query.data;
  const [results, managed] = await Promise.all([
    searchUsers({ query: q, page }),
    manage ? getUserForAdmin(manage) : null,
  ]);
  if (manage && !managed) throw new Response(`No user has the id ${manage}.`, { status: 404 });
  return { q, results, managed, viewerId: admin.id };
}

type Intent = "change-role" | "suspend" | "unsuspend";
type ActionErrors = { role?: string; reason?: string; form?: string };
type ActionResult =
  | { ok: true; message: string; doneAt: number }
  | { ok: false; intent: Intent | null; errors: ActionErrors; fields: { reason: string; role: string } };

function text(value: FormDataEntryValue | null) {
  return typeof value === "string" ? value : "";
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin:manage-users");
  const form = await readFormData(request);
  const typedIntent = text(form.get("intent"));
  const intent = (["change-role", "suspend", "unsuspend"] as const).find((name) => name === typedIntent) ?? null;
  const fields = { reason: text(form.get("reason")), role: text(form.get("role")) };
  const refuse = (status: number, errors: ActionErrors) => data<ActionResult>({ ok: false, intent, errors, fields }, { status });

  const parsed = AdminUserActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error) as {
      formErrors: string[];
      fieldErrors: Partial<Record<"intent" | "userId" | "role" | "reason", string[]>>;
    };
    return refuse(400, {
      role: fieldErrors.role?.[0],
      reason: fieldErrors.reason?.[0],
      form: formErrors[0] ?? fieldErrors.intent?.[0] ?? fieldErrors.userId?.[0],
    });
  }

  const { userId, reason } = parsed.data;
  try {
    let message: string;
    if (parsed.data.intent === "change-role") {
      const result = await changeUserRole({ actorId: admin.id, userId, role: parsed.data.role, reason });
      message = `${result.username} is now ${articled(result.to)} (was ${articled(result.from)}).`;
    } else if (parsed.data.intent === "suspend") {
      const result = await suspendUser({ actorId: admin.id, userId, reason });
      message = `${result.username} is suspended and signed out everywhere.`;
    } else {
      const result = await unsuspendUser({ actorId: admin.id, userId, reason });
      message = `${result.username} is no longer suspended and may sign in again.`;
    }
    return data<ActionResult>({ ok: true, message, doneAt: Date.now() });
  } catch (error) {
    if (!(error instanceof UserActionError)) throw error;
    if (error.code === "not-found") throw new Response(error.message, { status: 404 });
    if (error.code === "self" || error.code === "not-permitted") return refuse(403, { form: error.message });
    return refuse(400, { form: error.message });
  }
}

const articled = articledRole;

// Fixed locale and zone, so the server's and the browser's renderings agree.
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const formatDate = (date: Date) => dateFormat.format(date);

function pageHref(params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    // Page 1 is the default, so its address stays short.
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export default function AdminUsersPage() {
  const { q, results, managed, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { users, total, page, pageCount } = results;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Admin</p>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Users</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Change a member’s role, or suspend an account: a suspended user is signed out everywhere and can do nothing but
          read. Every change needs a reason and is written to the moderation log.
        </p>
      </header>

      {actionData?.ok ? (
        <div
          role="status"
          className="flex items-start justify-between gap-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          <p>{actionData.message}</p>
          <Link
            to={location.pathname + location.search}
            preventScrollReset
            replace
            className="shrink-0 rounded px-1 text-sm font-medium text-emerald-900 underline dark:text-emerald-100"
          >
            Dismiss
          </Link>
        </div>
      ) : null}

      {actionData && !actionData.ok && !actionData.intent && actionData.errors.form ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {actionData.errors.form}
        </p>
      ) : null}

      <Form method="get" role="search" className="flex max-w-2xl flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor="q" className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Search by username or email
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={SEARCH_MAX_LENGTH}
            autoCapitalize="none"
            spellCheck={false}
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100"
          />
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100"
          >
            Search
          </button>
          {q ? <Link to="/admin/users">Clear</Link> : null}
        </div>
      </Form>

      {managed ? (
        <ManagePanel
          key={managed.id}
          user={managed}
          isSelf={managed.id === viewerId}
          closeHref={pageHref({ q, page })}
          result={actionData && !actionData.ok ? actionData : null}
          doneAt={actionData?.ok ? actionData.doneAt : 0}
        />
      ) : null}

      <section aria-labelledby="users-title" className="space-y-3">
        <h2 id="users-title" className="font-serif text-xl font-semibold">
          {q ? `Users matching “${q}”` : "All users"}{" "}
          <span className="text-base font-normal text-stone-500 dark:text-stone-400">({total})</span>
        </h2>
        {users.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">{q ? `No username or email contains “${q}”.` : "There are no users yet."}</p>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-stone-200 dark:border-stone-800">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <thead className="bg-stone-100 dark:bg-stone-800">
                <tr>
                  <th scope="col" className="px-3 py-2">Username</th>
                  <th scope="col" className="px-3 py-2">Role</th>
                  <th scope="col" className="px-3 py-2">Joined</th>
                  <th scope="col" className="px-3 py-2 text-right">Comments</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200 bg-white dark:divide-stone-800 dark:bg-stone-900">
                {users.map((user) => (
                  <tr key={user.id} className={managed?.id === user.id ? "bg-accent-50 dark:bg-stone-800/60" : undefined}>
                    <th scope="row" className="min-w-[10rem] px-3 py-2 font-normal">
                      <Link to={`/users/${encodeURIComponent(user.username)}`} className="font-medium">
                        {user.username}
                      </Link>
                      {user.id === viewerId ? <span className="ml-1 text-stone-500 dark:text-stone-400">(you)</span> : null}
                      {user.email ? <p className="break-all text-xs text-stone-500 dark:text-stone-400">{user.email}</p> : null}
                    </th>
                    <td className="px-3 py-2">
                      <RoleLabel role={user.role} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <time dateTime={user.createdAt.toISOString()}>{formatDate(user.createdAt)}</time>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{user.commentCount}</td>
                    <td className="min-w-[12rem] px-3 py-2">
                      <StatusLabel user={user} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-right">
                      <Link
                        to={`${pageHref({ q, page, manage: user.id })}#manage`}
                        aria-label={`Manage ${user.username}`}
                        preventScrollReset
                      >
                        Manage
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pageCount > 1 ? (
          <nav aria-label="Pages" className="flex justify-between text-sm">
            {page > 1 ? <Link to={pageHref({ q, page: page - 1 })}>← Previous</Link> : <span />}
            <span className="text-stone-500 dark:text-stone-400">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? <Link to={pageHref({ q, page: page + 1 })}>Next →</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function RoleLabel({ role }: { role: Role }) {
  if (role === "member") return <span className="text-stone-600 dark:text-stone-300">member</span>;
  return (
    <span className="rounded-full bg-accent-100 px-2 py-0.5 text-xs font-semibold text-accent-700 dark:bg-accent-700/40 dark:text-accent-100">
      {role}
    </span>
  );
}

function StatusLabel({ user }: { user: Pick<AdminUser, "suspendedAt" | "suspendedReason"> }) {
  if (!user.suspendedAt) return <span className="text-stone-600 dark:text-stone-300">active</span>;
  return (
    <span className="text-red-800 dark:text-red-300" title={user.suspendedReason ?? undefined}>
      suspended since <time dateTime={user.suspendedAt.toISOString()}>{formatDate(user.suspendedAt)}</time>
    </span>
  );
}

type Refusal = Extract<ActionResult, { ok: false }>;

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";

function ManagePanel({
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
