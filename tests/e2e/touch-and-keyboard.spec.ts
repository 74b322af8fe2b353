// Flagging on a phone (touch) and with the keyboard alone, jumping between claims, and working a queue item by
// keyboard: after every step the focus is where the result is, and it is visible (:focus-visible).
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { prisma } from "../../app/utils/db.server";
import { expect, test } from "./fixtures";
import { BUDGETS } from "./budgets";
import { settled, signIn } from "./helpers";
import { PROGRAM_SLUG } from "./seed";

const EPISODE = `/episodes/${PROGRAM_SLUG}`;
const output = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.output");
const created = new Set<number>();

test.afterAll(async () => {
  // Leave the shared database as the other journeys expect it: none of this journey's claims.
  await prisma.claim.deleteMany({ where: { id: { in: [...created] } } });
  await prisma.$disconnect();
});

type ApiEpisode = { sections: { id: number; label: string }[]; comments: { id: number; ordinal: number; paragraphs: string[] }[] };

async function episodeApi(page: Page) {
  return (await (await page.request.get(`/api/episodes/${PROGRAM_SLUG}`)).json()) as ApiEpisode;
}

/** The element has the focus, and the browser shows it (the page's :focus-visible outline). */
async function expectFocusShown(locator: Locator) {
  await expect(locator).toBeFocused();
  expect(await locator.evaluate((element) => element.matches(":focus-visible")), "the focus is visible").toBe(true);
}

/** What the page's live region last said. */
function announced(page: Page) {
  return page.locator("[data-live-region]");
}

/** Presses a key that sends a form, and waits as `submit` does: for the POST's answer, then for Remix to settle. */
async function pressToSubmit(page: Page, key: string) {
  const origin = new URL(page.url()).origin;
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.url().startsWith(origin), {
    timeout: BUDGETS.navigation,
  });
  await page.keyboard.press(key);
  const response = await answered;
  await settled(page);
  return response;
}

/** Presses Tab until the focused element matches `selector`, as a keyboard user moves through the page. */
async function tabTo(page: Page, selector: string, limit = 600) {
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`);
}

function claimIdOf(href: string | null) {
  const id = Number(/\/claims\/(\d+)$/.exec(href ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);
  created.add(id);
  return id;
}

/**
 * The `nth` sentence (of more than 20 characters) of a claim target, brought a third of the way down the screen as a
 * reader holds a phone: its words, offset, and a point on its first word for a finger.
 */
async function sentenceAt(target: Locator, nth: number) {
  return target.evaluate((container, nth) => {
    const text = container.textContent ?? "";
    const sentence = [...new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)].filter((part) => part.segment.trim().length > 20)[nth]!;
    const start = sentence.index + sentence.segment.length - sentence.segment.trimStart().length;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (start < offset + node.data.length) {
        const word = document.createRange();
        word.setStart(node, start - offset);
        word.setEnd(node, Math.min(node.data.length, start - offset + 3));
        window.scrollBy(0, word.getBoundingClientRect().top - window.innerHeight / 3);
        const box = word.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2, start, exact: sentence.segment.trim() };
      }
      offset += node.data.length;
    }
    throw new Error(`no sentence ${nth} in ${container.dataset.claimTarget}`);
  }, nth);
}

/** Selects `exact` at `start` in the target as a finger would, and lets the page know (`selectionchange`). */
async function selectByScript(target: Locator, { start, exact }: { start: number; exact: string }) {
  await target.evaluate((container, { start, exact }) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const length = node.data.length;
      if (start >= offset && start < offset + length) range.setStart(node, start - offset);
      if (start + exact.length > offset && start + exact.length <= offset + length) range.setEnd(node, start + exact.length - offset);
      offset += length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new Event("selectionchange"));
  }, { start, exact });
}

test("on a phone, a sentence selected by touch is flagged from the popover below it, and its marker appears", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await signIn(page, "e2e-member", { redirectTo: EPISODE });
  const target = page.locator("#comment-2 [data-claim-target]");
  const popover = page.getByRole("dialog", { name: "Flag a claim" });

  // Playwright cannot long-press to select text: the finger's tap is real (a touch event, so the page knows a
  // finger is at work), the selection it would make is made by script, and the browser then fires `selectionchange`
  // as it does for a selection by touch. The popover listens once the page is hydrated: select again until it answers.
  let sentence = "";
  await expect(async () => {
    const point = await sentenceAt(target, 0);
    sentence = point.exact;
    await page.touchscreen.tap(point.x, point.y);
    await selectByScript(target, point);
    await expect(popover).toBeVisible({ timeout: 2_000 });
  }).toPass();

  // Below the selection, where the browser's own selection menu (above it) does not cover it; targets a finger can hit.
  const offer = popover.getByRole("button", { name: "Citation required" });
  const [selectionBox, popoverBox, offerBox, closeBox] = await Promise.all([
    page.evaluate(() => {
      const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { bottom: rect.bottom };
    }),
    popover.boundingBox(),
    offer.boundingBox(),
    popover.getByRole("button", { name: "Close" }).boundingBox(),
  ]);
  expect(popoverBox!.y).toBeGreaterThan(selectionBox.bottom);
  expect(popoverBox!.x + popoverBox!.width).toBeLessThanOrEqual(390);
  expect(offerBox!.height).toBeGreaterThanOrEqual(44);
  expect(closeBox!.height).toBeGreaterThanOrEqual(44);
  expect(closeBox!.width).toBeGreaterThanOrEqual(44);
  await page.screenshot({ path: path.join(output, "flag-by-touch-popover-390.png") });

  await offer.tap();
  const reason = popover.getByRole("radio", { name: "No source given" });
  await expect(reason).toBeFocused();
  const reasonLabel = popover.locator("label").filter({ hasText: "No source given" });
  const reasonBox = await reasonLabel.boundingBox();
  expect(reasonBox!.height).toBeGreaterThanOrEqual(44);
  await reasonLabel.tap();
  await expect(reason).toBeChecked();
  await page.screenshot({ path: path.join(output, "flag-by-touch-form-390.png") });

  const answered = page.waitForResponse((response) => response.request().method() === "POST", { timeout: BUDGETS.navigation });
  await popover.getByRole("button", { name: "Flag: citation required" }).tap();
  await answered;
  await settled(page);
  await expect(popover.getByRole("status")).toContainText("Flagged");
  const claimId = claimIdOf(await popover.getByRole("link", { name: "See the claim" }).getAttribute("href"));

  // The marker appears on the words; the focus is on it, and the live region says so.
  const marker = page.locator(`#claim-${claimId}-label`);
  await expect(marker).toBeVisible();
  await expect(marker).toBeFocused();
  await expect(page.locator(`#comment-2 mark[data-claim-id="${claimId}"]`)).toHaveText(sentence);
  await expect(announced(page)).toContainText("Flagged: citation required.");

  // The form under the comment takes words already selected as they are: nothing to retype.
  await popover.getByRole("button", { name: "Close" }).tap();
  await expect(popover).toHaveCount(0);
  const second = await sentenceAt(target, 1);
  await page.touchscreen.tap(second.x, second.y);
  await selectByScript(target, second);
  await expect(popover.getByRole("button", { name: "Citation required" })).toBeVisible();
  const fallback = page.locator("#comment-2 details").filter({ hasText: "Flag a claim" });
  await fallback.locator("summary").tap();
  await expect(fallback.locator("mark")).toHaveText(second.exact);
  await expect(fallback.getByRole("textbox", { name: "The text that needs a source" })).toHaveCount(0);
  await expect(fallback.getByRole("button", { name: "Type other words instead" })).toBeVisible();
  await context.close();
});

