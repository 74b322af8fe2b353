// Issue 15, the signed-in page: Reply and "Flag a claim" sit under every comment, so their forms are rendered
// when opened, not with the page. Without JavaScript each is a link to the page with that one form open.
import { describe, expect, it } from "vitest";
import { importDocument } from "~/models/import/index.server";
import { signedIn } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";
import { testApp } from "../http";

const forms = (html: string) => html.match(/<form\b/g)?.length ?? 0;

describe("the comment forms of a signed-in page", () => {
  it("are links until opened, and the page a link leads to has that one form open", async () => {
    const app = await testApp();
    const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const { cookie } = await signedIn("member");
    const path = `/episodes/${episode.slug}`;

    const page = await (await app.get(path, { cookie })).text();
    expect(page).not.toContain('aria-label="Reply to Pterrafractyl"');
    expect(page).toContain(`href="${path}?reply=3#comment-3"`);
    expect(page).toContain(`href="${path}?flag=3#comment-3"`);

    const replying = await (await app.get(`${path}?reply=3`, { cookie })).text();
    expect(forms(replying)).toBe(forms(page) + 1);
    expect(replying).toMatch(/<label[^>]*>Reply to Pterrafractyl<\/label>/);

    const flagging = await (await app.get(`${path}?flag=3`, { cookie })).text();
    expect(forms(flagging)).toBe(forms(page) + 1);
    expect(flagging).toMatch(/<details open=""[^>]*><summary[^>]*>Flag a claim<\/summary>/);
  });

  it("are not offered to an anonymous reader, whose page is the same with or without ?reply=", async () => {
    const app = await testApp();
    const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const path = `/episodes/${episode.slug}`;
    const page = await (await app.get(path)).text();
    expect(page).not.toContain("?reply=");
    expect(await (await app.get(`${path}?reply=3`)).text()).toBe(page);
  });

  it("refuses a comment that is not a comment's name with a readable 400", async () => {
    const app = await testApp();
    const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const { cookie } = await signedIn("member");
    const response = await app.get(`/episodes/${episode.slug}?reply=3%3Cb%3E`, { cookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("A comment is named by its number");
  });
});
