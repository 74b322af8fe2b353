import { describe, expect, it } from "vitest";
import { commentCanonicalText, highlightHtml, htmlTextContent } from "./canonical-text.server";
import { renderMarkdown } from "./markdown.server";

/** The marked texts of `html`, in order, with their claim ids. */
function marked(html: string) {
  return [...html.matchAll(/<mark data-claim-id="(\d+)" data-state="(\w+)">([^<]*)<\/mark>/g)].map(([, id, state, text]) => ({
    id: Number(id),
    state,
    text: htmlTextContent(text!),
  }));
}

describe("commentCanonicalText", () => {
  it("is the body of an imported comment, as stored", () => {
    const body = "First paragraph with *stars* & <angle brackets>.\n\nSecond paragraph.";
    expect(commentCanonicalText({ format: "imported", body })).toBe(body);
  });

  it("is the text a browser shows of a Markdown comment: no markup, entities decoded", () => {
    const body = "Hello *world* & <b>friends</b>\n\nSee [the report](https://example.org/r) &amp; `code`.";
    expect(commentCanonicalText({ format: "markdown", body })).toBe("Hello world & <b>friends</b>\nSee the report & code.\n");
  });

  it("keeps the line breaks between list items and quotes, as textContent does", () => {
    const text = commentCanonicalText({ format: "markdown", body: "> quoted\n\n- one\n- two" });
    expect(text).toBe("\nquoted\n\n\none\ntwo\n\n");
    expect(text).toBe(htmlTextContent(renderMarkdown("> quoted\n\n- one\n- two")));
  });

  it("keeps a refused javascript: link as the text the reader sees", () => {
    expect(commentCanonicalText({ format: "markdown", body: "[x](javascript:alert(1)) safe" })).toBe("[x](javascript:alert(1)) safe\n");
  });
});

describe("highlightHtml", () => {
  const html = renderMarkdown("Hello *world* & <b>friends</b>\n\nSecond [link text](https://example.org/) here.");
  const text = htmlTextContent(html);

  it("wraps a range inside one text node", () => {
    const start = text.indexOf("Hello");
    const out = highlightHtml(html, [{ start, end: start + 5, claimId: 7, state: "open" }]);
    expect(out).toContain('<p><mark data-claim-id="7" data-state="open">Hello</mark> <em>world</em>');
    expect(htmlTextContent(out)).toBe(text);
  });

  it("splits a range that crosses element boundaries into one mark per text node", () => {
    const start = text.indexOf("lo world &");
    const end = start + "lo world & <b>".length;
    const out = highlightHtml(html, [{ start, end, claimId: 3, state: "source_proposed" }]);
    expect(marked(out).map((mark) => mark.text)).toEqual(["lo ", "world", " & <b>"]);
    expect(marked(out).every((mark) => mark.id === 3 && mark.state === "source_proposed")).toBe(true);
    expect(htmlTextContent(out)).toBe(text);
    // Text is escaped again: the member's "<b>" never becomes an element.
    expect(out).toContain("&lt;b&gt;");
    expect(out).not.toContain("<b>");
  });

  it("spans paragraphs without putting a mark between them", () => {
    const start = text.indexOf("friends");
    const end = text.indexOf("Second") + "Second".length;
    const out = highlightHtml(html, [{ start, end, claimId: 1, state: "open" }]);
    expect(out).toContain("</p>\n<p>");
    expect(marked(out).map((mark) => mark.text)).toEqual(["friends</b>", "Second"]);
  });

  it("marks text inside a link and keeps the link", () => {
    const start = text.indexOf("link text");
    const out = highlightHtml(html, [{ start, end: start + 4, claimId: 9, state: "sourced" }]);
    expect(out).toContain('<a href="https://example.org/" rel="nofollow ugc noopener"><mark data-claim-id="9" data-state="sourced">link</mark> text</a>');
  });

  it("nests overlapping ranges, the earlier one outside", () => {
    const start = text.indexOf("Second");
    const out = highlightHtml(html, [
      { start: start + 3, end: start + 10, claimId: 2, state: "open" },
      { start, end: start + 6, claimId: 1, state: "unsourced" },
    ]);
    expect(out).toContain(
      '<mark data-claim-id="1" data-state="unsourced">Sec</mark>' +
        '<mark data-claim-id="1" data-state="unsourced"><mark data-claim-id="2" data-state="open">ond</mark></mark>' +
        '<mark data-claim-id="2" data-state="open"> </mark><a',
    );
    expect(htmlTextContent(out)).toBe(text);
  });

  it("returns the HTML untouched without ranges, and ignores empty ones", () => {
    expect(highlightHtml(html, [])).toBe(html);
    expect(highlightHtml(html, [{ start: 4, end: 4, claimId: 1, state: "open" }])).toBe(html);
  });

  it("keeps non-ASCII characters and entities as they read", () => {
    const source = renderMarkdown("It’s “quoted” — 5 < 6 & 7 > 3");
    const plain = htmlTextContent(source);
    const start = plain.indexOf("“quoted”");
    const out = highlightHtml(source, [{ start, end: start + 8, claimId: 4, state: "open" }]);
    expect(out).toContain('It’s <mark data-claim-id="4" data-state="open">“quoted”</mark> — 5 &lt; 6 &amp; 7 &gt; 3');
    expect(htmlTextContent(out)).toBe(plain);
  });
});
