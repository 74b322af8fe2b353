import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { linkImportedAuthor, listImportedAuthors, unlinkImportedAuthor, UserActionError } from "~/models/users/index.server";
import { AdminAuthorActionSchema, AdminAuthorsQuerySchema, REASON_MAX_LENGTH, SEARCH_MAX_LENGTH } from "~/schemas/admin";
import { firstIssue } from "~/schemas/pagination";
import { requirePermission } from "~/utils/auth.server";
import { readFormData } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Imported authors — Admin — Footnote" }];

// Linking an imported author to an account is part of managing users: it decides whose name comments carry.
const PERMISSION = "admin:manage-users";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSION);
  const url = new URL(request.url);
  const query = AdminAuthorsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new Response(firstIssue(query.error), { status: 400 });
  const { q, page } = query.data;
  return { q, results: await listImportedAuthors({ query: q, page }) };
}

type Intent = "link" | "unlink";
type ActionErrors = { username?: string; reason?: string; form?: string };
type ActionResult =
  | { ok: true; message: string; doneAt: number }
  | { ok: false; intent: Intent | null; authorId: number | null; errors: ActionErrors; fields: { username: string; reason: string } };

function text(value: FormDataEntryValue | null) {
  return typeof value === "string" ? value : "";
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, PERMISSION);
  const form = await readFormData(request);
  const typedIntent = text(form.get("intent"));
  const intent = (["link", "unlink"] as const).find((name) => name === typedIntent) ?? null;
  const authorId = Number(text(form.get("authorId"))) || null;
  const fields = { username: text(form.get("username")), reason: text(form.get("reason")) };
  const refuse = (status: number, errors: ActionErrors) =>
    data<ActionResult>({ ok: false, intent, authorId, errors, fields }, { status });

  const parsed = AdminAuthorActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error) as {
      formErrors: string[];
      fieldErrors: Partial<Record<"intent" | "authorId" | "username" | "reason", string[]>>;
    };
    return refuse(400, {
      username: fieldErrors.username?.[0],
      reason: fieldErrors.reason?.[0],
      form: formErrors[0] ?? fieldErrors.intent?.[0] ?? fieldErrors.authorId?.[0],
    });
  }

  try {
    let message: string;
    if (parsed.data.intent === "link") {
      const result = await linkImportedAuthor({ actorId: admin.id, ...parsed.data });
      message = `${result.name}’s comments now show ${result.username} as their author.`;
    } else {
      const result = await unlinkImportedAuthor({ actorId: admin.id, ...parsed.data });
      message = `${result.name} is no longer linked${result.username ? ` to ${result.username}` : ""}: the comments show the imported name again.`;
    }
    return data<ActionResult>({ ok: true, message, doneAt: Date.now() });
  } catch (error) {
    if (!(error instanceof UserActionError)) throw error;
    if (error.code === "not-found") throw new Response(error.message, { status: 404 });
    if (error.field === "username") return refuse(400, { username: error.message });
    return refuse(error.code === "not-permitted" ? 403 : 400, { form: error.message });
  }
}

function pageHref(params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    // Page 1 is the default, so its address stays short.
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `/admin/authors?${query}` : "/admin/authors";
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";

export default function AdminAuthorsPage() {
  const { q, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { authors, total, page, pageCount } = results;
  const refusal = actionData && !actionData.ok ? actionData : null;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Admin</p>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Imported authors</h1>
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          The names under imported comments. They are not accounts and cannot sign in. When a member proves they wrote
          under one of these names, link it to their account: the comments then show the account as their author.
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

      {refusal && !refusal.authorId && refusal.errors.form ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {refusal.errors.form}
        </p>
      ) : null}

      <Form method="get" role="search" className="flex max-w-2xl flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor="q" className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Search by name
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={SEARCH_MAX_LENGTH}
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
          {q ? <Link to="/admin/authors">Clear</Link> : null}
        </div>
      </Form>

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
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
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
          </ul>
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

type Author = ReturnType<typeof useLoaderData<typeof loader>>["results"]["authors"][number];
type Refusal = Extract<ActionResult, { ok: false }>;

/** Link or unlink, folded away until opened so the list stays readable; open by itself when its submission failed. */
function AuthorForm({ author, refusal }: { author: Author; refusal: Refusal | null }) {
  const navigation = useNavigation();
  const intent: Intent = author.linkedUser ? "unlink" : "link";
  const submitting =
    navigation.state === "submitting" && navigation.formData?.get("authorId") === String(author.id);
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
