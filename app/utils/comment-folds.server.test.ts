import { describe, expect, it } from "vitest";
import { htmlTextContent } from "./canonical-text.server";
import { foldCommentHtml } from "./comment-folds.server";
import { renderMarkdown } from "./markdown.server";

const paragraph = (n: number) => `Paragraph ${n} ${"word ".repeat(60).trim()}.`;

describe("foldCommentHtml", () => {
  it("leaves a short comment whole", () => {
    const html = renderMarkdown("A short remark with a [link](https://example.com).");
    expect(foldCommentHtml(html)).toEqual({ html, more: null });
  });

  it("shows the start of a long comment and folds the rest, the text unchanged and in order", () => {
    const html = renderMarkdown(Array.from({ length: 12 }, (_, n) => paragraph(n + 1)).join("\n\n"));
    const { html: start, more } = foldCommentHtml(html);
    expect(more).not.toBeNull();
    expect(htmlTextContent(start)).toContain("Paragraph 1 ");
    expect(htmlTextContent(start)).not.toContain("Paragraph 12 ");
    expect(more!.html).toContain("Paragraph 12 ");
    expect(more!.words).toBeGreaterThan(500);
    expect(htmlTextContent(start) + htmlTextContent(more!.html)).toBe(htmlTextContent(html));
  });

  it("folds a long quotation pasted after its link under a “Quoted article” control that adds no text", () => {
    const article = Array.from({ length: 3 }, (_, n) => `> ${paragraph(n + 1)}`).join("\n>\n");
    const html = renderMarkdown(`Worth reading: [the article](https://example.com/a)\n\n${article}\n\nMy take.`);
    const { html: folded } = foldCommentHtml(html);
    expect(folded).toMatch(/<details data-quoted-article class="group\/article"><summary[^>]*><span data-ui-text="Quoted article \(\d+ words\) — show"/);
    expect(htmlTextContent(folded)).toBe(htmlTextContent(html));
    // A quotation without a citation before it stays as it is.
    const bare = renderMarkdown(`${article}\n\nMy take.`);
    expect(foldCommentHtml(bare).html).not.toContain("data-quoted-article");
  });
});
