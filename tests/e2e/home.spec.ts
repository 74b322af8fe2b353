import { expect, test } from "./fixtures";

test("the home page shows the archive with its header and the imported episodes", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("banner").getByText("Footnote")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "The archive" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^FTR #863 9\/11, The Muslim Brotherhood/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Why ISIS attacked Russia — and why Moscow blames Kyiv" })).toBeVisible();
  await expect(page.getByText("9 comments")).toBeVisible();
  // The stylesheet loaded: the header has its border and the body its background colour.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
  await page.screenshot({ path: testInfo.outputPath("home.png"), fullPage: true });
});

test("GET /healthz reports the database up", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, db: "up" });
});
