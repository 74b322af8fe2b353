// Footnote's W3C selectors checked against Apache Annotator (@apache-annotator/dom, the reference
// implementation), bundled from node_modules and injected into the episode page: every claim of a fixture
// set is found exactly once by its TextQuoteSelector and at the same words by its TextPositionSelector,
// each scoped to its `data-claim-target` element; and a selector Apache Annotator describes for a range
// selected in the page is resolved by Footnote to the same target and offsets.
import { build } from "esbuild";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signUp } from "./helpers";
import { BASE_URL } from "./env";
import { PROGRAM_SLUG } from "./seed";

const EPISODE = `/episodes/${PROGRAM_SLUG}`;

type ApiBlock = { type: "paragraph" | "quote"; text: string } | { type: "citation"; raw: string } | { type: "rule" };
type ApiEpisode = {
  sections: { id: number; label: string; blocks: ApiBlock[] }[];
  comments: { id: number; ordinal: number; paragraphs: string[] }[];
};
type ApiClaim = { id: number; targetType: "section" | "comment"; targetId: number; exact: string; prefix: string; suffix: string; start: number; end: number };
type Fixture = { name: string; targetType: "section" | "comment"; targetId: number; exact: string; prefix?: string; suffix?: string };

// Each call gets its own JS world: the bundle defines `window.ApacheAnnotator` in the page.
const annotatorBundle = build({
  stdin: { contents: 'export * from "@apache-annotator/dom";', resolveDir: process.cwd(), loader: "js" },
  bundle: true,
  format: "iife",
  globalName: "ApacheAnnotator",
  platform: "browser",
  target: "chrome100",
  write: false,
  logLevel: "silent",
}).then((result) => result.outputFiles[0]!.text);

// The page may forbid inline scripts (CSP): the test's own injected bundle is not the page's script.
test.use({ bypassCSP: true });

/** Text blocks of a section as the API lists them (citations and rules carry no text of the target). */
const textsOf = (blocks: ApiBlock[]) => blocks.flatMap((block) => (block.type === "paragraph" || block.type === "quote" ? [block.text] : []));

/** A span of about `length` characters of `text` starting at `from`, cut at the end of a word. */
function wordsAt(text: string, from: number, length: number) {
  const end = text.indexOf(" ", from + length);
  return text.slice(from, end === -1 ? text.length : end);
}

/** The claims of the fixture set, chosen from the episode as the API gives it (never from the page). */
function fixtures(episode: ApiEpisode): Fixture[] {
  const sections = episode.sections.filter((section) => textsOf(section.blocks).length >= 2);
  const typographic = sections.find((section) => textsOf(section.blocks).some((text) => /[—’]/.test(text)))!;
  const typographicText = textsOf(typographic.blocks).find((text) => /[—’]/.test(text))!;
  const dash = Math.max(0, typographicText.search(/[—’]/) - 20);

  const across = sections.find((section) => section.id !== typographic.id)!;
  const [first, second] = textsOf(across.blocks) as [string, string];
  const acrossExact = `${first.slice(-40).replace(/^\S*\s/, "")}\n\n${wordsAt(second, 0, 30)}`;

  // A paragraph or quoted passage right after a citation card, in a section other than the two above.
  const afterCard = episode.sections
    .filter((section) => section.id !== typographic.id && section.id !== across.id)
    .flatMap((section) =>
      section.blocks.flatMap((block, index) => {
        const next = section.blocks[index + 1];
        return block.type === "citation" && (next?.type === "paragraph" || next?.type === "quote") && next.text.length > 120 ? [{ section, text: next.text }] : [];
      }),
    )[0]!;
  const afterCardExact = wordsAt(afterCard.text, 0, 40);
  // Right after the previous claim (and so right after its marker once marked), in the same paragraph.
  const nextToMarker = wordsAt(afterCard.text, afterCardExact.length, 30);

  const comment1 = episode.comments.find((comment) => comment.ordinal === 1)!;
  const comment1Text = comment1.paragraphs.join("\n\n");
  const twice = "the concert hall";
  const secondOccurrence = comment1Text.indexOf(twice, comment1Text.indexOf(twice) + 1);
  expect(secondOccurrence, "comment 1 says “the concert hall” twice").toBeGreaterThan(0);
  const comment1Second = comment1.paragraphs[1]!;

  return [
    { name: "in a section, with an em dash or ’", targetType: "section", targetId: typographic.id, exact: wordsAt(typographicText, dash, 40), prefix: typographicText.slice(Math.max(0, dash - 32), dash) },
    { name: "across two paragraphs", targetType: "section", targetId: across.id, exact: acrossExact },
    { name: "after a citation card", targetType: "section", targetId: afterCard.section.id, exact: afterCardExact },
    { name: "next to another claim's marker", targetType: "section", targetId: afterCard.section.id, exact: nextToMarker.trim(), prefix: afterCardExact.slice(-32) },
    { name: "in a comment, at its start", targetType: "comment", targetId: comment1.id, exact: wordsAt(comment1.paragraphs[0]!, 0, 30) },
    { name: "in a comment, in its second paragraph", targetType: "comment", targetId: comment1.id, exact: wordsAt(comment1Second, 0, 40) },
    {
      name: "a phrase occurring twice, the second time",
      targetType: "comment",
      targetId: comment1.id,
      exact: twice,
      prefix: comment1Text.slice(secondOccurrence - 32, secondOccurrence),
      suffix: comment1Text.slice(secondOccurrence + twice.length, secondOccurrence + twice.length + 32),
    },
  ];
}

