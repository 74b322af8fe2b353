import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, submit } from "./helpers";

const output = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.output");

/** Signs up a new member in a browser of their own, as they would; the page stays signed in as them. */
async function signUpInNewBrowser(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("member passphrase 123");
  await page.getByLabel("Confirm password").fill("member passphrase 123");
  await submit(page.getByRole("button", { name: "Create account" }));
  await expect(page.getByRole("banner").getByText(username, { exact: true })).toBeVisible();
  return page;
}

test("an admin makes a member a moderator and suspends another, each with a reason", async ({ page, browser }) => {
  const promoted = await signUpInNewBrowser(browser, "e2e-promote-me");
  const suspended = await signUpInNewBrowser(browser, "e2e-suspend-me");

  await signIn(page, "e2e-admin");
  const adminNav = page.getByRole("banner").getByRole("navigation", { name: "Admin" });
  await expect(adminNav.getByRole("link", { name: "Import" })).toHaveAttribute("href", "/admin/import");
  await adminNav.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  await page.getByLabel("Search by username or email").fill("e2e-");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=e2e-$/);
  const table = page.getByRole("table");
  await expect(table.getByRole("row", { name: /e2e-promote-me/ })).toContainText("member");

  // Promote.
  await page.getByRole("link", { name: "Manage e2e-promote-me" }).click();
  const panel = page.getByRole("region", { name: "Manage e2e-promote-me" });
  await expect(panel).toBeVisible();
  const roleForm = panel.getByRole("form", { name: "Change role" });
  await roleForm.getByLabel("New role").selectOption("moderator");
  await roleForm.getByRole("button", { name: "Change role" }).click();
  // The reason is required: the form says so beside the field.
  await expect(roleForm.getByLabel(/^Reason/)).toHaveAccessibleDescription("Give a reason: it goes into the moderation log.");
  await roleForm.getByLabel(/^Reason/).fill("Has flagged carefully for months");
  await submit(roleForm.getByRole("button", { name: "Change role" }));
  await expect(page.getByRole("status")).toHaveText(/e2e-promote-me is now a moderator \(was a member\)\./);
  await expect(table.getByRole("row", { name: /e2e-promote-me/ }).getByRole("cell").first()).toHaveText("moderator");
  await expect(roleForm.getByLabel(/^Reason/)).toHaveValue("");
  await page.getByRole("link", { name: "Dismiss" }).click();
  await expect(page.getByRole("status")).toHaveCount(0);

  // The promoted member sees their new role on their next page.
  await promoted.reload();
  await expect(promoted.getByRole("banner").getByText("moderator", { exact: true })).toBeVisible();

  // Suspend.
  await page.getByRole("link", { name: "Manage e2e-suspend-me" }).click();
  const suspendPanel = page.getByRole("region", { name: "Manage e2e-suspend-me" });
  const suspendForm = suspendPanel.getByRole("form", { name: "Suspend" });
  await suspendForm.getByLabel(/^Reason/).fill("Spam links in three threads");
  await submit(suspendForm.getByRole("button", { name: "Suspend" }));
  await expect(page.getByRole("status")).toHaveText(/e2e-suspend-me is suspended and signed out everywhere\./);
  await expect(table.getByRole("row", { name: /e2e-suspend-me/ })).toContainText(/suspended since/);
  await expect(suspendPanel.getByRole("form", { name: "Lift the suspension" })).toBeVisible();

  // The suspended member is signed out on their next page and cannot sign in again.
  await suspended.reload();
  await expect(suspended.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  // The admin's own row offers no way to demote or suspend themselves.
  await page.getByLabel("Search by username or email").fill("e2e-admin");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=e2e-admin$/);
  await page.getByRole("link", { name: "Manage e2e-admin" }).click();
  await expect(page.getByText("You cannot demote or suspend yourself", { exact: false })).toBeVisible();
  await expect(page.getByRole("form", { name: "Suspend" })).toHaveCount(0);

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/admin/users?q=e2e-");
    await expect(page.getByRole("table")).toBeVisible();
    // Only the table scrolls sideways on a phone, never the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(output, `admin-users-${width}.png`), fullPage: true });
    await page.getByRole("link", { name: "Manage e2e-suspend-me" }).click();
    await expect(page.getByRole("region", { name: "Manage e2e-suspend-me" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(output, `admin-users-manage-${width}.png`), fullPage: true });
    await page.goto("/admin/authors");
    await expect(page.getByRole("heading", { level: 1, name: "Imported authors" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(output, `admin-authors-${width}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/admin/users?q=e2e-");
  await page.screenshot({ path: path.join(output, "admin-users-1280-dark.png"), fullPage: true });

  // A moderator may not manage users.
  const forbidden = await promoted.goto("/admin/users");
  expect(forbidden?.status()).toBe(403);
  await expect(promoted.getByText("Your role does not allow this.")).toBeVisible();
  await promoted.context().close();
  await suspended.context().close();
});
