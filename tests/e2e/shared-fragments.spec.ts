// Issue 15, signed-in pages (ADR 0041): the article and the discussion of a member's page come from HTML
// rendered for an earlier reader with the same view. The browser must hydrate it as its own: no hydration
// error (the fixture fails the test on one), and the discussion's controls answer as on a fresh render.
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";
import { PROGRAM_SLUG } from "./seed";

const EPISODE = `/episodes/${PROGRAM_SLUG}`;

test("a member's page made of kept fragments hydrates and its Reply opens in place", async ({ page }) => {
  // The first document keeps the fragments (if no earlier journey did); the reload's page is made of them.
  await signIn(page, "e2e-member", { redirectTo: EPISODE });
  await page.goto(EPISODE);
  await page.reload();
  const third = page.locator("article#comment-3");
  await expect(third).toBeVisible();
  // A full load would erase this marker: the Reply below must open in the page, by its script.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await third.getByText("Reply", { exact: true }).click();
  await expect(third.getByLabel("Reply to Pterrafractyl")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // The article came from its kept fragment too.
  await expect(page.locator('[data-fragment="article"] [data-claim-target^="section:"]').first()).toBeVisible();
});
