import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ARTICLE_SLUG, PROGRAM_SLUG } from "./seed";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

interface Check {
  name: string;
  /** The path to open; a function when it has to be looked up first. */
  path: string | ((page: Page) => Promise<string>);
  /** Only this part of the page is checked (the rest has its own check). */
  include?: string;
}

const CHECKS: Check[] = [
  { name: "the archive (home)", path: "/" },
  { name: "the FTR #863 program page", path: `/episodes/${PROGRAM_SLUG}` },
  // A permalinked comment is highlighted (:target), so its colours are checked in that state too.
  { name: "the FTR #863 discussion", path: `/episodes/${PROGRAM_SLUG}#comment-1`, include: "section[aria-labelledby='discussion-title']" },
  { name: "the Taipei Times article page", path: `/episodes/${ARTICLE_SLUG}` },
  {
    name: "the source page of Labeviere's “Dollars for Terror”",
    path: async (page) => {
      const response = await page.request.get("/api/sources?q=Dollars");
      expect(response.ok()).toBe(true);
      const { sources } = (await response.json()) as { sources: { title: string; path: string }[] };
      const book = sources.find((source) => source.title.startsWith("Dollars for Terror"));
      expect(book, "the seeded Labeviere book is listed by /api/sources").toBeDefined();
      return book!.path;
    },
  },
  { name: "search results for “Xinjiang”", path: "/search?q=Xinjiang" },
  { name: "sign in", path: "/login" },
  { name: "sign up", path: "/signup" },
];

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The violations a reader is stopped by (serious, critical), each with enough detail to find it in the markup. */
function blockingViolations(results: AxeResults) {
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 3).map((node) => `      ${node.target.join(" ")}\n        ${node.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`);
      const more = violation.nodes.length > 3 ? `\n      … and ${violation.nodes.length - 3} more` : "";
      return `  ${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.helpUrl}\n${nodes.join("\n")}${more}`;
    });
}

function describeChecks(scheme: "light" | "dark") {
  for (const check of CHECKS) {
    test(`${check.name} has no serious or critical WCAG 2.1 AA violations (${scheme})`, async ({ page }) => {
      const path = typeof check.path === "string" ? check.path : await check.path(page);
      const response = await page.goto(path);
      expect(response?.ok()).toBe(true);
      await expect(page.getByRole("main")).toBeVisible();
      let builder = new AxeBuilder({ page }).withTags(WCAG_AA);
      if (check.include) builder = builder.include(check.include);
      const violations = blockingViolations(await builder.analyze());
      expect(violations, `${path} in ${scheme} mode:\n${violations.join("\n")}`).toEqual([]);
    });
  }
}

test.describe("accessibility, light colour scheme", () => {
  test.use({ colorScheme: "light" });
  describeChecks("light");
});

test.describe("accessibility, dark colour scheme", () => {
  test.use({ colorScheme: "dark" });
  describeChecks("dark");
});
