// Steps that several journeys share.
import { expect, type Locator, type Page } from "@playwright/test";
import { BUDGETS } from "./budgets";
import { E2E_PASSWORD } from "./seed";

export type SeededUsername = "e2e-admin" | "e2e-moderator" | "e2e-member";

/**
 * Clicks a form's submit button, as a reader does, and waits for what the reader waits for: the answer to that
 * submission (its POST, sent by Remix's fetch or as a document), then, with JavaScript, until Remix has nothing
 * in flight (it reloads the page's data after an action). The journey then expects the element it needs.
 * For forms that reach the server only: a form the browser refuses to send would never be answered.
 */
export async function submit(button: Locator) {
  const page = button.page();
  const origin = new URL(page.url()).origin;
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.url().startsWith(origin), {
    timeout: BUDGETS.navigation,
  });
  await button.click();
  const response = await answered;
  await settled(page);
  return response;
}

/**
 * Follows a link as a reader does, clicking again when nothing happened: a click that lands while the page
 * hydrates was seen lost on a busy machine (CI, 2026-11-30: no request followed it in the trace). Waits for
 * the page to be at `pathname`.
 */
export async function followLink(link: Locator, pathname: string) {
  const page = link.page();
  await expect(async () => {
    if (new URL(page.url()).pathname !== pathname) await link.click();
    await expect(page).toHaveURL((url) => url.pathname === pathname, { timeout: 5_000 });
  }).toPass({ timeout: BUDGETS.navigation });
}

/** The page's document is parsed and Remix has no navigation, revalidation or fetcher in flight (or the page runs no script). */
export async function settled(page: Page) {
  await page.waitForLoadState("domcontentloaded", { timeout: BUDGETS.navigation });
  // A page whose scripts do not run (javaScriptEnabled: false) has no Remix: its document is all there is.
  if (!(await page.evaluate(() => "__remixContext" in window))) return;
  await page.waitForFunction(
    () => {
      type State = { navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }> };
      const router = (window as unknown as { __remixRouter?: { state: State } }).__remixRouter;
      if (!router) return true;
      const { navigation, revalidation, fetchers } = router.state;
      return navigation.state === "idle" && revalidation === "idle" && [...fetchers.values()].every((fetcher) => fetcher.state === "idle");
    },
    null,
    { timeout: BUDGETS.navigation },
  );
}

/**
 * Signs in through the sign-in form, as a reader would, and waits for the header to show the name.
 * Every call spends one of the 50 sign-in attempts an address has per 15 minutes (app/utils/rate-limit.server.ts).
 */
export async function signIn(page: Page, username: SeededUsername, { redirectTo = "/" }: { redirectTo?: string } = {}) {
  await page.goto(`/login?${new URLSearchParams({ redirectTo })}`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await submit(page.getByRole("button", { name: "Sign in" }));
  // In the header once signed in: shown at desktop widths, inside the closed menu on a phone.
  await expect(page.getByRole("banner").getByText(username, { exact: true })).toBeAttached();
}

/** Creates an account through the sign-up form and waits for the header to show it. */
export async function signUp(page: Page, username: string, { redirectTo = "/" }: { redirectTo?: string } = {}) {
  await page.goto(`/signup?${new URLSearchParams({ redirectTo })}`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("a long enough password");
  await page.getByLabel("Confirm password").fill("a long enough password");
  await submit(page.getByRole("button", { name: /create account|sign up/i }));
  // In the header once signed in: shown at desktop widths, inside the closed menu on a phone.
  await expect(page.getByRole("banner").getByText(username, { exact: true })).toBeAttached();
}
