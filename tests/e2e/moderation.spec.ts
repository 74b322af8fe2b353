import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { prisma } from "../../app/utils/db.server";
import { signIn, submit } from "./helpers";
import { PROGRAM_SLUG } from "./seed";

const output = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.output");
const created: { claims: number[] } = { claims: [] };

/** Flags a passage as the episode page's form does (a plain form post, answered by a redirect to the claim). */
async function flagAs(page: Page, fields: Record<string, string>) {
  const response = await page.request.post("/claims?index", { form: { intent: "flag-claim", reason: "no_source", ...fields } });
  expect(response.status()).toBe(200);
  const id = Number(/\/claims\/(\d+)$/.exec(response.url())?.[1]);
  expect(id).toBeGreaterThan(0);
  created.claims.push(id);
  return id;
}

/** The page at desktop and phone widths, and in the dark scheme on a phone, for a person to look at. */
async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(output, `${name}-${width}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(output, `${name}-390-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.afterAll(async () => {
  // Leave the shared database as the other journeys expect it: no claims, no member-made sources.
  await prisma.claim.deleteMany({ where: { id: { in: created.claims } } });
  await prisma.source.deleteMany({ where: { createdById: { not: null }, proposals: { none: {} } } });
  await prisma.$disconnect();
});

test("a moderator takes a flagged claim, dismisses it with a reason, and finds it in the public log", async ({ page, browser }) => {
  const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: PROGRAM_SLUG }, select: { id: true } });
  const comment = await prisma.comment.findFirstOrThrow({ where: { episodeId: episode.id, ordinal: 3 }, select: { id: true } });
  const section = await prisma.section.findFirstOrThrow({ where: { episodeId: episode.id, label: "4" }, select: { id: true, plainText: true } });

  // Two readers flag the same words of comment 3; the member also flags a passage of section 4 and proposes a source.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, "e2e-member");
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "e2e-admin");
  const claimId = await flagAs(member, { targetType: "comment", targetId: String(comment.id), exact: "who appears to be from Tajikistan" });
  expect(await flagAs(admin, { targetType: "comment", targetId: String(comment.id), exact: "appears to be from Tajikistan", reason: "other", note: "Which of the four?" })).toBe(claimId);
  const sectionClaim = await flagAs(member, { targetType: "section", targetId: String(section.id), exact: section.plainText.slice(0, 60).trim() });

  await member.goto(`/claims/${sectionClaim}`);
  const form = member.getByRole("region", { name: "Propose a source" });
  await form.getByLabel("Web address").fill("https://www.taipeitimes.com/News/editorials/archives/2024/03/30/2003815580");
  await form.getByLabel("Title").fill("Why ISIS attacked Russia — and why Moscow blames Kyiv");
  await form.getByLabel(/^Outlet/).fill("Taipei Times");
  await form.getByLabel(/^Date/).fill("2024-03-30");
  await form.getByLabel("The passage of the source that supports the claim").fill("All of the alleged Crocus City Hall attackers are from Tajikistan.");
  await submit(form.getByRole("button", { name: "Propose this source" }));
  await expect(member.getByRole("status")).toHaveText("Thank you: your source is proposed. A moderator will review it.");
  await expect(member.getByRole("region", { name: "Proposed sources" })).toContainText("Waiting for a moderator");

  // The queue: moderators only.
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fmoderation$/);
  await signIn(page, "e2e-moderator", { redirectTo: "/moderation" });
  await expect(page.getByRole("heading", { level: 1, name: "Moderation queue" })).toBeVisible();
  const card = page.getByRole("article", { name: `Claim #${claimId}` });
  await expect(card).toContainText("who appears to be from Tajikistan");
  await expect(card).toContainText("2 flaggers");
  await expect(card).toContainText("Which of the four?");
  await expect(page.getByRole("article", { name: `Claim #${sectionClaim}` })).toContainText("Taipei Times");
  // The most flagged claim comes before the one flagged once (other journeys' claims share this queue).
  const order = await page
    .getByRole("article")
    .evaluateAll((cards) => cards.map((card) => Number(document.getElementById(card.getAttribute("aria-labelledby") ?? "")?.textContent?.match(/Claim #(\d+)/)?.[1])));
  expect(order).toContain(claimId);
  expect(order.indexOf(claimId)).toBeLessThan(order.indexOf(sectionClaim));

  await submit(card.getByRole("button", { name: "I’m on it" }));
  await expect(page.getByRole("status")).toHaveText(`You are on claim #${claimId}: the other moderators see it.`);
  await expect(card).toContainText("You are on it");
  await screenshots(page, "moderation-queue");

  // A decision needs a reason; the form says so beside the field.
  await card.getByRole("radio", { name: /^Dismiss/ }).check();
  await card.getByRole("button", { name: "Apply decision" }).click();
  await expect(card.getByLabel(/^Reason/)).toHaveAccessibleDescription("Give a reason: it is shown in the claim's history and the moderation log.");
  await card.getByLabel(/^Reason/).fill("Describes what a video shows; not a claim that needs a source");
  await card.getByRole("radio", { name: /^Dismiss/ }).check();
  await submit(card.getByRole("button", { name: "Apply decision" }));
  await expect(page.getByRole("status")).toHaveText(`Claim #${claimId} is now dismissed.`);
  await expect(page.getByRole("article", { name: `Claim #${claimId}` })).toHaveCount(0);

  // The public log names the action and the reason; the moderator sees names, readers see "a moderator".
  await page.getByRole("main").getByRole("link", { name: "moderation log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderation log" })).toBeVisible();
  const entry = page.getByRole("listitem").filter({ hasText: `dismissed claim #${claimId}` });
  await expect(entry).toContainText("e2e-moderator");
  await expect(entry).toContainText("Describes what a video shows; not a claim that needs a source");
  await member.goto("/moderation/log");
  await expect(member.getByRole("listitem").filter({ hasText: `dismissed claim #${claimId}` })).toContainText(`A moderator dismissed claim #${claimId} in `);

  // The claim's public page: state, history with the reason.
  await entry.getByRole("link", { name: `claim #${claimId}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Claim #${claimId}: citation required` })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Open → Dismissed");
  await expect(history).toContainText("Describes what a video shows; not a claim that needs a source");
  await screenshots(page, "claim-dismissed");
  await page.goto(`/claims/${sectionClaim}`);
  await screenshots(page, "claim-source-proposed");
});
