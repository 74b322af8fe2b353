import { describe, expect, it } from "vitest";
import { CommentActionSchema, COMMENT_MAX_LENGTH } from "./comment";

describe("comment forms", () => {
  it("accepts a comment and a reply, trimming the text and normalising line ends", () => {
    expect(CommentActionSchema.parse({ intent: "post-comment", body: "  Hello\r\nworld  ", parentId: "" })).toEqual({
      intent: "post-comment",
      body: "Hello\nworld",
      parentId: null,
    });
    expect(CommentActionSchema.parse({ intent: "post-comment", body: "Reply", parentId: "12" })).toMatchObject({ parentId: 12 });
  });

  it("refuses an empty or too long comment with a readable message", () => {
    const empty = CommentActionSchema.safeParse({ intent: "post-comment", body: "   " });
    expect(empty.success ? null : empty.error.issues[0]?.message).toBe("Write your comment first.");
    const long = CommentActionSchema.safeParse({ intent: "post-comment", body: "x".repeat(COMMENT_MAX_LENGTH + 1) });
    expect(long.success ? null : long.error.issues[0]?.message).toBe("A comment has at most 20,000 characters.");
  });

  it("refuses a filled honeypot and a malformed comment id", () => {
    expect(CommentActionSchema.safeParse({ intent: "post-comment", body: "Hi", website: "spam.example" }).success).toBe(false);
    expect(CommentActionSchema.safeParse({ intent: "delete-comment", commentId: "abc" }).success).toBe(false);
    expect(CommentActionSchema.safeParse({ intent: "delete-comment", commentId: "-4" }).success).toBe(false);
  });
});