test("with the keyboard only: a sentence of a section is flagged, claims are reached by j and k, and a queue item is decided", async ({ page, browser }) => {
  await signIn(page, "e2e-member", { redirectTo: EPISODE });
  const episode = await episodeApi(page);
  const section1 = episode.sections.find((section) => section.label === "1")!;
  // A second claim further down the page (comment 5), so there is a claim to jump to.
  const comment5 = episode.comments.find((comment) => comment.ordinal === 5)!;
  const flagged = await page.request.post("/claims?index", {
    form: { intent: "flag-claim", targetType: "comment", targetId: String(comment5.id), exact: comment5.paragraphs[0]!.split(/\s+/).slice(0, 6).join(" "), reason: "source_unreliable" },
  });
  expect(flagged.status()).toBe(200);
  const laterClaim = claimIdOf(flagged.url());

  // 1. Tab to section 1's "Flag a sentence" (it is there once the page runs its script) and press Enter.
  const start = page.getByRole("button", { name: "Flag a sentence in section 1", exact: true });
  await expect(start).toBeVisible();
  await tabTo(page, `[data-flag-sentence="section:${section1.id}"]`);
  await expectFocusShown(start);
  await page.keyboard.press("Enter");

  // The section's text takes the focus; a line says which sentence is chosen and how to move.
  const text = page.locator(`[data-claim-target="section:${section1.id}"]`);
  await expectFocusShown(text);
  const bar = page.getByRole("group", { name: "Flag a sentence" });
  await expect(bar).toContainText(/Sentence \d+ of \d+/);
  const first = Number(/Sentence (\d+) of/.exec((await bar.textContent())!)![1]);

  // 2. Arrow to the next sentence: it is highlighted (a CSS highlight on exactly its words) and announced.
  await page.keyboard.press("ArrowDown");
  await expect(bar).toContainText(`Sentence ${first + 1} of`);
  await expectFocusShown(text);
  const highlighted = await page.evaluate(() => {
    const highlight = CSS.highlights.get("flag-sentence");
    return highlight ? [...highlight][0]!.toString() : null;
  });
  expect(highlighted, "the chosen sentence is highlighted").toBeTruthy();
  await expect(announced(page)).toContainText(`Sentence ${first + 1} of`);
  await expect(announced(page)).toContainText(highlighted!.slice(0, 40));
  await page.screenshot({ path: path.join(output, "flag-a-sentence-1280.png") });

  // 3. Enter opens the flag form for that sentence, the focus on its first choice.
  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: "Flag a claim" });
  await expect(popover.locator("mark")).toHaveText(highlighted!.trim());
  await expectFocusShown(popover.getByRole("radio", { name: "No source given" }));
  await page.screenshot({ path: path.join(output, "flag-a-sentence-form-1280.png") });
  // The mode's line, the highlighted text and the form hold no serious or critical WCAG 2.1 AA violation.
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .include("#section-1")
    .include("[role=dialog]")
    .analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expectFocusShown(popover.getByRole("radio", { name: "The source is unreliable" }));
  await expect(popover.getByRole("radio", { name: "The source is unreliable" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expectFocusShown(popover.getByRole("button", { name: "Flag: citation required" }));

  // 4. Sent: the focus is on the new claim's marker in the text, and the live region says it is flagged.
  await pressToSubmit(page, "Enter");
  await expect(popover.getByRole("status")).toContainText(/Flagged|joined/);
  const claimId = claimIdOf(await popover.getByRole("link", { name: "See the claim" }).getAttribute("href"));
  const marker = text.locator(`#claim-${claimId}-label`);
  await expectFocusShown(marker);
  await expect(announced(page)).toContainText(/Flagged: citation required|joined/);
  await expect(bar).toHaveCount(0);

  // 5. j and k: from claim to claim, in reading order; the buttons say which keys do it.
  await expect(page.getByRole("button", { name: "Next claim" })).toHaveAttribute("title", "Next claim (key: j)");
  await expect(page.getByRole("button", { name: "Previous claim" })).toHaveAttribute("title", "Previous claim (key: k)");
  await page.keyboard.press("Escape"); // closes the popover; the focus stays on the marker
  await expect(popover).toHaveCount(0);
  await expectFocusShown(marker);
  await page.keyboard.press("j");
  const next = page.locator(":focus");
  await expect(next).not.toHaveAttribute("id", `claim-${claimId}-label`);
  expect(await next.evaluate((element) => element.matches("[data-claim-link], mark[data-claim-id]") && element.matches(":focus-visible"))).toBe(true);
  await expect(announced(page)).toContainText(/^Claim \d+ of \d+/);
  await page.keyboard.press("k");
  await expectFocusShown(marker);
  await expect(announced(page)).toContainText(highlighted!.trim().slice(0, 40));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(output, "claim-navigator-1280.png") });
  // The later claim, in comment 5, is among those j reaches.
  let reached = false;
  for (let step = 0; step < 200 && !reached; step += 1) {
    await page.keyboard.press("j");
    reached = await page.evaluate((id) => document.activeElement?.id === `claim-${id}-label`, laterClaim);
  }
  expect(reached, "j reaches the claim in comment 5").toBe(true);

  // 6. A moderator decides one of them by keyboard: the focus goes to the next claim of the queue.
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, "e2e-moderator", { redirectTo: "/moderation?reason=source_unreliable" });
  const cards = moderator.locator("[data-claim-item]");
  await expect(cards.first()).toBeVisible();
  const order = (await cards.evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-claim-item"))))) as number[];
  expect(order).toEqual(expect.arrayContaining([claimId, laterClaim]));
  await tabTo(moderator, 'input[name="decision"]');
  const decided = Number(await moderator.evaluate(() => document.activeElement!.closest("[data-claim-item]")!.getAttribute("data-claim-item")));
  expect(decided).toBe(order[0]);
  for (let step = 0; step < 10; step += 1) {
    if (await moderator.evaluate(() => (document.activeElement as HTMLInputElement).value === "dismiss")) break;
    await moderator.keyboard.press("ArrowDown");
  }
  const card = moderator.locator(`[data-claim-item="${decided}"]`);
  await expectFocusShown(card.getByRole("radio", { name: /^Dismiss/ }));
  await expect(card.getByRole("radio", { name: /^Dismiss/ })).toBeChecked();
  await moderator.keyboard.press("Tab");
  await expectFocusShown(card.getByLabel(/^Reason/));
  await moderator.keyboard.type("Flagged by the keyboard journey; not a claim to source.");
  await moderator.keyboard.press("Tab");
  await expectFocusShown(card.getByRole("button", { name: "Apply decision" }));
  await pressToSubmit(moderator, "Enter");
  await expect(moderator.getByRole("status")).toHaveText(`Claim #${decided} is now dismissed.`);
  await expect(card).toHaveCount(0);
  // The next item takes the focus (the queue's empty message when none is left).
  const following = order[1];
  await expectFocusShown(following === undefined ? moderator.locator("#queue-empty") : moderator.locator(`[data-claim-item="${following}"]`));
  await moderator.screenshot({ path: path.join(output, "queue-after-decision-1280.png") });
  await moderator.context().close();
});
