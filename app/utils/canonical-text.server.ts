// The canonical plain text of a comment — what claim selectors count characters in — and the inline
// marking of claims in a comment's rendered HTML. For Markdown comments the canonical text is exactly
// what a browser's `element.textContent` gives for the rendered HTML, so that a reader's selection and
// the server measure the same characters.
import render from "dom-serializer";
import { Element, Text, type AnyNode, type ParentNode } from "domhandler";
import { textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { renderMarkdown } from "~/utils/markdown.server";

export type CommentTextSource = { format: "imported" | "markdown"; body: string };

/** Imported comments store their canonical text as the body; Markdown comments read as their rendered text. */
export function commentCanonicalText({ format, body }: CommentTextSource): string {
  return format === "imported" ? body : htmlTextContent(renderMarkdown(body));
}

/** The text content of an HTML fragment, entities decoded, comments left out (as `element.textContent`). */
export function htmlTextContent(html: string): string {
  return textContent(parseDocument(html));
}

export type HighlightRange = { start: number; end: number; claimId: number; state: string };

// Text directly inside these (or at the top level) is only the line breaks between blocks: a <mark>
// there would be misplaced markup, so a range covering those breaks skips them.
const BLOCK_CONTAINERS = new Set(["ul", "ol", "blockquote"]);

/**
 * `html` (already sanitized) with each range of its text content wrapped in
 * `<mark data-claim-id="…" data-state="…">`. A range that crosses element boundaries becomes one mark
 * per text node it covers; overlapping ranges nest (the earlier-starting range outside). The text
 * content is unchanged, and text is re-escaped on output.
 */
export function highlightHtml(html: string, ranges: readonly HighlightRange[]): string {
  const marks = ranges
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.claimId - b.claimId);
  if (marks.length === 0) return html;

  const document = parseDocument(html);
  const texts: { node: Text; start: number }[] = [];
  let offset = 0;
  const collect = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node instanceof Text) {
        texts.push({ node, start: offset });
        offset += node.data.length;
      } else if (node instanceof Element) {
        collect(node.children);
      }
    }
  };
  collect(document.children);

  for (const { node, start } of texts) {
    const end = start + node.data.length;
    const covering = marks.filter((range) => range.start < end && range.end > start);
    if (covering.length === 0) continue;
    const parent = node.parent as ParentNode | null;
    if (!parent) continue;
    const parentName = parent instanceof Element ? parent.name : null;
    if (node.data.trim() === "" && (parentName === null || BLOCK_CONTAINERS.has(parentName))) continue;

    const cuts = new Set([start, end]);
    for (const range of covering) {
      if (range.start > start) cuts.add(range.start);
      if (range.end < end) cuts.add(range.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: AnyNode[] = [];
    for (let index = 0; index < points.length - 1; index += 1) {
      const from = points[index]!;
      const to = points[index + 1]!;
      let piece: AnyNode = new Text(node.data.slice(from - start, to - start));
      const inside = covering.filter((range) => range.start <= from && range.end >= to);
      for (const range of [...inside].reverse()) {
        const mark: Element = new Element("mark", { "data-claim-id": String(range.claimId), "data-state": range.state }, [piece]);
        piece.parent = mark;
        piece = mark;
      }
      pieces.push(piece);
    }
    replaceWith(parent, node, pieces);
  }

  return render(document, { encodeEntities: "utf8" });
}

function replaceWith(parent: ParentNode, node: AnyNode, replacements: AnyNode[]) {
  const index = parent.children.indexOf(node as ParentNode["children"][number]);
  parent.children.splice(index, 1, ...(replacements as ParentNode["children"]));
  parent.children.forEach((child, position) => {
    child.parent = parent;
    child.prev = parent.children[position - 1] ?? null;
    child.next = parent.children[position + 1] ?? null;
  });
}
