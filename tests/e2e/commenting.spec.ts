import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { followLink, signIn, signUp as signUpAs, submit } from "./helpers";
import { PROGRAM_SLUG } from "./seed";

const EPISODE = `/episodes/${PROGRAM_SLUG}`;

// Other journeys count the seed's nine comments: remove what these journeys posted.
test.afterAll(async () => {
  const { prisma } = await import("../../app/utils/db.server");
  for (let pass = 0; pass < 10; pass++) {
    const removed = await prisma.comment.deleteMany({ where: { format: "markdown", replies: { none: {} } } });
    if (removed.count === 0) break;
  }
});

function signUp(page: Page, username: string) {
  return signUpAs(page, username, { redirectTo: EPISODE });
}

function comment(page: Page, ordinal: number | string) {
  return page.locator(`article#comment-${ordinal}`);
}

/** The comment whose text is `text`, found among the replies shown under comment `ordinal`. */
function replyUnder(page: Page, ordinal: number | string, text: string) {
  return page.locator(`li:has(> article#comment-${ordinal}) > details article`, { hasText: text });
}

test("a member signs up, comments, replies to comment 3, edits the reply, and finds it nested after a reload", async ({ page }) => {
  const username = `reader${Date.now() % 100000}`;
  await signUp(page, username);
  await expect(page).toHaveURL(new RegExp(`${EPISODE}$`));
  // A marker that a full page load would erase.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await page.getByLabel("Add a comment").fill("A first comment, with **emphasis**.");
  await submit(page.getByRole("button", { name: "Post comment" }));
  const mine = page.locator("article", { hasText: "A first comment, with emphasis." });
  await expect(mine).toBeVisible();
  await expect(mine.locator("strong")).toHaveText("emphasis");

  const third = comment(page, 3);
  await third.getByText("Reply", { exact: true }).click();
  await third.getByLabel("Reply to Pterrafractyl").fill("A reply to the third comment.");
  await submit(third.getByRole("button", { name: "Post reply" }));
  await expect(replyUnder(page, 3, "A reply to the third comment.")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  const reply = replyUnder(page, 3, "A reply to the third comment.");
  await reply.getByText("Edit", { exact: true }).click();
  await reply.getByRole("textbox").fill("A reply to the third comment, edited.");
  await submit(reply.getByRole("button", { name: "Save changes" }));
  await expect(replyUnder(page, 3, "A reply to the third comment, edited.")).toBeVisible();
  // Saved, the edit form closes.
  await expect(replyUnder(page, 3, "A reply to the third comment, edited.").getByRole("button", { name: "Save changes" })).toBeHidden();

  await page.reload();
  const edited = replyUnder(page, 3, "A reply to the third comment, edited.");
  await expect(edited).toBeVisible();
  await expect(edited.getByRole("link", { name: "edited" })).toBeVisible();
  await expect(edited.getByRole("heading", { name: username })).toBeVisible();

  await submit(page.getByRole("button", { name: "Sign out" }));
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reply is a plain form post that lands nested under its parent", async ({ page }) => {
    const username = `nojs${Date.now() % 100000}`;
    await signUp(page, username);
    await page.goto(EPISODE);
    const third = comment(page, 3);
    await third.getByText("Reply", { exact: true }).click();
    await third.getByLabel("Reply to Pterrafractyl").fill("A reply sent without JavaScript.");
    await third.getByRole("button", { name: "Post reply" }).click();
    await expect(page).toHaveURL(/#comment-L\d+$/);
    await expect(replyUnder(page, 3, "A reply sent without JavaScript.")).toBeVisible();
  });

  test("an empty comment is refused with the message next to the field", async ({ page }) => {
    await signUp(page, `empty${Date.now() % 100000}`);
    await page.goto(EPISODE);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Write your comment first.")).toBeVisible();
  });
});

test("markup in a comment is shown as text and never runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signUp(page, `xss${Date.now() % 100000}`);
  const payload = "<script>alert(1)</script><img src=x onerror=alert(1)>";
  await page.getByLabel("Add a comment").fill(payload);
  await submit(page.getByRole("button", { name: "Post comment" }));
  const posted = page.locator("article", { hasText: payload });
  await expect(posted).toBeVisible();
  await page.reload();
  await expect(page.locator("article", { hasText: payload })).toBeVisible();
  expect(await page.locator("article img[src='x']").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("the author of a comment is told of a reply by the bell, and marks it read", async ({ page, browser }) => {
  const author = `asker${Date.now() % 100000}`;
  await signUp(page, author);
  await page.getByLabel("Add a comment").fill("Does anyone have the original CNN article?");
  await submit(page.getByRole("button", { name: "Post comment" }));
  const question = page.locator("article", { hasText: "Does anyone have the original CNN article?" });
  await expect(question).toBeVisible();
  const ordinal = (await question.getAttribute("id"))!.replace("comment-", "");

  const other = await browser.newPage();
  await signIn(other, "e2e-member", { redirectTo: EPISODE });
  const target = other.locator(`article#comment-${ordinal}`);
  await target.getByText("Reply", { exact: true }).click();
  await target.getByLabel(`Reply to ${author}`).fill("It is cited under comment 1.");
  await submit(target.getByRole("button", { name: "Post reply" }));
  await expect(replyUnder(other, ordinal, "It is cited under comment 1.")).toBeVisible();
  await other.close();

  await page.reload();
  const bell = page.getByRole("link", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await followLink(bell, "/notifications");
  await expect(page.getByRole("link", { name: /e2e-member replied to your comment/ })).toBeVisible();
  await submit(page.getByRole("button", { name: "Mark all as read" }));
  await expect(page.getByText("You are up to date.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});
