// The suggestions tab over HTTP: ranked (newest episode first, highest score first), capped per episode and
// day, with "show more" for the rest of a day; and the context rule on a real import.
import { describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../factories";
import { testApp } from "../http";

async function episodeWithSuggestions(slug: string, publishedOn: string, scores: number[], createdAt: Date) {
  const episode = await prisma.episode.create({ data: { kind: "post", slug, title: `Episode ${slug}`, publishedOn: new Date(publishedOn) } });
  const text = scores.map((_, index) => `Sentence number ${index} says the council met in 2024.`).join("\n\n");
  const section = await prisma.section.create({
    data: { episodeId: episode.id, position: 0, label: "1", blocks: [{ type: "paragraph", text }], plainText: text },
  });
  let start = 0;
  await prisma.claimSuggestion.createMany({
    data: scores.map((score, index) => {
      const exact = `Sentence number ${index} says the council met in 2024.`;
      const row = { episodeId: episode.id, sectionId: section.id, start, end: start + exact.length, exact, prefix: "", suffix: "", score, signals: ["date", "reporting-verb"], targetRevision: 1, createdAt };
      start += exact.length + 2;
      return row;
    }),
  });
  return episode;
}

// The sentences shown on the page, in order (the page's data script after them is left out).
const exacts = (html: string) =>
  [...html.slice(0, html.indexOf("window.__remixContext")).matchAll(/Sentence number (\d+) says/g)].map((match) => Number(match[1]));

describe("the ranked, capped suggestions tab over HTTP", () => {
  it("shows the newest episode's most likely claims first, at most 10 per episode and day, with show more", async () => {
    const day = new Date("2026-11-29T12:00:00Z");
    // Twelve suggestions on the newer episode (scores 1.0 … 12.0 in shuffled order), three on the older one.
    await episodeWithSuggestions("older", "2024-01-01", [3, 5, 4], day);
    const newer = await episodeWithSuggestions("newer", "2025-06-01", [7, 1, 12, 3, 9, 2, 11, 4, 10, 5, 8, 6], day);
    const app = await testApp();
    const { cookie } = await signedIn("moderator");

    const response = await app.get("/moderation/suggestions", { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Newer episode: its ten best, by score (12, 11, 10 … 3 sit at indexes 2, 6, 8, 4, 10, 0, 11, 9, 7, 3); then the older one's three.
    expect(exacts(html)).toEqual([2, 6, 8, 4, 10, 0, 11, 9, 7, 3, 1, 2, 0]);
    expect(html).toContain("15 suggestions waiting");
    expect(html).toContain("the 13 most likely shown");
    expect(html).toContain("Show 2 more of Episode newer from 2026-11-29");
    expect(html).toContain("date</li>");

    const more = await app.get(`/moderation/suggestions?episode=${newer.slug}&day=2026-11-29`, { cookie });
    expect(more.status).toBe(200);
    expect(exacts(await more.text())).toEqual([2, 6, 8, 4, 10, 0, 11, 9, 7, 3, 5, 1]);

    const bad = await app.get(`/moderation/suggestions?episode=${newer.slug}&day=2026-02-31`, { cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("The day must be a date");
  });

  it("does not suggest the quoted articles of the program page, which carry their own citation lines", async () => {
    const { PROGRAM_FILE, seedBytes } = await import("../fixtures/seeds");
    const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const suggestions = await prisma.claimSuggestion.findMany({ where: { episodeId: episode.id }, select: { exact: true, commentId: true } });
    // 958 before context was read; the quoted CNN report in comment 1 is no longer among them.
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(60);
    expect(suggestions.map((s) => s.exact)).not.toContain("State media Russia 24 reported the roof on the venue has partially collapsed.");
    const app = await testApp();
    const { cookie } = await signedIn("moderator");
    const page = await app.get("/moderation/suggestions", { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${suggestions.length} suggestions waiting`);
  });
});
