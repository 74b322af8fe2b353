// The `test` every journey uses: Playwright's, with two things added to every page a test opens (its own page,
// and pages of browsers it started with `browser.newPage()` or `browser.newContext()`):
// - no Content-Security-Policy violation may show in its console: a blocked script means a broken page;
// - no hydration error either: React then throws the server's HTML away and renders the page again, which
//   hides a server render that was not the page (the shared fragments of ADR 0041 must be exactly it);
// - its navigations (goto, reload, back, forward, waitForURL) return at DOMContentLoaded — the document parsed
//   and its scripts run, so Remix hydrates on the first click — instead of `load`, which also waits for every
//   font and image of an 860 KB page. The journey then waits for the element it needs. A test may still pass
//   its own `waitUntil`.
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };

const CSP_MESSAGE = /Content Security Policy|Content-Security-Policy/i;
// React 18's production messages for a failed hydration: #418 (the HTML did not match), #423 (an error while
// hydrating, the root rendered again), #425 (text content did not match); and their development wording.
const HYDRATION_MESSAGE = /Minified React error #(418|423|425)\b|Hydration failed|error while hydrating|did not match\. Server/i;
const WAIT_UNTIL = "domcontentloaded" as const;

const navigating = new WeakSet<Page>();
function navigateAsAReader(page: Page) {
  if (navigating.has(page)) return;
  navigating.add(page);
  const { goto, reload, goBack, goForward, waitForURL } = page;
  page.goto = (url, options) => goto.call(page, url, { waitUntil: WAIT_UNTIL, ...options });
  page.reload = (options) => reload.call(page, { waitUntil: WAIT_UNTIL, ...options });
  page.goBack = (options) => goBack.call(page, { waitUntil: WAIT_UNTIL, ...options });
  page.goForward = (options) => goForward.call(page, { waitUntil: WAIT_UNTIL, ...options });
  page.waitForURL = (url, options) => waitForURL.call(page, url, { waitUntil: WAIT_UNTIL, ...options });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watchPage = (page: Page) => {
        navigateAsAReader(page);
        page.on("console", (message) => {
          if (CSP_MESSAGE.test(message.text()) || HYDRATION_MESSAGE.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
        });
        page.on("pageerror", (error) => {
          if (HYDRATION_MESSAGE.test(error.message)) violations.push(`${page.url()}: ${error.message}`);
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
      expect(violations, "Content-Security-Policy violations or hydration errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
