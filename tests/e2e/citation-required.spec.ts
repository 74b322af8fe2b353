import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, signUp, submit } from "./helpers";
import { PROGRAM_SLUG } from "./seed";

const EPISODE = `/episodes/${PROGRAM_SLUG}`;
const SENTENCE_START = "Interestingly, the US is insisting";

/** Selects, as a reader would with the mouse, the first sentence of comment 3 that starts with `start`. */
async function selectSentence(page: Page, ordinal: number, start: string) {
  // A long comment shows its start: the reader opens the rest first.
  const more = page.locator(`#comment-${ordinal} details[data-comment-more]:not([open]) > summary`);
  if ((await more.count()) > 0) await more.click();
  await page.locator(`#comment-${ordinal} [data-claim-target]`).evaluate((container, sentenceStart) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(sentenceStart);
      if (at === -1) continue;
      const end = node.textContent!.indexOf(".", at) + 1;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, end);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`no text starting "${sentenceStart}"`);
  }, start);
}

test("a claim in comment 3 is flagged, sourced by another member, accepted by a moderator, with its history", async ({ page, browser }) => {
  // 1. A member selects a sentence of comment 3 and flags it.
  await signIn(page, "e2e-member", { redirectTo: EPISODE });
  const popover = page.getByRole("dialog", { name: "Flag a claim" });
  // The popover listens once the page is hydrated: select again until it answers.
  await expect(async () => {
    await selectSentence(page, 3, SENTENCE_START);
    await expect(popover).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await popover.getByRole("button", { name: "Citation required" }).click();
  await popover.getByLabel("No source given").check();
  await submit(popover.getByRole("button", { name: "Flag: citation required" }));
  await expect(popover.getByRole("status")).toContainText("Flagged");

  // The marker appears inline, on the selected words.
  const comment3 = page.locator("#comment-3");
  const marker = comment3.getByRole("link", { name: "[citation needed]" });
  await expect(marker).toBeVisible();
  await expect(comment3.locator("mark[data-claim-id]")).toContainText(SENTENCE_START);
  const claimPath = (await marker.getAttribute("href"))!;
  expect(claimPath).toMatch(/^\/claims\/\d+$/);

  // 2. Another member proposes the imported Taipei Times article, with a supporting quote.
  const other = await browser.newPage();
  await signUp(other, `sourcer${Date.now() % 100000}`, { redirectTo: "/sources?q=Taipei" });
  await other.getByRole("link", { name: "Why ISIS attacked Russia — and why Moscow blames Kyiv" }).first().click();
  await other.waitForURL(/\/sources\/\d+$/);
  const sourceId = other.url().match(/\/sources\/(\d+)/)![1]!;
  await other.goto(claimPath);
  await other.getByLabel("Library source number").fill(sourceId);
  await other.getByLabel("The passage of the source that supports the claim").fill(
    "ISIS-Khorasan (ISIS-K), the branch whose operatives are suspected to have committed the Crocus City Hall attack",
  );
  await submit(other.getByRole("button", { name: "Propose this source" }));
  await expect(other.getByText("Source proposed").first()).toBeVisible();
  await other.close();

  // 3. A moderator accepts it in the queue, with a reason.
  const moderator = await browser.newPage();
  await signIn(moderator, "e2e-moderator", { redirectTo: "/moderation" });
  const item = moderator.locator("article", { hasText: SENTENCE_START }).first();
  await item.getByLabel(/Accept this source/).check();
  await item.getByLabel(/Reason/).fill("The Taipei Times piece reports the US attribution to ISIS-K.");
  await submit(item.getByRole("button", { name: "Apply decision" }));
  await expect(moderator.getByRole("status").first()).toBeVisible();
  await moderator.close();

  // 4. The marker now says "sourced" and links to the source.
  await page.reload();
  const sourced = page.locator("#comment-3").getByRole("link", { name: "[sourced]" });
  await expect(sourced).toBeVisible();
  await expect(sourced).toHaveAttribute("href", `/sources/${sourceId}`);

  // 5. The claim's public history lists the three steps.
  await page.goto(claimPath);
  const history = page.getByRole("region", { name: "History" }).getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText("Open");
  await expect(history.nth(1)).toContainText("Source proposed");
  await expect(history.nth(2)).toContainText("Sourced");
});
