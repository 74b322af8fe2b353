import { describe, expect, it } from "vitest";
import { renderExcerpt, renderMarkdown } from "./markdown.server";

describe("comment Markdown", () => {
  it("renders the supported subset", () => {
    expect(renderMarkdown("Hello *there* and **bold**.\n\n> quoted\n\n- one\n- two\n\n`code`")).toBe(
      "<p>Hello <em>there</em> and <strong>bold</strong>.</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><code>code</code></p>\n",
    );
  });

  it("turns links and bare URLs into nofollow links", () => {
    expect(renderMarkdown("[report](https://example.org/a) and https://example.org/b")).toBe(
      '<p><a href="https://example.org/a" rel="nofollow ugc noopener">report</a> and <a href="https://example.org/b" rel="nofollow ugc noopener">https://example.org/b</a></p>\n',
    );
  });

  it("shows raw HTML as text: no tag, no event handler survives", () => {
    const html = renderMarkdown("<script>alert(1)</script><img src=x onerror=alert(1)>");
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>\n");
    expect(html).not.toMatch(/<script|<img/);
  });

  it("drops javascript: and data: links", () => {
    expect(renderMarkdown("[x](javascript:alert(1)) [y](data:text/html;base64,PHNjcmlwdD4=)")).not.toMatch(/href=/);
  });

  it("leaves headings, images and tables as plain text", () => {
    const html = renderMarkdown("# Title\n\n![alt](https://example.org/x.png)");
    expect(html).not.toMatch(/<h1|<img/);
  });
});

describe("a comment's excerpt on a profile", () => {
  it("renders the Markdown of the opening paragraphs, never the raw markup", () => {
    const html = renderExcerpt({ format: "markdown", body: "This is **important** and *new*.\n\nSee [the report](https://example.org/r)." });
    expect(html).toBe(
      '<p>This is <strong>important</strong> and <em>new</em>.</p>\n<p>See <a href="https://example.org/r" rel="nofollow ugc noopener">the report</a>.</p>\n',
    );
    expect(html).not.toContain("**");
  });

  it("keeps whole paragraphs while they fit, and says when the rest is left out", () => {
    const body = `${"First paragraph. ".repeat(10)}\n\n${"Second paragraph. ".repeat(30)}`;
    const html = renderExcerpt({ format: "markdown", body });
    expect(html).toContain("First paragraph.");
    expect(html).not.toContain("Second paragraph.");
    expect(html).toMatch(/ …<\/p>\n$/);
  });

  it("cuts one long paragraph at a word", () => {
    const html = renderExcerpt({ format: "markdown", body: "word ".repeat(200) });
    expect(html).toMatch(/^<p>(word ){70,}word …<\/p>\n$/);
  });

  it("shows an imported comment's text as text, and still no tag survives", () => {
    expect(renderExcerpt({ format: "imported", body: "2 * 3 * 4 and <b>bold</b>" })).toBe("<p>2 * 3 * 4 and &lt;b&gt;bold&lt;/b&gt;</p>");
    expect(renderExcerpt({ format: "markdown", body: "<script>alert(1)</script> **x**" })).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>x</strong></p>\n");
  });
});
