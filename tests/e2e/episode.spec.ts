import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { prisma } from "../../app/utils/db.server";
import { ARTICLE_SLUG, PROGRAM_SLUG } from "./seed";

const PROGRAM = `/episodes/${PROGRAM_SLUG}`;

/** The ring a targeted comment gets (CSS :target), as the browser computed it. */
async function ringOf(page: Page, anchor: number | string) {
  return page.locator(`#comment-${anchor}`).evaluate((element) => getComputedStyle(element).boxShadow);
}

test("the program page reads like the original: header, highlights, contents and numbered sections", async ({ page }) => {
  await page.goto(PROGRAM);
  await expect(page).toHaveTitle(/^FTR #863 9\/11, The Muslim Brotherhood/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("FTR #863 9/11, The Muslim Brotherhood and the Earth Island Boogie, Part 2");
  await expect(page.getByText("For The Record · FTR #863")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Program Highlights" })).toBeVisible();
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toMatch(new RegExp(`/episodes/${PROGRAM_SLUG}$`));

  // The contents lead to each section.
  const contents = page.getByRole("navigation", { name: "Sections" });
  await contents.getByRole("link", { name: /^15a\./ }).click();
  await expect(page).toHaveURL(/#section-15a$/);
  await expect(page.locator("#section-15a")).toBeInViewport();

  // A program that is not in the archive is a link to the search.
  const reference = page.locator("#section-16").getByRole("link", { name: "FTR #842" });
  await expect(reference).toHaveAttribute("href", "/search?q=FTR+%23842");
  // "FTR #‘s 833, 824" is two links.
  await expect(page.locator("#section-15b p").getByRole("link")).toHaveText(["FTR #‘s 833", "824"]);

  // Citation cards name the source and link to its page; back-references say so. Their words are drawn
  // from data-ui-text, outside the claim text (ADR 0019), so they are read from there and from the links' names.
  const card = page.locator("#section-2").getByRole("link", { name: "Chechen Jihadists Join Ukraine’s Fighters" });
  await expect(card).toHaveAttribute("href", /^\/sources\/\d+$/);
  await expect(card).toHaveAttribute("data-ui-text", "“Chechen Jihadists Join Ukraine’s Fighters”");
  await expect(page.locator('#section-2 [data-ui-text="Anna Nemtsova · The Daily Beast · September 4, 2015"]')).toBeVisible();
  await expect(page.locator("#section-6").getByRole("link", { name: "Same source as above" })).toBeVisible();
  await expect(page.locator('#section-6 [data-ui-text="· pp. 10–11"]')).toBeVisible();
});

test("every comment of the original page is reachable at #comment-N and stands out when targeted", async ({ page }) => {
  await page.goto(`${PROGRAM}#comment-1`);
  const untargeted = await ringOf(page, 4);
  for (const ordinal of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
    // Each time a fresh load of the link, as when it is followed from another site.
    await page.goto("about:blank");
    await page.goto(`${PROGRAM}#comment-${ordinal}`);
    const comment = page.locator(`#comment-${ordinal}`);
    await expect(comment).toBeInViewport();
    expect(await ringOf(page, ordinal)).not.toBe(untargeted);
    const other = ordinal === 1 ? 4 : 1;
    expect(await ringOf(page, other)).toBe(untargeted);
  }
  // Following a comment's permalink (its number) on the page targets it too.
  const permalink = page.locator("#comment-5").getByRole("link", { name: "#5" });
  await expect(permalink).toHaveAttribute("href", "#comment-5");
  await permalink.click();
  await expect(page).toHaveURL(/#comment-5$/);
  await expect(page.locator("#comment-5")).toBeInViewport();
  expect(await ringOf(page, 5)).not.toBe(untargeted);
  expect(await ringOf(page, 9)).toBe(untargeted);
});

test.describe("times, for a reader in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("an imported comment keeps its printed time and gives the exact time in the reader's zone on hover", async ({ page }) => {
    await page.goto(PROGRAM);
    const time = page.locator("#comment-1 time");
    await expect(time).toHaveText("March 22, 2024, 5:57 pm");
    await expect(time).toHaveAttribute("title", "Saturday, March 23, 2024 at 9:57 AM GMT+9 (printed on the original page in America/Los_Angeles time)");
  });

  test("a profile says how long ago the member joined, with the exact time in the reader's zone on hover", async ({ page }) => {
    await page.goto("/users/e2e-member");
    const joined = page.getByText(/^Joined /).locator("time");
    await expect(joined).toHaveText(/^(just now|\d+ (minute|hour)s? ago)$/);
    await expect(joined).toHaveAttribute("title", / at \d{1,2}:\d{2} [AP]M GMT\+9$/);
  });
});

test("the discussion is threaded, with times as the original printed them, and replies collapse", async ({ page }) => {
  await page.goto(PROGRAM);
  await expect(page.getByRole("heading", { level: 3, name: "9 comments for “FTR #863 9/11, The Muslim Brotherhood and the Earth Island Boogie, Part 2”" })).toBeVisible();

  const first = page.locator("#comment-1");
  await expect(first.getByText("Pterrafractyl", { exact: true })).toBeVisible();
  await expect(first.getByText("imported", { exact: true })).toHaveAttribute("title", "Imported from the original page; not a Footnote account");
  const time = first.locator("time");
  await expect(time).toHaveText("March 22, 2024, 5:57 pm");
  await expect(time).toHaveAttribute("datetime", "2024-03-23T00:57:00.000Z");
  await expect(time).toHaveAttribute("title", /^\w+day, March 2[23], 2024 at .+ \(printed on the original page in America\/Los_Angeles time\)$/);

  // 3 replies to 2, which replies to 1: each sits inside its parent's replies.
  await expect(page.locator("#comment-1 + details #comment-2 + details #comment-3")).toHaveCount(1);
  await expect(page.locator("#comment-4 + details")).toHaveCount(0);

  // A URL in a comment is a link that passes no endorsement.
  const url = page.locator("#comment-2").getByRole("link", { name: "https://consortiumnews.com/2024/03/18/scott-ritter-the-cia-the-russian-fascists-who-fight-russia/" });
  await expect(url).toHaveAttribute("rel", "nofollow ugc noopener");
  expect(await url.getAttribute("target")).toBeNull();

  // Collapsing comment 1's replies hides 2 and 3; expanding shows them again. The keyboard works too.
  const toggle = page.locator("#comment-1 + details > summary");
  await expect(toggle).toHaveText("Hide 2 replies", { useInnerText: true });
  await toggle.click();
  await expect(page.locator("#comment-2")).toBeHidden();
  await expect(page.locator("#comment-3")).toBeHidden();
  await expect(toggle).toHaveText("Show 2 replies", { useInnerText: true });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#comment-2")).toBeVisible();
  await expect(toggle).toHaveText("Hide 2 replies", { useInnerText: true });
  // The inner toggle keeps its own words while the outer one changes.
  await expect(page.locator("#comment-2 + details > summary")).toHaveText("Hide 1 reply", { useInnerText: true });
});

test("the threads can be read newest first", async ({ page }) => {
  await page.goto(`${PROGRAM}#comments`);
  await page.getByRole("navigation", { name: "Order of comments" }).getByRole("link", { name: "Newest first" }).click();
  await expect(page).toHaveURL(/\?sort=newest#comments$/);
  await expect(page.getByRole("link", { name: "Newest first" })).toHaveAttribute("aria-current", "true");
  const ids = await page.locator("section[aria-labelledby=discussion-title] > ol > li > article").evaluateAll((articles) => articles.map((a) => a.id));
  expect(ids).toEqual(["comment-9", "comment-8", "comment-7", "comment-6", "comment-5", "comment-4", "comment-1"]);
  // A sort the page does not know is a readable error, not a crash.
  const response = await page.goto(`${PROGRAM}?sort=best`);
  expect(response?.status()).toBe(400);
  await expect(page.getByText("Comments can be sorted by “oldest” or “newest”.")).toBeVisible();
});

test("an unknown episode is a readable 404", async ({ page }) => {
  const response = await page.goto("/episodes/no-such-episode");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(page.getByText("No episode has the address “/episodes/no-such-episode”.")).toBeVisible();
});

test("the article page shows its outlet, byline and text", async ({ page }) => {
  await page.goto(`/episodes/${ARTICLE_SLUG}`);
  await expect(page.getByText("Taipei Times", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why ISIS attacked Russia — and why Moscow blames Kyiv");
  await expect(page.getByText("By Omar Ashour")).toBeVisible();
  await expect(page.getByText(/^The terrorist attack on the Crocus City Hall/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /^No comments yet/ })).toBeVisible();
});

test.describe("a discussion longer than a page", () => {
  const ARTICLE = `/episodes/${ARTICLE_SLUG}`;
  const FIRST = 5001;
  const THREADS = 60;

  // The article has no comments of its own: give it 60 threads (one with a reply) for these tests, and take them away after.
  test.beforeAll(async () => {
    const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: ARTICLE_SLUG }, select: { id: true } });
    const member = await prisma.user.findUniqueOrThrow({ where: { usernameKey: "e2e-member" }, select: { id: true } });
    const start = Date.UTC(2025, 0, 1);
    await prisma.comment.createMany({
      data: Array.from({ length: THREADS }, (_, index) => ({
        episodeId: episode.id,
        ordinal: FIRST + index,
        authorId: member.id,
        body: `Thread number ${FIRST + index}.`,
        postedAt: new Date(start + index * 60_000),
      })),
    });
    const last = await prisma.comment.findUniqueOrThrow({ where: { episodeId_anchor: { episodeId: episode.id, anchor: `L${FIRST + THREADS - 1}` } }, select: { id: true } });
    await prisma.comment.create({
      data: { episodeId: episode.id, ordinal: FIRST + THREADS, parentId: last.id, rootId: last.id, authorId: member.id, body: "A reply on the second page.", postedAt: new Date(start + THREADS * 60_000) },
    });
  });

  test.afterAll(async () => {
    const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: ARTICLE_SLUG }, select: { id: true } });
    await prisma.comment.deleteMany({ where: { episodeId: episode.id, parentId: { not: null } } });
    await prisma.comment.deleteMany({ where: { episodeId: episode.id } });
    await prisma.$disconnect();
  });

  const threads = (page: Page) => page.locator("section[aria-labelledby=discussion-title] > ol > li > article");

  test("shows 50 threads, then appends the next ones in place", async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { level: 3, name: /^61 comments for/ })).toBeVisible();
    await expect(threads(page)).toHaveCount(50);
    await expect(page.getByText("Threads 1–50 of 60")).toBeVisible();
    await page.getByRole("link", { name: "Load more comments" }).click();
    await expect(threads(page)).toHaveCount(60);
    await expect(page.getByText("Threads 1–60 of 60")).toBeVisible();
    // Appended, not navigated: the address is the same and the first threads are still there.
    expect(new URL(page.url()).search).toBe("");
    await expect(page.locator(`#comment-L${FIRST}`)).toBeAttached();
    await expect(page.locator(`#comment-L${FIRST + THREADS - 1} + details #comment-L${FIRST + THREADS}`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Load more comments" })).toHaveCount(0);
    // The reader continues where the new threads begin.
    await expect(page.getByRole("list", { name: "Comments, page 2" })).toBeFocused();
  });

  test("a permalink to a comment on a later page opens that page at the comment", async ({ page }) => {
    // Comments posted here are named L1, L2… (ADR 0034).
    const anchor = `L${FIRST + THREADS}`;
    await page.goto(`${ARTICLE}?c=${anchor}`);
    await expect(page).toHaveURL(new RegExp(`\\?cpage=2#comment-${anchor}$`));
    await expect(page.locator(`#comment-${anchor}`)).toBeInViewport();
    expect(await ringOf(page, anchor)).not.toBe(await ringOf(page, `L${FIRST + 50}`));
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("“Load more comments” is a link to the next page", async ({ page }) => {
      await page.goto(ARTICLE);
      await page.getByRole("link", { name: "Load more comments" }).click();
      await expect(page).toHaveURL(/\?cpage=2#comments$/);
      await expect(threads(page)).toHaveCount(10);
      await expect(page.getByText("Threads 51–60 of 60")).toBeVisible();
      await page.getByRole("link", { name: "← Earlier comments" }).click();
      await expect(threads(page)).toHaveCount(50);
    });

    test("replies collapse and expand", async ({ page }) => {
      await page.goto(PROGRAM);
      const toggle = page.locator("#comment-1 + details > summary");
      await toggle.click();
      await expect(page.locator("#comment-2")).toBeHidden();
      await expect(toggle).toHaveText("Show 2 replies", { useInnerText: true });
      await toggle.click();
      await expect(page.locator("#comment-2")).toBeVisible();
    });
  });
});

