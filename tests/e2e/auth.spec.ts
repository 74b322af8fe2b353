import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "./fixtures";
import { signIn, submit } from "./helpers";
import { E2E_PASSWORD } from "./seed";

const output = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.output");

test("a member signs in from the header, lands back where they were, and signs out", async ({ page }) => {
  await page.goto("/?page=1");
  const header = page.getByRole("banner");
  await header.getByRole("link", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/login\?redirectTo=%2F%3Fpage%3D1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Username").fill("e2e-member");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await submit(page.getByRole("button", { name: "Sign in" }));

  await expect(page).toHaveURL(/\/\?page=1$/);
  await expect(header.getByText("e2e-member", { exact: true })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  // Members carry no role badge.
  await expect(header.getByText(/^(moderator|admin)$/i)).toHaveCount(0);

  await submit(header.getByRole("button", { name: "Sign out" }));
  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header.getByText("e2e-member", { exact: true })).toHaveCount(0);
  // Signed out for real, not only in the page on screen.
  await page.reload();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a wrong password shows the message on the form and keeps the username", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill("e2e-member");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("alert")).toHaveText("The username or password is incorrect.");
  await expect(page.getByLabel("Username")).toHaveValue("e2e-member");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("an empty form names each missing field beside it", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription("Enter your username.");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Username")).toBeFocused();
});

test("a moderator sees the role badge beside their name", async ({ page }) => {
  await signIn(page, "e2e-moderator");
  const header = page.getByRole("banner");
  await expect(header.getByText("moderator", { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(output, "header-moderator-390.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(output, "header-moderator-1280.png") });
});

test("the sign-in page at phone and desktop widths", async ({ page }) => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    // The form fits the screen: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(output, `sign-in-${width}.png`), fullPage: true });
  }
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your username.")).toBeVisible();
  await page.screenshot({ path: path.join(output, "sign-in-errors-1280.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(output, "sign-in-errors-1280-dark.png"), fullPage: true });
});

test("a POST from another site is refused before it reaches the app", async ({ request, baseURL }) => {
  const foreign = await request.post("/logout", { headers: { Origin: "https://evil.example" }, form: { scope: "everywhere" } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe("Cross-site request refused.");

  const opaque = await request.post("/login", { headers: { Origin: "null" }, form: { username: "e2e-member" } });
  expect(opaque.status()).toBe(403);

  const own = await request.post("/logout", { headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(own.status()).toBe(303);
  expect(own.headers()["location"]).toBe("/");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain HTML forms sign in, show a wrong password, and sign out", async ({ page }) => {
    await page.goto("/login?redirectTo=%2F%3Fpage%3D1");
    await page.getByLabel("Username").fill("e2e-admin");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("The username or password is incorrect.");
    await expect(page.getByLabel("Username")).toHaveValue("e2e-admin");

    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/\?page=1$/);
    const header = page.getByRole("banner");
    await expect(header.getByText("e2e-admin", { exact: true })).toBeVisible();
    await expect(header.getByText("admin", { exact: true })).toBeVisible();

    await header.getByRole("button", { name: "Sign out" }).click();
    await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});
