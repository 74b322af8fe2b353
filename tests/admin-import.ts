// The admin import over HTTP, as an admin's browser does it: upload → preview page → the hidden fields of
// its confirmation form posted back (the preview is kept on the server; the form names it by id).
import { expect } from "vitest";
import type { TestApp } from "./http";

/** The page's text as a reader sees it: React's text separators and HTML entities undone. */
export function decodeEntities(text: string) {
  return text
    .replace(/<!-- -->/g, "").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The hidden fields of the preview page's confirmation form (the one whose intent is "import"). */
export function confirmationFields(html: string) {
  const form = html.match(/<form[^>]*>(?:(?!<\/form>)[\s\S])*?name="intent" value="import"[\s\S]*?<\/form>/)?.[0];
  if (!form) throw new Error("the preview page has no confirmation form");
  const fields = new FormData();
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = input[0].match(/name="([^"]*)"/)?.[1];
    const value = input[0].match(/value="([^"]*)"/)?.[1];
    if (name !== undefined && value !== undefined) fields.append(decodeEntities(name), decodeEntities(value));
  }
  return fields;
}

export async function preview(app: TestApp, cookie: string, files: { name: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("timeZone", "America/Los_Angeles");
  for (const file of files) form.append("files", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: "text/plain" }));
  const response = await app.post("/admin/import", form, { cookie });
  expect(response.status).toBe(200);
  return decodeEntities(await response.text());
}

export async function previewAndConfirm(app: TestApp, cookie: string, files: { name: string; bytes: Uint8Array }[]) {
  const html = await preview(app, cookie, files);
  const confirmed = await app.post("/admin/import", confirmationFields(html), { cookie });
  return { html, status: confirmed.status, text: decodeEntities(await confirmed.text()) };
}

