import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getCommentHistory } from "~/models/comment.server";
import { readerOf } from "~/models/presenters/reader";
import { getUser } from "~/utils/auth.server";
import { invariantResponse, parseParams } from "~/utils/http";
import { idParamSchema } from "~/utils/input";
import { renderMarkdown } from "~/utils/markdown.server";
import { Card } from "~/components/ui/card";
import { commentPermalink } from "~/utils/comment-anchor";
import { Time } from "~/components/ui/time";

const ParamsSchema = z.object({ id: idParamSchema("A comment is addressed by its number, such as /comments/12/history.") });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Versions of comment #${data.comment.anchor} — Footnote` : "Not found — Footnote" },
  { name: "robots", content: "noindex" },
];

/** Every version of an edited comment, newest first. Removed comments keep their history from non-moderators. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id } = parseParams(params, ParamsSchema);
  const comment = await getCommentHistory(id, readerOf(await getUser(request)));
  invariantResponse(comment, "That comment does not exist.", { status: 404 });
  invariantResponse(comment.readable, "This comment was removed; its versions are not shown.", { status: 404 });
  const versions = [
    { label: "Current version", at: comment.editedAt ?? comment.postedAt, html: renderMarkdown(comment.body) },
    ...comment.revisions.map((revision, index) => ({
      label: index === comment.revisions.length - 1 ? "Original" : `Version ${revision.revision}`,
      at: revision.createdAt,
      html: renderMarkdown(revision.body),
    })),
  ];
  return {
    comment: { anchor: comment.anchor, author: comment.authorName, episode: comment.episode },
    versions: versions.map((version) => ({ ...version, at: version.at.toISOString() })),
  };
}

export default function CommentHistoryPage() {
  const { comment, versions } = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <header>
        <p className="text-sm">
          <Link to={commentPermalink(comment.episode.slug, comment.anchor)}>← Back to the comment</Link>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-semibold tracking-tight">Versions of comment #{comment.anchor}</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          By {comment.author} on “{comment.episode.title}”. Earlier versions stay public so that replies keep their context.
        </p>
      </header>
      <ol className="space-y-4">
        {versions.map((version) => (
          <Card as="li" key={version.label}>
            <h2 className="text-sm font-semibold">
              {version.label} · <Time date={version.at} />
            </h2>
            <div className="comment-markdown mt-2" dangerouslySetInnerHTML={{ __html: version.html }} />
          </Card>
        ))}
      </ol>
    </article>
  );
}
