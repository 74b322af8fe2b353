import { describe, expect, it } from "vitest";
import { parseComments, readCommentCount, readPostedBy } from "./comments";
import { createContext } from "./context";
import { normalizeDocument } from "./normalize";

function comments(text: string) {
  const context = createContext("America/Los_Angeles");
  return { comments: parseComments(normalizeDocument(text), context), context };
}

function thread(...bodies: [author: string, body: string][]): string {
  return bodies
    .map(([author, body], index) => `  ${index + 1}. ${body}\n\n    Posted by ${author} | March 22, 2024, 5:57 pm`)
    .join("\n");
}

describe("comment lines", () => {
  it("reads the byline and the declared count", () => {
    expect(readPostedBy("Posted by Dave Emory | March 22, 2024, 6:35 pm")).toEqual({
      authorName: "Dave Emory",
      postedAtText: "March 22, 2024, 6:35 pm",
    });
    expect(readCommentCount("9 comments for “FTR #863 …”")).toBe(9);
    expect(readCommentCount("One comment for “X”")).toBe(1);
    expect(readCommentCount("Comments for X")).toBeNull();
  });
});

describe("parseComments", () => {
  it("reads ordinals, authors and zoned times", () => {
    const { comments: parsed } = comments(thread(["Pterrafractyl", "First."], ["Dave Emory", "Second."]));
    expect(parsed.map((comment) => [comment.ordinal, comment.authorName, comment.postedAt])).toEqual([
      [1, "Pterrafractyl", "2024-03-22T17:57:00-07:00"],
      [2, "Dave Emory", "2024-03-22T17:57:00-07:00"],
    ]);
  });

  it("links “@Name” replies to that person's latest earlier comment, by prefix and case-insensitively", () => {
    const { comments: parsed } = comments(
      thread(
        ["Pterrafractyl", "First."],
        ["Dave Emory", "@Pterrafractyl– Excellent."],
        ["Pterrafractyl", "@dave: thanks."],
        ["Pterrafractyl", "Unrelated."],
        ["Dave Emory", "@Pterrafractyl, more."],
        ["Someone", "@Nobody hello"],
        ["Someone Else", "@Dave Emory — yes"],
      ),
    );
    expect(parsed.map((comment) => comment.parentOrdinal)).toEqual([null, 1, 2, null, 4, null, 5]);
  });

  it("collects bare URLs and turns a URL line into a web source citation", () => {
    const { comments: parsed, context } = comments(
      "  1. See https://example.com/a, then:\n\n    https://spitfirelist.com/news/x/\n\n    Posted by A | March 22, 2024, 5:57 pm",
    );
    expect(parsed[0]?.urls).toEqual(["https://example.com/a", "https://spitfirelist.com/news/x/"]);
    expect(parsed[0]?.blocks.map((block) => block.type)).toEqual(["paragraph", "citation"]);
    expect(context.registry.sources[0]).toMatchObject({ kind: "web", url: "https://spitfirelist.com/news/x/" });
  });

  it("reads a pasted article, its rule and citation, then tells excerpts from commentary", () => {
    const text = [
      "  1. Here is the story.",
      "",
      "    CNN",
      "",
      "    Something happened in Moscow",
      "",
      "    By Ann Writer, CNN",
      "    Updated 7:13 PM EDT, Fri March 22, 2024",
      "",
      "    The first paragraph of the article says something long enough to match.",
      "",
      "    ...",
      "",
      "    ———-",
      "",
      "    “Something happened in Moscow” by Ann Writer; CNN; 03/22/2024",
      "",
      "    The first paragraph of the article says something long enough to match.",
      "",
      "    My own commentary about it.",
      "",
      "    Posted by Pterrafractyl | March 22, 2024, 5:57 pm",
    ].join("\n");
    const { comments: parsed, context } = comments(text);
    expect(parsed[0]?.blocks.map((block) => block.type)).toEqual([
      "paragraph",
      "quote",
      "quote",
      "quote",
      "quote",
      "quote",
      "rule",
      "citation",
      "quote",
      "paragraph",
    ]);
    expect(context.registry.sources[0]).toMatchObject({ title: "Something happened in Moscow", outlet: "CNN" });
  });

  it("accepts a citation after a rule even without semicolons", () => {
    const { comments: parsed, context } = comments(
      "  1. Text.\n\n    ———–\n\n    “Headline here” by Jo Reporter, March 22, 2024\n\n    Posted by A | March 22, 2024, 5:57 pm",
    );
    expect(parsed[0]?.blocks.map((block) => block.type)).toEqual(["paragraph", "rule", "citation"]);
    expect(context.registry.sources[0]).toMatchObject({ authors: ["Jo Reporter"], date: "2024-03-22" });
  });

  it("keeps a comment cut off before its byline, marked incomplete, with a warning", () => {
    const { comments: parsed, context } = comments("  1. Done.\n    Posted by A | March 22, 2024, 5:57 pm\n  2. Cut off mid-sen");
    expect(parsed).toHaveLength(2);
    expect(parsed[1]).toMatchObject({ ordinal: 2, authorName: "", postedAt: "", incomplete: true });
    expect(context.warnings.some((warning) => warning.line === 3 && /Posted by/.test(warning.message))).toBe(true);
  });

  it("warns about an unreadable time but keeps the comment", () => {
    const { comments: parsed, context } = comments("  1. Hi.\n    Posted by A | sometime");
    expect(parsed[0]).toMatchObject({ authorName: "A", postedAtText: "sometime", postedAt: "" });
    expect(context.warnings.map((warning) => warning.line)).toEqual([2]);
  });
});
