// Issue 10, item 9: "(Idem.)" repeats the whole preceding citation, its pages included, and a re-import
// brings an episode imported before the fix up to date. Over HTTP, as an admin imports and a reader reads.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";
import { previewAndConfirm } from "../admin-import";
import { testApp } from "../http";

async function importProgram(cookie: string) {
  const { status } = await previewAndConfirm(await testApp(), cookie, [{ name: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) }]);
  expect(status).toBe(200);
  const latest = await prisma.import.findFirstOrThrow({ orderBy: { id: "desc" }, select: { outcome: true, episode: { select: { slug: true } } } });
  return { outcome: latest.outcome, slug: latest.episode!.slug };
}

/** The HTML of one section of the episode page, as a reader gets it. */
async function sectionHtml(slug: string, label: string) {
  const html = await (await (await testApp()).get(`/episodes/${slug}`)).text();
  const start = html.indexOf(`id="section-${label}"`);
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf(`id="section-${Number(label) + 1}"`, start));
}

describe("(Idem.) keeps the pages of the citation it repeats (issue 10, item 9)", { timeout: 120_000 }, () => {
  it("shows the book with p. 10 in section 5 of FTR #863, as in section 4", async () => {
    const { cookie } = await signedIn("admin");
    const { slug } = await importProgram(cookie);
    expect(await sectionHtml(slug, "4")).toContain('p. 10"');
    const five = await sectionHtml(slug, "5");
    expect(five).toContain("Dollars for Terror");
    expect(five).toContain('p. 10"');
    // "(Idem.)" after "(Ibid.; p. 11.)" is p. 11.
    expect(await sectionHtml(slug, "8")).toContain('p. 11"');
  });

  it("re-importing the same file updates an episode imported by the earlier parser", async () => {
    const { cookie } = await signedIn("admin");
    const { slug } = await importProgram(cookie);
    // The episode as the earlier parser left it: section 5's "(Idem.)" without pages.
    const section = await prisma.section.findFirstOrThrow({ where: { label: "5", episode: { slug } }, select: { id: true, blocks: true } });
    const blocks = (section.blocks as { type: string; pages?: string | null }[]).map((block) => (block.type === "citation" ? { ...block, pages: null } : block));
    await prisma.section.update({ where: { id: section.id }, data: { blocks, citations: { updateMany: { where: {}, data: { pages: null } } } } });
    await prisma.$executeRawUnsafe(`UPDATE "Import" SET "parserVersion" = 1`);
    expect(await sectionHtml(slug, "5")).not.toContain("p. 10");

    expect((await importProgram(cookie)).outcome).toBe("updated");
    expect(await sectionHtml(slug, "5")).toContain('p. 10"');
  });
});
