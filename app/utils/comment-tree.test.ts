import { describe, expect, it } from "vitest";
import { buildCommentTree, type CommentNode, type TreeComment } from "./comment-tree";

let minute = 0;
function comment(ordinal: number, parentOrdinal: number | null = null, { at, author }: { at?: number; author?: string } = {}): TreeComment {
  return {
    id: ordinal * 10,
    parentId: parentOrdinal === null ? null : parentOrdinal * 10,
    ordinal,
    anchor: String(ordinal),
    postedAt: new Date(Date.UTC(2024, 2, 22, 12, at ?? ++minute)),
    authorName: author ?? `author${ordinal}`,
  };
}

/** "1(2(3))" style outline of a tree, to compare shapes at a glance. */
function outline(nodes: CommentNode<TreeComment>[]): string {
  return nodes.map((node) => `${node.comment.ordinal}${node.replies.length ? `(${outline(node.replies)})` : ""}`).join(" ");
}

describe("buildCommentTree", () => {
  it("nests replies under their parents, as on the program page (2 under 1, 3 under 2)", () => {
    minute = 0;
    const comments = [comment(1), comment(2, 1), comment(3, 2), comment(4), comment(5)];
    const tree = buildCommentTree(comments);
    expect(outline(tree)).toBe("1(2(3)) 4 5");
    expect(tree[0]!.replyCount).toBe(2);
    expect(tree[0]!.replies[0]!.replyCount).toBe(1);
    expect(tree[0]!.replies[0]!.replies[0]!.depth).toBe(2);
  });

  it("orders threads newest first on request while replies stay in the order they were posted", () => {
    minute = 0;
    const comments = [comment(1), comment(2, 1), comment(3), comment(4, 1), comment(5, 3), comment(6)];
    expect(outline(buildCommentTree(comments, { sort: "oldest" }))).toBe("1(2 4) 3(5) 6");
    expect(outline(buildCommentTree(comments, { sort: "newest" }))).toBe("6 3(5) 1(2 4)");
  });

  it("sorts by posting time whatever order the comments arrive in, and by number within the same minute", () => {
    const comments = [comment(3, null, { at: 5 }), comment(1, null, { at: 1 }), comment(2, null, { at: 5 })];
    expect(outline(buildCommentTree(comments))).toBe("1 2 3");
    expect(outline(buildCommentTree(comments, { sort: "newest" }))).toBe("3 2 1");
  });

  it("keeps replies deeper than the cap at the cap, after what they answer, saying whom they reply to", () => {
    minute = 0;
    // A chain 1 → 2 → … → 8, and a second reply to 5 posted last.
    const comments = [comment(1), ...[2, 3, 4, 5, 6, 7, 8].map((n) => comment(n, n - 1, { author: `name${n}` })), comment(9, 5)];
    const tree = buildCommentTree(comments, { maxDepth: 4 });
    expect(outline(tree)).toBe("1(2(3(4(5 6 7 8 9))))");
    const capped = tree[0]!.replies[0]!.replies[0]!.replies[0]!;
    expect(capped.comment.ordinal).toBe(4);
    expect(capped.replyCount).toBe(5);
    expect(capped.replies.map((node) => node.depth)).toEqual([4, 4, 4, 4, 4]);
    // 5 replies to 4, its visual parent: nothing to say. The others sit under 4 but answer someone else.
    expect(capped.replies.map((node) => node.replyingTo?.anchor ?? null)).toEqual([null, "5", "6", "7", "5"]);
    expect(capped.replies[1]!.replyingTo).toEqual({ anchor: "5", authorName: "name5" });
    expect(tree[0]!.replyCount).toBe(8);
  });

  it("caps at any depth it is given", () => {
    minute = 0;
    const comments = [comment(1), comment(2, 1), comment(3, 2)];
    expect(outline(buildCommentTree(comments, { maxDepth: 1 }))).toBe("1(2 3)");
    expect(buildCommentTree(comments, { maxDepth: 1 })[0]!.replies.map((node) => node.replyingTo?.anchor ?? null)).toEqual([null, "2"]);
  });

  it("shows a reply whose parent is not on the page as a thread of its own", () => {
    minute = 0;
    const tree = buildCommentTree([comment(1), comment(7, 6)]);
    expect(outline(tree)).toBe("1 7");
  });

  it("never loses a comment, even one caught in a parent cycle", () => {
    minute = 0;
    const a = { ...comment(1), parentId: 20 };
    const b = { ...comment(2), parentId: 10 };
    const tree = buildCommentTree([a, b, comment(3)]);
    const ordinals = (nodes: CommentNode<TreeComment>[]): number[] => nodes.flatMap((node) => [node.comment.ordinal, ...ordinals(node.replies)]);
    expect(ordinals(tree).sort()).toEqual([1, 2, 3]);
  });

  it("returns nothing for no comments", () => {
    expect(buildCommentTree([])).toEqual([]);
  });
});
