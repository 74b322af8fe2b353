// The `test` every journey uses: Playwright's, with one check added to each test — no Content-Security-Policy
// violation may show in the console of any page the test opened (its own page, and pages of browsers it
// started with `browser.newPage()` or `browser.newContext()`). A blocked script means a broken page.
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };

const CSP_MESSAGE = /Content Security Policy|Content-Security-Policy/i;

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watchPage = (page: Page) => {
        page.on("console", (message) => {
          if (CSP_MESSAGE.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
        });
      };
      const watchContext = (watched: BrowserContext) => {
        watched.pages().forEach(watchPage);
        watched.on("page", watchPage);
      };
      watchContext(context);
      const { newContext, newPage } = browser;
      browser.newContext = async function (this: Browser, ...args) {
        const created = await newContext.apply(this, args);
        watchContext(created);
        return created;
      };
      browser.newPage = async function (this: Browser, ...args) {
        const created = await newPage.apply(this, args);
        watchPage(created);
        return created;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
        browser.newPage = newPage;
      }
      expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