/** Flags through the form without JavaScript, as `member`; answers the claim's id. */
async function flag(page: Page, fixture: Omit<Fixture, "name">) {
  const response = await page.request.post("/claims?index", {
    form: { intent: "flag-claim", targetType: fixture.targetType, targetId: String(fixture.targetId), exact: fixture.exact, prefix: fixture.prefix ?? "", suffix: fixture.suffix ?? "", reason: "no_source" },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBe(303);
  return Number(response.headers().location!.match(/^\/claims\/(\d+)/)![1]);
}

async function claim(page: Page, id: number): Promise<ApiClaim> {
  return (await (await page.request.get(`/api/claims/${id}`)).json()) as ApiClaim;
}

type Check = { id: number; quoteMatches: number; quoteText: string | null; positionText: string; quoteAtPosition: boolean };

/** Apache Annotator in the page: how each claim's quote and position selectors resolve in its target. */
async function checkInPage(page: Page, claims: ApiClaim[]): Promise<Check[]> {
  await page.addScriptTag({ content: await annotatorBundle });
  return page.evaluate(async (claims) => {
    const { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher, describeTextPosition } = (window as any).ApacheAnnotator;
    const results = [];
    for (const claim of claims) {
      const scope = document.querySelector(`[data-claim-target="${claim.targetType}:${claim.targetId}"]`);
      if (!scope) throw new Error(`no target ${claim.targetType}:${claim.targetId}`);
      const quoteRanges: Range[] = [];
      for await (const range of createTextQuoteSelectorMatcher({ type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix })(scope)) quoteRanges.push(range);
      const positionRanges: Range[] = [];
      for await (const range of createTextPositionSelectorMatcher({ type: "TextPositionSelector", start: claim.start, end: claim.end })(scope)) positionRanges.push(range);
      const quotePosition = quoteRanges[0] ? await describeTextPosition(quoteRanges[0], scope) : null;
      results.push({
        id: claim.id,
        quoteMatches: quoteRanges.length,
        quoteText: quoteRanges[0]?.toString() ?? null,
        positionText: positionRanges[0]?.toString() ?? "",
        quoteAtPosition: quotePosition?.start === claim.start && quotePosition?.end === claim.end,
      });
    }
    return results;
  }, claims);
}

let fixtureClaims: { name: string; id: number }[] = [];

async function memberPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, `selectors${Date.now() % 1_000_000}`);
  return page;
}

test.beforeAll(async ({ browser }) => {
  const member = await memberPage(browser);
  const episode = (await (await member.request.get(`/api/episodes/${PROGRAM_SLUG}`)).json()) as ApiEpisode;
  fixtureClaims = [];
  for (const fixture of fixtures(episode)) fixtureClaims.push({ name: fixture.name, id: await flag(member, fixture) });
  expect(new Set(fixtureClaims.map((claim) => claim.id)).size, "every fixture is a claim of its own").toBe(fixtureClaims.length);
  await member.context().close();
});

async function expectEverySelectorResolves(page: Page) {
  const claims = await Promise.all(fixtureClaims.map(({ id }) => claim(page, id)));
  const checks = await checkInPage(page, claims);
  for (const [index, check] of checks.entries()) {
    const { name } = fixtureClaims[index]!;
    const exact = claims[index]!.exact;
    expect.soft(check.quoteMatches, `${name}: the quote selector matches once`).toBe(1);
    expect.soft(check.quoteText, `${name}: the quote selector's words`).toBe(exact);
    expect.soft(check.positionText, `${name}: the position selector's words`).toBe(exact);
    expect.soft(check.quoteAtPosition, `${name}: the quote is found at the stored position`).toBe(true);
  }
}

