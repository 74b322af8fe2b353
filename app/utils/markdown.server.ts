// Comment text: a safe Markdown subset rendered by markdown-it with raw HTML disabled, then
// sanitized to an allowlist. Whatever a member types, no script, style or event handler survives.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const markdown = new MarkdownIt("zero", { html: false, linkify: true, breaks: false, typographer: false }).enable([
  "paragraph",
  "newline",
  "emphasis",
  "link",
  "linkify",
  "blockquote",
  "list",
  "backticks",
  "code",
  "fence",
  "escape",
  "entity",
  "autolink",
]);

const ALLOWED = {
  allowedTags: ["p", "br", "em", "strong", "a", "blockquote", "ul", "ol", "li", "code", "pre"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName: string, attribs: Record<string, string>) => ({
      tagName,
      attribs: { ...attribs, rel: "nofollow ugc noopener" },
    }),
  },
} satisfies sanitizeHtml.IOptions;

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}
