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

/**
 * The opening of a comment for a list (a profile): whole paragraphs up to about `max` characters of
 * source, or the first paragraph cut at a word, then rendered and sanitized like the comment itself.
 * Imported comments are plain text, so their markup characters stay characters.
 */
export function renderExcerpt({ format, body }: { format: "markdown" | "imported"; body: string }, max = 400) {
  const paragraphs = body.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  const kept: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    if (kept.length > 0 && length + paragraph.length > max) break;
    kept.push(paragraph);
    length += paragraph.length;
  }
  let source = kept.join("\n\n");
  const cut = kept.length < paragraphs.length || source.length > max;
  if (source.length > max) source = source.slice(0, source.lastIndexOf(" ", max) > max / 2 ? source.lastIndexOf(" ", max) : max).trimEnd();
  if (cut) source += " …";
  if (format === "imported") return sanitizeHtml(source.split("\n\n").map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n"), ALLOWED);
  return renderMarkdown(source);
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
