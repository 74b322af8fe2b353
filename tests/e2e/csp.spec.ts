// The Content-Security-Policy in a real browser: Remix's scripts run with the nonce (the page hydrates and
// navigates without a reload), and a script without it is blocked — which fails the test that met it
// (tests/e2e/fixtures.ts), as the second test shows by being expected to fail.
import { expect, test } from "./fixtures";
import { PROGRAM_SLUG } from "./seed";

test("the episode page hydrates under its CSP, served fresh and from the page cache", async ({ page }) => {
  for (let visit = 0; visit < 2; visit += 1) {
    const response = await page.goto(`/episodes/${PROGRAM_SLUG}?utm=${visit}`);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
    // Client-side navigation happens only when Remix's scripts ran: the window keeps its marker.
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
    await page.getByRole("banner").getByRole("link", { name: "Footnote" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "The archive" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
  }
});

test("an inline script without the nonce is blocked and fails the test", async ({ page }) => {
  test.fail(true, "the fixture must fail a test whose page reported a CSP violation");
  await page.goto("/");
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "document.title = 'injected'";
    document.body.append(script);
  });
  await expect(page).not.toHaveTitle("injected");
});
