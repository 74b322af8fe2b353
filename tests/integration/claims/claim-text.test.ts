// One text, two views that agree (issue 19): a claim target's `textContent` on the page is its canonical
// text; the form without JavaScript asks which occurrence; a database counted the old way is brought up.
import { Element } from "domhandler";
import { findOne, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { canonicalText, type StoredBlock } from "~/import/stored-blocks";
import { upgradeCanonicalTexts } from "~/models/canonical-text.server";
import { flagClaim } from "~/models/claims/index.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../../factories";
import { testApp } from "../../http";

const BLOCKS: StoredBlock[] = [
  { type: "paragraph", text: "The hall was full.\nIt seated two thousand." },
  { type: "citation", sourceKey: "none", pages: null, raw: "(“Concert” by A. Writer; Daily; 3/22/2024.)", backReference: false },
  { type: "quote", text: "“The attack on the hall was planned for months,” the report said." },
  { type: "rule" },
  { type: "paragraph", text: "Then the hall burned, and the hall was closed for a year." },
];
// The rule before issue 19: citation lines counted as text.
const OLD_TEXT = [
  "The hall was full.\nIt seated two thousand.",
  "(“Concert” by A. Writer; Daily; 3/22/2024.)",
  "“The attack on the hall was planned for months,” the report said.",
  "Then the hall burned, and the hall was closed for a year.",
].join("\n\n");

async function episodeWithSection(plainText = canonicalText(BLOCKS)) {
  const episode = await prisma.episode.create({ data: { kind: "post", slug: `text-${Date.now()}`, title: "A post about a hall" }, select: { id: true, slug: true } });
  const section = await prisma.section.create({
    data: { episodeId: episode.id, position: 1, label: "body", blocks: BLOCKS, plainText },
    select: { id: true },
  });
  return { episode, section };
}

function targetElement(html: string, target: string) {
  const element = findOne((node) => node.attribs["data-claim-target"] === target, parseDocument(html).children, true);
  expect(element, `the page has ${target}`).toBeInstanceOf(Element);
  return element!;
}

describe("the text of a claim target on the page", () => {
  it("is exactly its canonical text: blocks separated by a blank line, no card or marker words", async () => {
    const { episode, section } = await episodeWithSection();
    const member = await signedIn("member");
    await flagClaim({ user: member.user, target: { type: "section", id: section.id }, exact: "the report said", reason: "no_source" });
    const app = await testApp();
    const response = await app.get(`/episodes/${episode.slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const element = targetElement(html, `section:${section.id}`);
    expect(textContent(element)).toBe("The hall was full.\nIt seated two thousand.\n\n“The attack on the hall was planned for months,” the report said.\n\nThen the hall burned, and the hall was closed for a year.");
    // The reader still sees the citation and the marker: drawn from data-ui-text, outside the text.
    expect(html).toContain('data-ui-text="(“Concert” by A. Writer; Daily; 3/22/2024.)"');
    expect(html).toContain('data-ui-text="[citation needed]"');
  });
});

describe("the flag form without JavaScript", () => {
  it("asks which occurrence when the words occur more than once, then flags the one chosen", async () => {
    const { section } = await episodeWithSection();
    const member = await signedIn("member");
    const app = await testApp();
    const fields = { intent: "flag-claim", targetType: "section", targetId: String(section.id), exact: "the hall", reason: "no_source" };

    const asked = await app.post("/claims?index", fields, { cookie: member.cookie });
    expect(asked.status).toBe(409);
    const page = await asked.text();
    expect(page).toContain("These words occur 3 times in this section: choose the one you mean.");
    const text = canonicalText(BLOCKS);
    const starts = [...text.matchAll(/the hall/g)].map((match) => match.index);
    for (const start of starts) expect(page).toContain(`value="${start}"`);
    expect(page).toContain("Which occurrence needs a source?");
    expect(await prisma.claim.count()).toBe(0);

    const chosen = await app.post("/claims?index", { ...fields, start: String(starts[2]) }, { cookie: member.cookie });
    expect(chosen.status).toBe(303);
    const claim = await prisma.claim.findFirstOrThrow({ select: { start: true, end: true, exact: true, prefix: true } });
    expect(claim).toMatchObject({ start: starts[2], end: starts[2]! + "the hall".length, exact: "the hall", prefix: expect.stringMatching(/burned, and $/) });
  });

  it("takes words that occur once, or more than once with their context, without asking", async () => {
    const { section } = await episodeWithSection();
    const member = await signedIn("member");
    const app = await testApp();
    const base = { intent: "flag-claim", targetType: "section", targetId: String(section.id), reason: "no_source" };
    expect((await app.post("/claims?index", { ...base, exact: "It seated two thousand." }, { cookie: member.cookie })).status).toBe(303);
    expect((await app.post("/claims?index", { ...base, exact: "the hall", prefix: "Then " }, { cookie: member.cookie })).status).toBe(303);
    expect((await prisma.claim.findMany({ orderBy: { id: "asc" }, select: { exact: true, start: true } })).map((claim) => claim.start)).toEqual([
      canonicalText(BLOCKS).indexOf("It seated"),
      canonicalText(BLOCKS).indexOf("the hall burned"),
    ]);
  });
});

describe("a database counted the old way (citation lines in the text)", () => {
  it("is re-counted on start: the text drops the citation, claims are re-anchored on the same words", async () => {
    const { section } = await episodeWithSection(OLD_TEXT);
    const member = await signedIn("member");
    const { claimId } = await flagClaim({ user: member.user, target: { type: "section", id: section.id }, exact: "Then the hall burned", reason: "no_source" });
    const before = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { start: true } });
    expect(OLD_TEXT.slice(before.start, before.start + 20)).toBe("Then the hall burned");

    expect(await upgradeCanonicalTexts()).toMatchObject({ sections: 1 });
    const text = canonicalText(BLOCKS);
    expect((await prisma.section.findUniqueOrThrow({ where: { id: section.id }, select: { plainText: true } })).plainText).toBe(text);
    const after = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { start: true, end: true, exact: true, anchorStatus: true, targetRevision: true } });
    expect(after).toEqual({ start: text.indexOf("Then the hall burned"), end: text.indexOf("Then the hall burned") + 20, exact: "Then the hall burned", anchorStatus: "anchored", targetRevision: 1 });
    expect(before.start - after.start).toBe("(“Concert” by A. Writer; Daily; 3/22/2024.)\n\n".length);

    // Nothing left to do the second time.
    expect(await upgradeCanonicalTexts()).toEqual({ sections: 0, comments: 0 });
  });
});