for (const [name, width, height] of [
  ["phone", 390, 844],
  ["desktop", 1280, 900],
] as const) {
  test(`on a ${name} (${width} px) nothing is wider than the screen; screenshots of the top and the discussion`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await page.goto(PROGRAM);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`episode-top-${width}.png`) });
    // A phone has the contents in a drawer; a wide screen beside the text.
    if (width < 1024) await page.locator("details[data-contents-drawer] > summary").click();
    await page.getByRole("navigation", { name: "Sections" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`episode-contents-${width}.png`) });
    if (width < 1024) await page.keyboard.press("Escape");
    await page.locator("#section-4").scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`episode-sections-${width}.png`) });
    await page.goto(`${PROGRAM}#comments`);
    await page.screenshot({ path: testInfo.outputPath(`episode-discussion-${width}.png`) });
    await page.goto("about:blank");
    await page.goto(`${PROGRAM}#comment-3`);
    await page.screenshot({ path: testInfo.outputPath(`episode-comment-3-${width}.png`) });
    await page.locator("#comment-1 + details > summary").scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`episode-replies-toggle-${width}.png`) });

    // Dark mode follows the system.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(PROGRAM);
    await page.screenshot({ path: testInfo.outputPath(`episode-top-dark-${width}.png`) });
    await page.goto("about:blank");
    await page.goto(`${PROGRAM}#comment-2`);
    await page.screenshot({ path: testInfo.outputPath(`episode-comment-2-dark-${width}.png`) });
  });
}
