import { z } from "zod";
import { freeText, idSchema } from "~/utils/input";

export const COMMENT_MAX_LENGTH = 20_000;

/** Line breaks as LF, control characters other than TAB and LF dropped (docs/api.md), trimmed. */
export const CommentBodySchema = freeText(
  z
    .string({ error: "Write your comment first." })
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "Write your comment first.")
        .max(COMMENT_MAX_LENGTH, `A comment has at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters.`),
    ),
);

const CommentIdSchema = idSchema("That comment does not exist.");

/** Hidden from people, filled in by bots: a filled honeypot means the form was not sent by a person. */
const HoneypotSchema = z.string().max(0, "Your comment could not be posted.").optional();

export const PostCommentSchema = z.object({
  intent: z.literal("post-comment"),
  body: CommentBodySchema,
  parentId: z
    .union([z.literal(""), CommentIdSchema])
    .optional()
    .transform((value) => (value === "" || value === undefined ? null : value)),
  website: HoneypotSchema,
});

export const EditCommentSchema = z.object({
  intent: z.literal("edit-comment"),
  commentId: CommentIdSchema,
  body: CommentBodySchema,
});

export const DeleteCommentSchema = z.object({
  intent: z.literal("delete-comment"),
  commentId: CommentIdSchema,
});

export const CommentActionSchema = z.discriminatedUnion("intent", [PostCommentSchema, EditCommentSchema, DeleteCommentSchema]);

export type CommentAction = z.infer<typeof CommentActionSchema>;
