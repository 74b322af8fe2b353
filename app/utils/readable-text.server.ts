// The readable text of a fetched page, as a reader sees it: the article Mozilla's Readability finds (the
// algorithm of Firefox's reader view, on linkedom's DOM, which runs no script and loads nothing), or the
// whole body when it finds none; a plain-text page as it is. Paragraphs are kept as blank lines.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export type ReadableText = { title: string | null; text: string };

/** Spaces and tabs as one space, lines trimmed, blank lines between paragraphs as one. */
export function tidyText(text: string) {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function readableText(body: string, format: "html" | "text"): ReadableText {
  if (format === "text") return { title: null, text: tidyText(body) };
  const { document } = parseHTML(/<html[\s>]/i.test(body) ? body : `<!doctype html><html><head></head><body>${body}</body></html>`);
  const pageTitle = document.title?.trim() || null;
  for (const element of document.querySelectorAll("script, style, noscript, template")) element.remove();
  const fallback = blockText(document.body);
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document).parse();
  } catch {
    article = null;
  }
  const articleText = article?.content ? blockText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body) : "";
  // Readability keeps the article and drops navigation; a page it cannot read is kept whole.
  const text = articleText.length >= 200 || articleText.length >= fallback.length / 2 ? articleText : fallback;
  return { title: article?.title?.trim() || pageTitle, text };
}

const BLOCKS = "p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr, br, section, article, header, footer, figcaption, dd, dt";

/** An element's text with a line break after each block, so paragraphs stay paragraphs. */
function blockText(element: { querySelectorAll(selector: string): Iterable<{ after(...nodes: string[]): void }>; textContent: string | null } | null) {
  if (!element) return "";
  for (const block of element.querySelectorAll(BLOCKS)) block.after("\n\n");
  return tidyText(element.textContent ?? "");
}
