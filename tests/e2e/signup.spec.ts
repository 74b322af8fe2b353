import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "./fixtures";
import { submit } from "./helpers";

const output = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.output");

// Sign-ups from one address are limited to 5 an hour (app/utils/rate-limit.server.ts), and every journey
// comes from 127.0.0.1: only completed sign-ups count, so forms with mistakes are free, accounts are not.

test("a reader signs up from the header and lands signed in where they were", async ({ page }) => {
  await page.goto("/?page=1");
  const header = page.getByRole("banner");
  await header.getByRole("link", { name: "Sign up" }).click();

  await expect(page).toHaveURL(/\/signup\?redirectTo=%2F%3Fpage%3D1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign up" })).toBeVisible();
  await page.getByLabel("Username").fill("e2e-newcomer");
  await page.getByLabel("Password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Confirm password").fill("a brand new passphrase");
  await page.getByLabel(/^Email/).fill("Newcomer@Example.org");
  await submit(page.getByRole("button", { name: "Create account" }));

  await expect(page).toHaveURL(/\/\?page=1$/);
  await expect(header.getByText("e2e-newcomer", { exact: true })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(header.getByRole("link", { name: "Sign up" })).toHaveCount(0);
  // A member has no admin links.
  await expect(header.getByRole("navigation", { name: "Admin" })).toHaveCount(0);

  // Signed in for real, with a public profile.
  await page.goto("/users/e2e-newcomer");
  await expect(page.getByRole("heading", { level: 1, name: "e2e-newcomer" })).toBeVisible();
  await expect(page.getByText("e2e-newcomer has not commented yet.")).toBeVisible();
  await expect(header.getByText("e2e-newcomer", { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(output, "profile-390.png"), fullPage: true });

  // The names under imported comments are not accounts.
  const missing = await page.goto("/users/Dave%20Emory");
  expect(missing?.status()).toBe(404);
  await expect(page.getByText("Imported authors have no profile.", { exact: false })).toBeVisible();
});

test("mistakes show beside their fields, the typed values stay and the passwords are cleared", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Username").fill("E2E-Member");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByLabel(/^Email/).fill("not-an-email");
  await page.getByRole("button", { name: "Create account" }).click();

  const username = page.getByLabel("Username");
  await expect(username).toHaveAccessibleDescription(/^That username is taken\. Choose another\./);
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toBeFocused();
  await expect(username).toHaveValue("E2E-Member");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/^A password has at least 10 characters\./);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Confirm password")).toHaveAccessibleDescription("The two passwords do not match.");
  await expect(page.getByLabel("Confirm password")).toHaveValue("");
  await expect(page.getByLabel(/^Email/)).toHaveAccessibleDescription(/^Enter an email address such as name@example\.org/);
  await expect(page.getByLabel(/^Email/)).toHaveValue("not-an-email");

  // The name of an imported author is refused with its own message.
  await username.fill("Dave Emory");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(username).toHaveAccessibleDescription(/^That name belongs to an imported author\./);
  await page.screenshot({ path: path.join(output, "sign-up-errors-1280.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(output, "sign-up-errors-1280-dark.png"), fullPage: true });
});

test("the sign-in and sign-up pages link to each other", async ({ page }) => {
  await page.goto("/signup?redirectTo=%2F%3Fpage%3D1");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\?redirectTo=%2F%3Fpage%3D1$/);
  await page.getByRole("banner").getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/signup\?redirectTo=%2F%3Fpage%3D1$/);
});

test("the sign-up page at phone and desktop widths", async ({ page }) => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/signup");
    await expect(page.getByRole("heading", { level: 1, name: "Sign up" })).toBeVisible();
    // The hidden bot trap is neither visible nor reachable.
    await expect(page.locator('input[name="website"]')).not.toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(output, `sign-up-${width}.png`), fullPage: true });
  }
});
