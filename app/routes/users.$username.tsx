import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoleBadge } from "~/components/role-badge";
import { getImportedAuthorByName, getPublicProfile, listProfileComments } from "~/models/users/index.server";
import { PageQuerySchema } from "~/schemas/pagination";
import { publicProfile } from "~/models/presenters/user";
import { Card } from "~/components/ui/card";
import { Notice } from "~/components/ui/notice";
import { invariantResponse, parseQuery } from "~/utils/http";
import { commentPermalink } from "~/utils/comment-anchor";
import { Time } from "~/components/ui/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.profile.username} — Footnote` : "Not found — Footnote" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const username = params.username ?? "";
  const { page } = parseQuery(request, PageQuerySchema);

  const profile = await getPublicProfile(username);
  if (!profile) {
    const imported = await getImportedAuthorByName(username);
    invariantResponse(
      false,
      imported
        ? `“${imported.name}” is the name of an author of imported comments, not a member. Imported authors have no profile.`
        : `No member is called “${username}”. Imported authors have no profile.`,
      { status: 404 },
    );
  }
  const comments = await listProfileComments({ userId: profile.id, page });
  return { profile: publicProfile(profile), comments };
}

export default function ProfilePage() {
  const { profile, comments } = useLoaderData<typeof loader>();
  const base = `/users/${encodeURIComponent(profile.username)}`;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="break-all font-serif text-3xl font-semibold tracking-tight sm:text-4xl">{profile.username}</h1>
          <RoleBadge role={profile.role} size="md" />
        </div>
        <p className="text-stone-600 dark:text-stone-300">
          Joined <Time date={profile.createdAt} />
        </p>
        {profile.suspendedAt ? (
          <Notice tone="warning" compact role="note">
            This account is suspended since{" "}
            <Time date={profile.suspendedAt} />.
          </Notice>
        ) : null}
      </header>

      <section aria-labelledby="comments-title" className="space-y-3">
        <h2 id="comments-title" className="font-serif text-2xl font-semibold">
          Comments <span className="text-base font-normal text-stone-500 dark:text-stone-400">({comments.total})</span>
        </h2>
        {comments.total === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">{profile.username} has not commented yet.</p>
        ) : (
          <Card as="ol" divided>
            {comments.comments.map((comment) => (
              <li key={comment.id} className="px-4 py-4 sm:px-5">
                <p className="text-sm text-stone-500 dark:text-stone-400">
                  On{" "}
                  <Link to={commentPermalink(comment.episode.slug, comment.anchor)} className="font-medium">
                    {comment.episode.title}
                  </Link>{" "}
                  ·{" "}
                  <Time date={comment.postedAt} />
                </p>
                <div
                  className="comment-markdown mt-1 max-w-[70ch] break-words text-stone-800 dark:text-stone-200"
                  // Rendered from the comment's Markdown and sanitized on the server (utils/markdown.server.ts).
                  dangerouslySetInnerHTML={{ __html: comment.excerptHtml }}
                />
              </li>
            ))}
          </Card>
        )}
        {comments.pageCount > 1 ? (
          <nav aria-label="Pages" className="flex justify-between text-sm">
            {comments.page > 1 ? (
              <Link to={comments.page === 2 ? base : `${base}?page=${comments.page - 1}`}>← Newer</Link>
            ) : (
              <span />
            )}
            <span className="text-stone-500 dark:text-stone-400">
              Page {comments.page} of {comments.pageCount}
            </span>
            {comments.page < comments.pageCount ? <Link to={`${base}?page=${comments.page + 1}`}>Older →</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
