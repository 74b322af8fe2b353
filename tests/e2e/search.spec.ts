import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PROGRAM_SLUG } from "./seed";

/** A full-page screenshot, and at phone width also the first screenful, which stays legible when viewed whole. */
async function screenshot(page: Page, path: string, width: number) {
  await page.screenshot({ path: `${path}-${width}.png`, fullPage: true });
  if (width < 640) await page.screenshot({ path: `${path}-${width}-top.png` });
}

/** Nothing sticks out sideways: the page fits the window it is shown in. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("searching for a word shows highlighted results, filters them by type and leads to the anchored section", async ({ page }, testInfo) => {
  await page.goto("/search");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(main.getByRole("heading", { name: "What are you looking for?" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("search-prompt.png") });

  const form = main.getByRole("search");
  await form.getByLabel("Search the archive").fill("Xinjiang");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=Xinjiang$/);
  await expect(main.getByText(/^\d+ results for “Xinjiang”$/)).toBeVisible();
  await expect(main.locator("mark", { hasText: /^Xinjiang$/ }).first()).toBeVisible();

  const tabs = main.getByRole("navigation", { name: "Result types" });
  await expect(tabs.getByRole("link", { name: /^All \d+$/ })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: /^Sections \d+$/ }).click();
  await expect(page).toHaveURL(/\/search\?q=Xinjiang&kind=sections$/);
  await expect(tabs.getByRole("link", { name: /^Sections \d+$/ })).toHaveAttribute("aria-current", "page");
  const section4 = main.getByRole("article").filter({ has: page.getByRole("link", { name: "Section 4", exact: true }) });
  await expect(section4.getByText("Section", { exact: true })).toBeVisible();
  await expect(section4.locator("mark", { hasText: "Xinjiang" }).first()).toBeVisible();

  await section4.getByRole("link", { name: "Section 4", exact: true }).click();
  await expect(page).toHaveURL(`/episodes/${PROGRAM_SLUG}#section-4`);
  await expect(page.locator("#section-4")).toBeInViewport();
});

test("a query that matches nothing says so, and a program number finds the program", async ({ page }, testInfo) => {
  await page.goto("/search?q=%26%7C%3A*");
  await expect(page.getByRole("main").getByText("Nothing matches “&|:*”.")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("search-no-results.png") });

  await page.goto("/search?q=FTR%20%23863");
  const first = page.getByRole("main").getByRole("article").first();
  await expect(first.getByText("Episode", { exact: true })).toBeVisible();
  await expect(first.getByRole("link", { name: /^FTR #863 9\/11, The Muslim Brotherhood/ })).toHaveAttribute("href", `/episodes/${PROGRAM_SLUG}`);
});

test("the sources library leads to a book's page and every section that cites it", async ({ page }) => {
  await page.goto("/sources");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  const books = main.getByRole("region", { name: /^Books/ });
  await expect(books.getByText("5 citations")).toBeVisible();

  await main.getByRole("search").getByLabel("Find a source by title, author or outlet").fill("Reut");
  await main.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/sources\?q=Reut$/);
  await expect(main.getByRole("heading", { level: 2 })).toHaveText([/^Reuters/]);

  await page.goto("/sources");
  await books.getByRole("link", { name: "Dollars for Terror: The United States and Islam" }).click();
  await expect(page).toHaveURL(/\/sources\/\d+$/);
  await expect(main.getByRole("heading", { level: 1, name: "Dollars for Terror: The United States and Islam" })).toBeVisible();
  await expect(main.getByRole("heading", { level: 2, name: "Cited in 5 places" })).toBeVisible();
  const places = main.getByRole("link", { name: /^Section \d+/ });
  await expect(places).toHaveText(["Section 4 p. 10", "Section 5 p. 10", "Section 6 pp. 10–11", "Section 7 p. 11", "Section 8 p. 11"]);
  await expect(places.first()).toHaveAttribute("href", `/episodes/${PROGRAM_SLUG}#section-4`);
});

for (const width of [390, 1280]) {
  test(`search, the library and a source page fit a ${width}px window`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/search?q=Xinjiang");
    await expect(page.locator("mark").first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await screenshot(page, testInfo.outputPath("search"), width);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: testInfo.outputPath(`search-dark-${width}.png`) });
    await page.emulateMedia({ colorScheme: "light" });

    await page.goto("/sources");
    await expect(page.getByRole("main").getByRole("region", { name: /^Books/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await screenshot(page, testInfo.outputPath("sources"), width);

    await page.getByRole("link", { name: "ISIS claims responsibility for attack in busy Moscow-area concert venue that left at least 40 dead" }).click();
    await expect(page.getByRole("main").getByRole("link", { name: /^Comment #1 by Pterrafractyl/ })).toHaveAttribute(
      "href",
      // ?c= finds the discussion page that holds it, wherever it is (ADR 0034).
      `/episodes/${PROGRAM_SLUG}?c=1#comment-1`,
    );
    await expectNoSidewaysScroll(page);
    await screenshot(page, testInfo.outputPath("source-article"), width);

    await page.goto("/sources");
    await page.getByRole("link", { name: "Dollars for Terror: The United States and Islam" }).click();
    await expect(page.getByRole("main").getByRole("link", { name: "Section 6 pp. 10–11" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await screenshot(page, testInfo.outputPath("source-book"), width);
  });
}
