// Issue 18's journey: member A watches FTR #863, member B comments, and A sees it — the bell's count, the
// notification, and (as the admin reads it at /admin/mail) the mail. The e2e server runs the job queue in
// its own process, so each step waits for what the reader would wait for: the page after a reload.
import { expect, test } from "./fixtures";
import { followLink, signIn, submit } from "./helpers";
import { PROGRAM_SLUG } from "./seed";

const EPISODE = `/episodes/${PROGRAM_SLUG}`;
const BODY = "A new comment for the watchers of this program.";

test.afterAll(async () => {
  const { prisma } = await import("../../app/utils/db.server");
  // Other journeys count the seed's nine comments.
  await prisma.comment.deleteMany({ where: { body: BODY } });
  await prisma.watch.deleteMany({});
});

test("A watches FTR #863, B comments, A sees the bell, the notification and the mail", async ({ page, browser }) => {
  const { prisma } = await import("../../app/utils/db.server");
  const username = `watcher${Date.now() % 100000}`;
  const email = `${username}@example.org`;

  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("a long enough password");
  await page.getByLabel("Confirm password").fill("a long enough password");
  await page.getByLabel(/e-?mail/i).fill(email);
  await submit(page.getByRole("button", { name: /create account|sign up/i }));
  await expect(page.getByRole("banner").getByText(username, { exact: true })).toBeVisible();

  // Mail immediately, once the address is verified by the link of the one mail sent before.
  await page.goto("/settings/notifications");
  await page.getByLabel(/^Immediately/).check();
  await submit(page.getByRole("button", { name: "Save mail choice" }));
  await submit(page.getByRole("button", { name: "Send me a verification link" }));
  const link = await expect
    .poll(async () => (await prisma.mail.findFirst({ where: { to: email, kind: "verify", sentAt: { not: null } }, select: { text: true } }))?.text ?? null)
    .not.toBeNull()
    .then(async () => (await prisma.mail.findFirstOrThrow({ where: { to: email, kind: "verify" }, select: { text: true } })).text);
  await page.goto(new URL(/https?:\/\/\S+\/mail\/verify\/\S+/.exec(link)![0]).pathname);
  await submit(page.getByRole("button", { name: `Confirm ${email}` }));
  await expect(page.getByRole("status")).toContainText(`${email} is verified`);

  await page.goto(EPISODE);
  await page.getByLabel("Notifications for this episode").selectOption("watching");
  await submit(page.getByRole("button", { name: "Set", exact: true }).first());
  await expect(page.getByLabel("Notifications for this episode")).toHaveValue("watching");

  const other = await browser.newContext();
  const b = await other.newPage();
  await signIn(b, "e2e-member", { redirectTo: EPISODE });
  await b.getByLabel("Add a comment").fill(BODY);
  await submit(b.getByRole("button", { name: "Post comment" }));
  await expect(b.locator("article", { hasText: BODY })).toBeVisible();
  await other.close();

  // The fan-out runs a moment after the comment: A reloads until the bell counts it.
  const bell = page.getByRole("link", { name: /^Notifications, 1 unread$/ });
  await expect
    .poll(async () => {
      await page.reload();
      return bell.count();
    })
    .toBe(1);
  await followLink(bell, "/notifications");
  await expect(page.getByRole("link", { name: /^e2e-member commented on FTR #863/ })).toBeVisible();
  await expect(page.getByText(BODY)).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "e2e-admin", { redirectTo: "/admin/mail" });
  await expect
    .poll(async () => {
      await admin.goto("/admin/mail");
      return admin.getByText(/^e2e-member commented on FTR #863/).count();
    })
    .toBe(1);
  await expect(admin.getByText(`to ${email}`).first()).toBeVisible();
  await adminContext.close();
});
