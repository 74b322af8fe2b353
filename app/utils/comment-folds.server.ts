// A comment written here (Markdown, rendered and sanitized) folded like an imported one (components/episode/blocks.tsx):
// a long comment's start and the rest, cut between top-level elements; a long quotation right after a
// paragraph holding a link (its citation) folded under it. The text and its order are untouched, so the
// two parts' text together is the comment's canonical text; the fold controls add none (data-ui-text, aria-label).
import render from "dom-serializer";
import { Element, Text, type AnyNode } from "domhandler";
import { textContent } from "domutils";
import { parseDocument } from "htmlparser2";

export const LONG_COMMENT_CHARACTERS = 2_000;
const PREVIEW_CHARACTERS = 400;
const QUOTED_ARTICLE_WORDS = 120;
const OUTPUT = { encodeEntities: "utf8" } as const;

const SUMMARY_CLASS =
  "inline-flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded px-1 font-sans text-sm font-semibold text-accent-700 select-none hover:underline dark:text-accent-300 [&::-webkit-details-marker]:hidden";

export type FoldedHtml = { html: string; more: { html: string; words: number } | null };

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const isElement = (node: AnyNode | undefined, name: string): node is Element => node instanceof Element && node.name === name;

function previousElement(nodes: readonly AnyNode[], index: number) {
  for (let at = index - 1; at >= 0; at -= 1) if (nodes[at] instanceof Element) return nodes[at] as Element;
  return undefined;
}

function foldQuotation(quote: Element): Element {
  const count = words(textContent(quote)).toLocaleString("en");
  const label = (state: "show" | "hide", hidden: string) =>
    new Element("span", { "data-ui-text": `Quoted article (${count} words) — ${state}`, class: hidden }, []);
  const summary = new Element("summary", { class: SUMMARY_CLASS, "aria-label": `Quoted article (${count} words)` }, [label("show", "group-open/article:hidden"), label("hide", "hidden group-open/article:inline")]);
  return new Element("details", { "data-quoted-article": "", class: "group/article" }, [summary, quote]);
}

export function foldCommentHtml(html: string): FoldedHtml {
  const nodes = [...parseDocument(html).children];
  const folded = nodes.map((node, index) => {
    if (!isElement(node, "blockquote") || words(textContent(node)) < QUOTED_ARTICLE_WORDS) return node;
    const before = previousElement(nodes, index);
    const cites = isElement(before, "p") && before.children.some((child) => isElement(child, "a"));
    return cites ? foldQuotation(node) : node;
  });
  const total = folded.reduce((length, node) => length + textContent(node).length, 0);
  if (total <= LONG_COMMENT_CHARACTERS) return { html: render(folded, OUTPUT), more: null };
  let shown = 0;
  for (let index = 0; index < folded.length; index += 1) {
    const node = folded[index]!;
    if (node instanceof Text) continue;
    shown += textContent(node).length;
    if (shown < PREVIEW_CHARACTERS) continue;
    const rest = folded.slice(index + 1);
    // Folding a last few words saves nothing: then the comment shows whole.
    if (rest.reduce((length, later) => length + textContent(later).length, 0) < PREVIEW_CHARACTERS) break;
    return { html: render(folded.slice(0, index + 1), OUTPUT), more: { html: render(rest, OUTPUT), words: words(rest.map((later) => textContent(later)).join(" ")) } };
  }
  return { html: render(folded, OUTPUT), more: null };
}