/** Each target's text on the page is its canonical text: markers and cards add nothing to it. */
async function expectMarkersOutsideText(page: Page, { commentMarkers }: { commentMarkers: boolean }) {
  const card = page.locator("[data-claim-target] .rounded-md").first();
  await expect(card).toBeVisible();
  const section = fixtureClaims.find((fixture) => fixture.name === "next to another claim's marker")!;
  await expect(page.locator(`mark[data-claim-id="${section.id}"]`).first()).toBeVisible();
  const commentMark = page.locator(`mark[data-claim-id="${fixtureClaims.find((fixture) => fixture.name.startsWith("in a comment, at"))!.id}"]`);
  if (commentMarkers) await expect(commentMark.first()).toBeVisible();
  const markerTexts = await page.locator("[data-claim-target] [data-claim-link]").evaluateAll((links) => links.map((link) => link.textContent));
  expect(markerTexts.length).toBeGreaterThan(0);
  expect(markerTexts.every((text) => text === "")).toBe(true);
}

test("every claim's selectors resolve to its words with Apache Annotator, on the anonymous page", async ({ page }) => {
  await page.goto(EPISODE);
  await expectMarkersOutsideText(page, { commentMarkers: false });
  await expectEverySelectorResolves(page);
});

test("every claim's selectors resolve with Apache Annotator on a moderator's page, all markers shown", async ({ page }) => {
  await signIn(page, "e2e-moderator");
  await page.goto(EPISODE);
  await expectMarkersOutsideText(page, { commentMarkers: true });
  await expectEverySelectorResolves(page);
});

test("a selector Apache Annotator describes for a selection in the page is anchored by Footnote at the same target and offsets", async ({ browser }) => {
  const member = await memberPage(browser);
  await member.goto(EPISODE);
  await member.addScriptTag({ content: await annotatorBundle });
  const twice = await claim(member, fixtureClaims.find((fixture) => fixture.name.startsWith("a phrase occurring twice"))!.id);

  // Two selections: in a section without claims, from the end of a paragraph across a citation card into
  // the next paragraph; and the first "the concert hall" of comment 1 (its twin, the second, is a claim).
  const described = await member.evaluate(
    async ({ commentTarget, phrase }) => {
      const { describeTextQuote, describeTextPosition } = (window as any).ApacheAnnotator;
      const textNodes = (scope: Node) => {
        const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        return nodes;
      };
      const out = [];

      const card = [...document.querySelectorAll('[data-claim-target^="section:"] > *')].find(
        (element) =>
          element.textContent === "" &&
          element.querySelector("[data-ui-text]") &&
          element.previousElementSibling?.tagName === "P" &&
          element.previousElementSibling.textContent !== "" &&
          (element.nextElementSibling?.tagName === "P" || element.nextElementSibling?.tagName === "BLOCKQUOTE") &&
          element.nextElementSibling.textContent !== "" &&
          !element.parentElement!.querySelector("mark"),
      )!;
      const section = card.parentElement!;
      const end = textNodes(card.previousElementSibling!).at(-1)!;
      const start = textNodes(card.nextElementSibling!)[0]!;
      const range = document.createRange();
      // Whole words, as a reader selects them (Footnote trims the whitespace around a selection).
      let from = Math.max(0, end.data.length - 25);
      while (/\s/.test(end.data[from] ?? "")) from += 1;
      range.setStart(end, from);
      let to = Math.min(15, start.data.length);
      while (to > 1 && /\s/.test(start.data[to - 1]!)) to -= 1;
      range.setEnd(start, to);
      const expected = `${end.data.slice(range.startOffset)}\n\n${start.data.slice(0, range.endOffset)}`;
      out.push({ target: section.dataset.claimTarget!, quote: await describeTextQuote(range, section), position: await describeTextPosition(range, section), text: range.toString(), expected });

      const comment = document.querySelector(`[data-claim-target="${commentTarget}"]`)!;
      const node = textNodes(comment).find((text) => text.data.includes(phrase))!;
      const at = node.data.indexOf(phrase);
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + phrase.length);
      out.push({ target: commentTarget, quote: await describeTextQuote(first, comment), position: await describeTextPosition(first, comment), text: first.toString(), expected: phrase });
      return out;
    },
    { commentTarget: `comment:${twice.targetId}`, phrase: twice.exact },
  );

  // Across the card, the selection's text is the two paragraphs' words and the blank line between them.
  for (const { text, expected } of described) expect(text).toBe(expected);
  for (const { target, quote, position } of described) {
    const [targetType, targetId] = target.split(":") as ["section" | "comment", string];
    const id = await flag(member, { targetType, targetId: Number(targetId), exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix });
    const anchored = await claim(member, id);
    expect({ target: `${anchored.targetType}:${anchored.targetId}`, start: anchored.start, end: anchored.end, exact: anchored.exact }).toEqual({
      target,
      start: position.start,
      end: position.end,
      exact: quote.exact,
    });
    expect(anchored.id, "a new claim, not the twin").not.toBe(twice.id);
  }
  await member.context().close();
});
