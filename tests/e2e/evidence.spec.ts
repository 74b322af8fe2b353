// Evidence that holds (issue 17): a member proposes the imported Taipei Times article for a claim; the
// quote is checked by a job after the answer (the server runs the queue), and the claim page shows the
// result once it is there. A quote that is not in the article waits on top of the queue, and a moderator
// must say why to accept it.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { prisma } from "../../app/utils/db.server";
import { signIn, submit } from "./helpers";
import { PROGRAM_SLUG } from "./seed";

const REAL = "ISIS’s way of waging war skillfully combines conventional, guerrilla and terrorist tactics.";
const TYPED_REAL = "ISIS's way of waging war skillfully combines conventional, guerrilla and terrorist tactics.";
const INVENTED = "The Kremlin admitted in April that its own agents had planned the Crocus City Hall attack.";
const created: { claims: number[] } = { claims: [] };

test.afterAll(async () => {
  // Leave the shared database as the other journeys expect it.
  await prisma.claim.deleteMany({ where: { id: { in: created.claims } } });
  await prisma.$disconnect();
});

/** Flags the first words of a section of the program, as the episode page's form does. */
async function flagSection(page: Page, position: number) {
  const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: PROGRAM_SLUG }, select: { id: true } });
  const section = await prisma.section.findFirstOrThrow({ where: { episodeId: episode.id }, orderBy: { position: "asc" }, skip: position, select: { id: true, plainText: true } });
  const exact = section.plainText.slice(0, section.plainText.indexOf(" ", 50)).trim();
  const response = await page.request.post("/claims?index", { form: { intent: "flag-claim", reason: "no_source", targetType: "section", targetId: String(section.id), exact } });
  expect(response.status()).toBe(200);
  const id = Number(/\/claims\/(\d+)$/.exec(response.url())?.[1]);
  created.claims.push(id);
  return id;
}

/** Proposes the imported article (by its number in the library, as a member finds it at /sources) with `quote`. */
async function proposeArticle(page: Page, claimId: number, quote: string) {
  await page.goto("/sources?q=Taipei");
  await page.getByRole("link", { name: "Why ISIS attacked Russia — and why Moscow blames Kyiv" }).first().click();
  await page.waitForURL(/\/sources\/\d+$/);
  const sourceId = page.url().match(/\/sources\/(\d+)/)![1]!;
  await page.goto(`/claims/${claimId}`);
  await page.getByLabel("Library source number").fill(sourceId);
  await page.getByLabel("The passage of the source that supports the claim").fill(quote);
  await submit(page.getByRole("button", { name: "Propose this source" }));
  await expect(page.getByRole("status").filter({ hasText: "your source is proposed" })).toBeVisible();
}

/** The proposal's check as the page shows it, reloading until the job has run (it says "checking…" meanwhile). */
async function checkResult(page: Page) {
  const proposals = page.getByRole("region", { name: "Proposed sources" });
  await expect(proposals.locator("[data-quote-check]")).toBeVisible();
  await expect
    .poll(async () => {
      const status = await proposals.locator("[data-quote-check]").first().getAttribute("data-quote-check");
      if (status === "checking") {
        await expect(proposals).toContainText("checking…");
        await page.reload();
      }
      return status;
    })
    .not.toBe("checking");
  return proposals;
}

test("a real sentence of the Taipei Times article is found in it; an invented one is not, and accepting it needs a reason", async ({ page, browser }) => {
  await signIn(page, "e2e-member");

  // 1. A real sentence, typed with a straight apostrophe: found exactly, with the article's text around it.
  const found = await flagSection(page, 10);
  await proposeArticle(page, found, TYPED_REAL);
  const proposals = await checkResult(page);
  await expect(proposals).toContainText("Quote found in the source ✓ (exact)");
  await expect(proposals.locator("mark")).toHaveText(REAL);
  await expect(proposals).toContainText("Thus, despite being widely hated, massively outnumbered");
  const jump = proposals.getByRole("link", { name: "Jump to the passage" });
  await expect(jump).toHaveAttribute("href", /^\/episodes\/taipei-times-why-isis-attacked-russia-and-why-moscow-blames-kyiv#section-body:~:text=/);

  // 2. An invented sentence: not found.
  const invented = await flagSection(page, 11);
  await proposeArticle(page, invented, INVENTED);
  await expect(await checkResult(page)).toContainText("Quote not found in the source ✗");

  // 3. The moderator finds it on top of the queue, and cannot accept it without saying why.
  const moderator = await browser.newPage();
  await signIn(moderator, "e2e-moderator", { redirectTo: "/moderation" });
  const first = moderator.getByRole("article").first();
  await expect(first).toHaveAccessibleName(`Claim #${invented}`);
  await expect(first).toContainText("Quote not found in the source ✗");
  await first.getByLabel(/Accept this source/).check();
  await first.getByLabel(/^Reason/).fill("The article supports it.");
  await submit(first.getByRole("button", { name: "Apply decision" }));
  const why = moderator.getByLabel(/Why accept a source whose quote was not found/);
  await expect(why).toHaveAccessibleDescription(/Quote not found in the source ✗\. Say why you accept it anyway/);
  await why.fill("The print edition of the article has this sentence.");
  await moderator.getByRole("article", { name: `Claim #${invented}` }).getByLabel(/Accept this source/).check();
  await submit(moderator.getByRole("article", { name: `Claim #${invented}` }).getByRole("button", { name: "Apply decision" }));
  await expect(moderator.getByRole("status").filter({ hasText: `Claim #${invented} is now sourced.` })).toBeVisible();
  await moderator.close();

  // The claim's public history says why.
  await page.goto(`/claims/${invented}`);
  await expect(page.getByRole("region", { name: "History" })).toContainText("accepted because: The print edition of the article has this sentence.");
});
