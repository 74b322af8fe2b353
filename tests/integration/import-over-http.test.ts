// Issue 11, items 4 (import part), 9 and 10 (preview outline) over HTTP, as an admin's browser does it:
// upload → preview page → the hidden fields of its confirmation form posted back.
import { describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../factories";
import { testApp } from "../http";
import { decodeEntities, preview, previewAndConfirm } from "../admin-import";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

function post(title: string, paragraphs: string[] = ["The text of this post, long enough to be read as a paragraph of its own."]) {
  return Buffer.from(`${title}\n\n${paragraphs.join("\n\n")}\n`);
}

describe("importing a large file from the web", () => {
  it("imports a 4 MiB file: the confirmation refers to the preview kept on the server", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("admin");
    const paragraph = "A long paragraph of a very long post, repeated to make the file large. ".repeat(20);
    const paragraphs = Array.from({ length: Math.ceil((4 * 1024 * 1024) / (paragraph.length + 2)) }, (_, index) => `${index + 1}. ${paragraph}`);
    const bytes = post("A four mebibyte post", paragraphs);
    expect(bytes.byteLength).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(bytes.byteLength).toBeLessThan(5 * 1024 * 1024);

    const { html, status, text } = await previewAndConfirm(app, cookie, [{ name: "big-post.txt", bytes }]);
    expect(html).toContain("Creates a new episode at /episodes/a-four-mebibyte-post.");
    // The file travelled once: the preview page does not carry it back.
    expect(html.length).toBeLessThan(bytes.byteLength);
    expect(status).toBe(200);
    expect(text).toContain("Imported as a new episode.");
    expect(await prisma.episode.count({ where: { slug: "a-four-mebibyte-post" } })).toBe(1);
  }, 180_000);
});

describe("episode addresses never collide", () => {
  it("a post titled “null” gets its own address instead of overwriting “NULL”, and the preview says so", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("admin");
    await importDocument({ fileName: "upper.txt", bytes: post("NULL", ["The upper-case post's own text."]) });
    const { html, text } = await previewAndConfirm(app, cookie, [{ name: "lower.txt", bytes: post("null", ["The lower-case post's own text."]) }]);
    expect(html).toContain("Creates a new episode at /episodes/null-2. /episodes/null already belongs to “NULL”, a different document, which stays as it is.");
    expect(html).not.toContain("Changes the episode");
    expect(text).toContain("Imported as a new episode.");

    const episodes = await prisma.episode.findMany({ orderBy: { id: "asc" }, select: { slug: true, title: true, intro: true } });
    expect(episodes.map(({ slug, title }) => ({ slug, title }))).toEqual([
      { slug: "null", title: "NULL" },
      { slug: "null-2", title: "null" },
    ]);
    expect((await app.get("/episodes/null")).status).toBe(200);
    expect(await (await app.get("/episodes/null")).text()).toContain("The upper-case post");
  });

  it("titles with no Latin letters get distinct addresses, not all /episodes/untitled", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("admin");
    const { status } = await previewAndConfirm(app, cookie, [
      { name: "ru.txt", bytes: post("Вторая мировая война") },
      { name: "el.txt", bytes: post("Ελληνικά νέα") },
    ]);
    expect(status).toBe(200);
    expect(await prisma.episode.count()).toBe(2);
    const slugs = (await prisma.episode.findMany({ select: { slug: true } })).map((row) => row.slug);
    expect(new Set(slugs).size).toBe(2);
    expect(slugs).not.toContain("untitled");
    for (const slug of slugs) expect((await app.get(`/episodes/${slug}`)).status).toBe(200);
  });

  it("a later capture of the same program names the episode it changes and why", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("admin");
    await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const episode = await prisma.episode.findFirstOrThrow({ select: { slug: true, title: true } });
    const changed = Buffer.from(seedBytes(PROGRAM_FILE).toString("utf8").replace("Posted by", "Posted  by"));
    const html = await preview(app, cookie, [{ name: "again.txt", bytes: changed }]);
    expect(html).toContain(`Changes the episode /episodes/${episode.slug} “${episode.title}”`);
    expect(html).toContain("because it is program #863 too");
  });
});

describe("the preview's thread outline", () => {
  it("says which comment each reply answers", async () => {
    const app = await testApp();
    const { cookie } = await signedIn("admin");
    const html = await preview(app, cookie, [{ name: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) }]);
    const parents = (await import("~/import/parse")).parseDocument(seedBytes(PROGRAM_FILE).toString("utf8"), { fileName: PROGRAM_FILE })
      .comments.filter((comment) => comment.parentOrdinal !== null);
    expect(parents.length).toBeGreaterThan(0);
    const outline = html;
    for (const reply of parents) {
      expect(outline).toMatch(new RegExp(`#${reply.ordinal}</span>\\s*<span[^>]*>↳ reply to #${reply.parentOrdinal} ·`));
    }
  });
});
