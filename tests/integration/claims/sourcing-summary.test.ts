import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../../factories";
import { flag, pastGrace, seeded, commentFlag } from "./helpers";

describe("the sourcing summary", () => {
  it("counts an episode's claims by how they stand, in the archive, the API and the page", async () => {
    const seed = await seeded();
    const flagger = await signedIn("member");
    await flag(commentFlag(seed), flagger.cookie);
    await pastGrace(); // a claim on a comment is listed once its grace period is over (issue 10, item 5)
    const { getSourcingSummaries, listEpisodes } = await import("~/models/episode.server");
    const program = await prisma.episode.findFirstOrThrow({ where: { number: 863 }, select: { id: true, slug: true } });
    expect((await getSourcingSummaries([program.id])).get(program.id)).toEqual({ open: 1, sourced: 0, unsourced: 0, dismissed: 0, suggested: expect.any(Number) });
    const archive = await listEpisodes();
    expect(archive.episodes.find((episode) => episode.slug === program.slug)?.sourcing).toEqual({ open: 1, sourced: 0, unsourced: 0, dismissed: 0, suggested: expect.any(Number) });
    const { loader } = await import("~/routes/api.episodes.$slug");
    const response = await loader({ request: new Request(`http://localhost/api/episodes/${program.slug}`), params: { slug: program.slug }, context: { clientIp: "127.0.0.1" } });
    expect((await response.json()).sourcing).toEqual({ open: 1, sourced: 0, unsourced: 0, dismissed: 0, suggested: expect.any(Number) });
  });
});
