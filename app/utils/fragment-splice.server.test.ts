import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { fragmentMark, spliceFragments } from "./fragment-splice.server";

const kept = new Map([
  ["article", Buffer.from("<p>“Quoted” — the article’s HTML</p>", "utf8")],
  ["discussion", Buffer.from("<ol><li>a comment</li></ol>", "utf8")],
]);

const document = `<html><body><div data-fragment="article">${fragmentMark("article")}</div><p>between</p><div data-fragment="discussion">${fragmentMark("discussion")}</div></body></html>`;
const expected = `<html><body><div data-fragment="article"><p>“Quoted” — the article’s HTML</p></div><p>between</p><div data-fragment="discussion"><ol><li>a comment</li></ol></div></body></html>`;

async function spliced(chunks: Buffer[], fragments = kept) {
  return (await buffer(Readable.from(chunks).pipe(spliceFragments(fragments)))).toString("utf8");
}

/** The document cut into chunks at the given byte offsets. */
function cut(text: string, offsets: number[]) {
  const bytes = Buffer.from(text, "utf8");
  const bounds = [0, ...offsets, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i]!, end));
}

describe("spliceFragments", () => {
  it("puts each kept fragment's bytes where its mark is", async () => {
    expect(await spliced([Buffer.from(document)])).toBe(expected);
  });

  it("finds a mark cut across chunks, wherever the cut falls", async () => {
    const length = Buffer.byteLength(document);
    for (let offset = 1; offset < length; offset++) {
      expect(await spliced(cut(document, [offset])), `cut at ${offset}`).toBe(expected);
    }
  });

  it("finds marks in a document written a few bytes at a time", async () => {
    const length = Buffer.byteLength(document);
    const offsets = Array.from({ length: Math.floor(length / 3) }, (_, i) => (i + 1) * 3).filter((offset) => offset < length);
    expect(await spliced(cut(document, offsets))).toBe(expected);
  });

  it("passes on a mark of a fragment it does not hold, and text that only looks like the start of a mark", async () => {
    const other = `<p>&lt;!--footnote-fragment: written by a reader</p>${fragmentMark("unknown")}<!-- a comment -->`;
    expect(await spliced([Buffer.from(other)])).toBe(other);
    expect(await spliced(cut(other, [5, 30, 60]))).toBe(other);
  });

  it("ends a document that ends with the first bytes of a mark with those bytes", async () => {
    const unfinished = `<p>text</p>${fragmentMark("article").slice(0, 12)}`;
    expect(await spliced([Buffer.from(unfinished)])).toBe(unfinished);
  });
});
