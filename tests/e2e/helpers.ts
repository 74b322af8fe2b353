// Steps that several journeys share.
import { expect, type Page } from "@playwright/test";
import { E2E_PASSWORD } from "./seed";

export type SeededUsername = "e2e-admin" | "e2e-moderator" | "e2e-member";

/**
 * Signs in through the sign-in form, as a reader would, and waits for the header to show the name.
 * Every call spends one of the 50 sign-in attempts an address has per 15 minutes (app/utils/rate-limit.server.ts).
 */
export async function signIn(page: Page, username: SeededUsername, { redirectTo = "/" }: { redirectTo?: string } = {}) {
  await page.goto(`/login?${new URLSearchParams({ redirectTo })}`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner").getByText(username, { exact: true })).toBeVisible();
}

/** Creates an account through the sign-up form and waits for the header to show it. */
export async function signUp(page: Page, username: string, { redirectTo = "/" }: { redirectTo?: string } = {}) {
  await page.goto(`/signup?${new URLSearchParams({ redirectTo })}`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("a long enough password");
  await page.getByLabel("Confirm password").fill("a long enough password");
  await page.getByRole("button", { name: /create account|sign up/i }).click();
  await expect(page.getByRole("banner").getByText(username, { exact: true })).toBeVisible();
}
