// Issue 14, long pages: long comments folded, pasted articles under their citation, the phone's header,
// contents drawer and queue filters, the staff header on one row.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";
import { PROGRAM_SLUG } from "./seed";

const PROGRAM = `/episodes/${PROGRAM_SLUG}`;
/** The second paragraph of comment 4, past its "Show more". */
const LATER_IN_4 = "Now, as we’ve seen, the US has been surprisingly adamant";

const more = (page: Page, ordinal: number) => page.locator(`#comment-${ordinal} details[data-comment-more]`);

test("a long comment shows its start; “Show more” opens the rest and “Show less” folds it again", async ({ page }) => {
  await page.goto(PROGRAM);
  const comment = page.locator("#comment-4");
  await expect(comment.getByText("Was it an ISIS attack?")).toBeVisible();
  const later = comment.getByText(LATER_IN_4);
  await expect(later).toBeHidden();
  const toggle = more(page, 4).locator("> summary");
  await expect(toggle).toHaveText("", { useInnerText: false }); // its words are drawn by CSS, outside the comment's text
  await expect(toggle).toHaveAccessibleName(/^Show more \([\d,]+ more words\)$/);
  await toggle.click();
  await expect(later).toBeVisible();
  // By keyboard too.
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(later).toBeHidden();
});

test("a pasted article folds under its citation card, with its length", async ({ page }) => {
  await page.goto(PROGRAM);
  await more(page, 4).locator("> summary").click();
  const article = page.locator("#comment-4 details[data-quoted-article]").first();
  const summary = article.locator("> summary");
  await expect(summary).toHaveAccessibleName(/^Quoted article \([\d,]+ words\)$/);
  const quoted = article.getByText("Islamic State claimed responsibility for the attack").first();
  await expect(quoted).toBeHidden();
  // The card naming the source comes right before it.
  expect(await article.evaluate((element) => element.previousElementSibling?.textContent === "" && !!element.previousElementSibling?.querySelector("cite"))).toBe(true);
  await summary.click();
  await expect(quoted).toBeVisible();
});

test("a permalink to a long comment opens it, from another page and from a link on the page", async ({ page }) => {
  await page.goto(`${PROGRAM}#comment-4`);
  await expect(more(page, 4)).toHaveAttribute("open", "");
  await expect(page.locator("#comment-4").getByText(LATER_IN_4)).toBeVisible();
  await expect(more(page, 5)).not.toHaveAttribute("open", "");

  const permalink = page.locator("#comment-5").getByRole("link", { name: "#5" });
  await permalink.click();
  await expect(page).toHaveURL(/#comment-5$/);
  await expect(more(page, 5)).toHaveAttribute("open", "");
  await expect(page.locator("#comment-5").getByText("Both of these Chechen units have ISIS ties.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("“Show more” and the folded article still open", async ({ page }) => {
    await page.goto(PROGRAM);
    const later = page.locator("#comment-4").getByText(LATER_IN_4);
    await expect(later).toBeHidden();
    await more(page, 4).locator("> summary").click();
    await expect(later).toBeVisible();
  });
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the header is one short row; its menu holds the links", async ({ page }) => {
    await page.goto(PROGRAM);
    const header = page.getByRole("banner");
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    await expect(header.getByRole("link", { name: "Sources" })).toBeHidden();
    await header.getByLabel("Menu").click();
    await header.getByRole("link", { name: "Sources" }).click();
    await expect(page).toHaveURL(/\/sources$/);
    // The menu closes on the new page.
    await expect(header.getByRole("link", { name: "Sources" })).toBeHidden();
  });

  test("the contents are a drawer of the sections with their first words", async ({ page }) => {
    await page.goto(PROGRAM);
    const sections = page.getByRole("navigation", { name: "Sections" });
    await expect(sections).toBeHidden();
    const button = page.locator("details[data-contents-drawer] > summary");
    await expect(button).toBeInViewport();
    await button.click();
    await expect(sections).toBeVisible();
    const link = sections.getByRole("link", { name: /^15a\. \S+/ });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/#section-15a$/);
    await expect(page.locator("#section-15a")).toBeInViewport();
    await expect(sections).toBeHidden();
    // Escape closes it too, and gives the focus back to its button.
    await button.click();
    await expect(sections).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(sections).toBeHidden();
    await expect(button).toBeFocused();
  });

  test("the queue's filters fold into a panel", async ({ page }) => {
    // Signed in on a wide screen, where the header shows the name that signIn waits for.
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "e2e-moderator", { redirectTo: "/moderation" });
    await page.setViewportSize({ width: 390, height: 844 });
    const form = page.getByRole("form", { name: "Filter the queue" });
    await expect(form).toBeHidden();
    await page.locator("details[data-filter-panel] > summary").click();
    await expect(form).toBeVisible();
    await expect(form.getByLabel("Reason")).toBeVisible();
  });
});

test("at 1280 px the admin's header is one row and the queue's filters are open", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "e2e-admin", { redirectTo: "/moderation" });
  const header = page.getByRole("banner");
  await expect(header.getByRole("navigation", { name: "Admin" })).toBeVisible();
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(72);
  await expect(page.getByRole("form", { name: "Filter the queue" })).toBeVisible();
});
