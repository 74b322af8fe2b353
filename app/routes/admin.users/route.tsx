import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AdminSearch, adminListHref } from "~/components/admin/admin-search";
import { DoneNotice } from "~/components/admin/done-notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/forms";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/search/pager";
import { getUserForAdmin, searchUsers, UserActionError } from "~/models/users/index.server";
import { ADMIN_USER_INTENTS, AdminUserActionSchema, AdminUsersQuerySchema } from "~/schemas/admin";
import { requireUserWithPermission } from "~/utils/auth.server";
import { formFailure, invariantResponse, parseForm, parseQuery } from "~/utils/http";
import { USER_FIELDS, type Done, type Refusal } from "./answer";
import { changeRole, suspend, unsuspend } from "./intents.server";
import { ManagePanel } from "./manage-panel";
import { UserTable } from "./user-table";

export const meta: MetaFunction = () => [{ title: "Users — Admin — Footnote" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:manage-users");
  const { q, page, manage } = parseQuery(request, AdminUsersQuerySchema);
  const [results, managed] = await Promise.all([searchUsers({ query: q, page }), manage ? getUserForAdmin(manage) : null]);
  invariantResponse(!manage || managed, `No user has the id ${manage}.`, { status: 404 });
  return { q, results, managed, viewerId: admin.id };
}

/** Changing a user's role, suspending them, or lifting the suspension: each with a reason for the log. */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:manage-users");
  const submission = await parseForm(request, AdminUserActionSchema, { fields: USER_FIELDS });
  const intent = ADMIN_USER_INTENTS.find((name) => name === submission.form.get("intent")) ?? null;
  const refuse = (status: number, errors: Refusal["errors"]) => formFailure(status, submission, errors, { extra: { ok: false as const, intent } });
  if (!submission.ok) return refuse(400, submission.errors);

  const input = submission.value;
  try {
    const message =
      input.intent === "change-role" ? await changeRole(admin, input) : input.intent === "suspend" ? await suspend(admin, input) : await unsuspend(admin, input);
    return data<Done>({ ok: true, message, doneAt: Date.now() });
  } catch (error) {
    if (!(error instanceof UserActionError)) throw error;
    invariantResponse(error.code !== "not-found", error.message, { status: 404 });
    return refuse(error.code === "self" || error.code === "not-permitted" ? 403 : 400, { form: error.message });
  }
}

const usersHref = (params: { q: string; page?: number; manage?: number }) => adminListHref("/admin/users", params);

export default function AdminUsersPage() {
  const { q, results, managed, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { users, total, page, pageCount } = results;

  return (
    <div className="space-y-8">
      <PageHeader eyebrow="Admin" title="Users">
        Change a member’s role, or suspend an account: a suspended user is signed out everywhere and can do nothing but
        read. Every change needs a reason and is written to the moderation log.
      </PageHeader>

      {actionData?.ok ? <DoneNotice message={actionData.message} /> : null}
      <FormError error={actionData && !actionData.ok && !actionData.intent ? actionData.errors.form : undefined} />

      <AdminSearch label="Search by username or email" query={q} clearHref="/admin/users" autoCapitalize="none" />

      {managed ? (
        <ManagePanel
          key={managed.id}
          user={managed}
          isSelf={managed.id === viewerId}
          closeHref={usersHref({ q, page })}
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
          <UserTable users={users} viewerId={viewerId} managedId={managed?.id ?? null} manageHref={(id) => usersHref({ q, page, manage: id })} />
        )}
        <Pager page={page} pageCount={pageCount} href={(target) => usersHref({ q, page: target })} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
