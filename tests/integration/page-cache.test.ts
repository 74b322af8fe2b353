import { describe, expect, it } from "vitest";
import { createComment } from "~/models/comment.server";
import { importDocument } from "~/models/import/index.server";
import { loader } from "~/routes/episodes.$slug/route";
import { prisma } from "~/utils/db.server";
import { createTestUser, testContext } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

async function anonymousPage(slug: string) {
  const context: { clientIp: string; pageVersion?: string } = { ...testContext };
  const result = await loader({ request: new Request(`http://localhost/episodes/${slug}`), params: { slug }, context });
  const page = result as unknown as { data: { discussion: { comments: { ordinal: number; body: string }[] }; islands?: Record<string, string> }; init: { headers?: Record<string, string> } | null };
  // The version reaches the document renderer through the load context, never as a header.
  expect(Object.keys(page.init?.headers ?? {})).toEqual([]);
  return { ...page, version: context.pageVersion };
}

describe("the anonymous page cache", () => {
  it("serves the same version until something on the page changes, then never the stale one", async () => {
    const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const first = await anonymousPage(episode.slug);
    const again = await anonymousPage(episode.slug);
    expect(again.data).toBe(first.data); // reused, not rebuilt
    const version = first.version;
    expect(version).toMatch(/^\d+:$/); // the content version, and no claim in its grace period

    const ada = await createTestUser();
    await createComment({ episodeId: (await prisma.episode.findUniqueOrThrow({ where: { slug: episode.slug } })).id, parentId: null, author: ada, body: "Fresh news" });
    const after = await anonymousPage(episode.slug);
    expect(after.version).not.toBe(version);
    // The comment's text is in its island, which the data of a request that is not a document brings along.
    expect(after.data.discussion.comments.map((c) => after.data.islands?.[c.body] ?? "")).toContain('<div class="comment-markdown"><p>Fresh news</p>\n</div>');
  });

  it("changes the version when an imported author is linked to an account (the shown name changes)", async () => {
    const { episode } = await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
    const before = (await anonymousPage(episode.slug)).version;
    const dave = await createTestUser();
    await prisma.importedAuthor.update({ where: { name: "Dave Emory" }, data: { linkedUserId: dave.id } });
    expect((await anonymousPage(episode.slug)).version).not.toBe(before);
  });
});
