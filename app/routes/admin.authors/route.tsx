import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminSearch, adminListHref } from "~/components/admin/admin-search";
import { DoneNotice } from "~/components/admin/done-notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/forms";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/search/pager";
import { Card } from "~/components/ui/card";
import { listImportedAuthors, UserActionError } from "~/models/users/index.server";
import { AdminAuthorActionSchema, AdminAuthorsQuerySchema } from "~/schemas/admin";
import { requireUserWithPermission } from "~/utils/auth.server";
import { formFailure, invariantResponse, parseForm, parseQuery, text } from "~/utils/http";
import { AUTHOR_FIELDS, type Done, type Refusal } from "./answer";
import { AuthorForm } from "./author-form";
import { link, unlink } from "./intents.server";

export const meta: MetaFunction = () => [{ title: "Imported authors — Admin — Footnote" }];

// Linking an imported author to an account is part of managing users: it decides whose name comments carry.
const PERMISSION = "admin:manage-users";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, PERMISSION);
  const { q, page } = parseQuery(request, AdminAuthorsQuerySchema);
  return { q, results: await listImportedAuthors({ query: q, page }) };
}

/** Linking an imported author to an account, or undoing it: each with a reason for the log. */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, PERMISSION);
  const submission = await parseForm(request, AdminAuthorActionSchema, { fields: AUTHOR_FIELDS });
  const intent = (["link", "unlink"] as const).find((name) => name === submission.form.get("intent")) ?? null;
  const authorId = Number(text(submission.form.get("authorId"))) || null;
  const refuse = (status: number, errors: Refusal["errors"]) => formFailure(status, submission, errors, { extra: { ok: false as const, intent, authorId } });
  if (!submission.ok) return refuse(400, submission.errors);

  const input = submission.value;
  try {
    const message = input.intent === "link" ? await link(admin, input) : await unlink(admin, input);
    return data<Done>({ ok: true, message, doneAt: Date.now() });
  } catch (error) {
    if (!(error instanceof UserActionError)) throw error;
    invariantResponse(error.code !== "not-found", error.message, { status: 404 });
    if (error.field === "username") return refuse(400, { username: error.message });
    return refuse(error.code === "not-permitted" ? 403 : 400, { form: error.message });
  }
}

export default function AdminAuthorsPage() {
  const { q, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { authors, total, page, pageCount } = results;
  const refusal = actionData && !actionData.ok ? actionData : null;

  return (
    <div className="space-y-8">
      <PageHeader eyebrow="Admin" title="Imported authors">
        The names under imported comments. They are not accounts and cannot sign in. When a member proves they wrote
        under one of these names, link it to their account: the comments then show the account as their author.
      </PageHeader>

      {actionData?.ok ? <DoneNotice message={actionData.message} /> : null}
      <FormError error={refusal && !refusal.authorId ? refusal.errors.form : undefined} />

      <AdminSearch label="Search by name" query={q} clearHref="/admin/authors" />

      <section aria-labelledby="authors-title" className="space-y-3">
        <h2 id="authors-title" className="font-serif text-xl font-semibold">
          {q ? `Imported authors matching “${q}”` : "All imported authors"}{" "}
          <span className="text-base font-normal text-stone-500 dark:text-stone-400">({total})</span>
        </h2>
        {authors.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">
            {q ? `No imported author’s name contains “${q}”.` : "Nothing has been imported yet, so there are no imported authors."}
          </p>
        ) : (
          <Card as="ul" divided>
            {authors.map((author) => (
              <li key={author.id} className="grid gap-4 px-4 py-4 sm:px-5 md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
                <div className="min-w-0">
                  <h3 className="break-words font-semibold">{author.name}</h3>
                  <p className="mt-1 text-sm text-stone-600 dark:text-stone-300">
                    {author.commentCount === 1 ? "1 comment" : `${author.commentCount} comments`} ·{" "}
                    {author.linkedUser ? (
                      <>
                        linked to <Link to={`/users/${encodeURIComponent(author.linkedUser.username)}`}>{author.linkedUser.username}</Link>
                      </>
                    ) : (
                      "not linked to an account"
                    )}
                  </p>
                </div>
                <AuthorForm
                  key={`${author.id}-${author.linkedUser?.id ?? "none"}-${actionData?.ok ? actionData.doneAt : 0}`}
                  author={author}
                  refusal={refusal?.authorId === author.id ? refusal : null}
                />
              </li>
            ))}
          </Card>
        )}
        <Pager page={page} pageCount={pageCount} href={(target) => adminListHref("/admin/authors", { q, page: target })} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
