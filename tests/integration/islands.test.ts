// Issue 15, "one copy of the content" (ADR 0038): an episode's sections and comment texts are static
// islands, in a document's HTML once and never again in its hydration data; the data of a client-side
// visit (`.data`) brings them along, since that visit has no HTML to read them from.
import { describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { signedIn } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";
import { testApp } from "../http";

/** A sentence of section 5 and one of comment 4 of FTR #863. */
const SECTION_TEXT = "Traditionally allied with popular China";
const COMMENT_TEXT = "Was it an ISIS attack?";

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("an episode page's content, sent once", () => {
  it("is in a document's HTML once and not in its hydration data, for an anonymous reader and a member alike", async () => {
    const app = await testApp();
    const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const { cookie } = await signedIn("member");
    for (const reader of [undefined, cookie]) {
      const response = await app.get(`/episodes/${episode.slug}`, { cookie: reader });
      expect(response.status).toBe(200);
      const html = await response.text();
      const scripts = [...html.matchAll(SCRIPT)].map((match) => match[0]).join("");
      expect(occurrences(html, SECTION_TEXT)).toBe(1);
      expect(occurrences(html, COMMENT_TEXT)).toBe(1);
      expect(scripts).not.toContain(SECTION_TEXT);
      expect(scripts).not.toContain(COMMENT_TEXT);
      // 21 sections and 9 comments, each an island the data names by its key.
      const keys = [...html.matchAll(/data-island="([^"]+)"/g)].map((match) => match[1]!);
      expect(keys).toHaveLength(30);
      for (const key of keys) expect(scripts).toContain(key);
      // The measure: the page at most 1.3× itself without its hydration data.
      expect(Buffer.byteLength(html)).toBeLessThanOrEqual(1.3 * Buffer.byteLength(html.replace(SCRIPT, "")));
    }
  });

  it("comes with the data of a client-side visit, which has no document to read it from", async () => {
    const app = await testApp();
    const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const response = await app.get(`/episodes/${episode.slug}.data`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain(SECTION_TEXT);
    expect(body).toContain(COMMENT_TEXT);
  });
});
