import { describe, expect, it } from "vitest";
import { createComment } from "~/models/comment.server";
import { flagClaim, getClaimMarkers, resolveClaim } from "~/models/claims/index.server";
import { listNotifications } from "~/models/notification.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../../factories";

const HOUR = 60 * 60 * 1000;

async function scene() {
  const episode = await prisma.episode.create({ data: { kind: "post", slug: "grace", title: "Grace" }, select: { id: true } });
  const author = await signedIn("member");
  const flagger = await signedIn("member");
  const reader = await signedIn("member");
  const moderator = await signedIn("moderator");
  const comment = await createComment({
    episodeId: episode.id,
    parentId: null,
    author: author.user,
    body: "The attack killed 137 people, the largest toll in two decades.",
  });
  const { claimId } = await flagClaim({
    user: { ...flagger.user, suspendedAt: null },
    target: { type: "comment", id: comment.id },
    exact: "The attack killed 137 people",
    reason: "no_source",
  });
  return { episode, author, flagger, reader, moderator, comment, claimId };
}

describe("the loop back to the author", () => {
  it("tells the comment's author at once that a claim in it was flagged", async () => {
    const { author, flagger, claimId } = await scene();
    const [notification] = await listNotifications(author.user);
    expect(notification).toMatchObject({ kind: "claim-flagged", actor: { username: flagger.user.username }, claim: { id: claimId } });
  });

  it("shows the marker to everyone only after the grace period (a controllable clock)", async () => {
    const { episode, comment, author, flagger, reader, moderator } = await scene();
    const markers = (viewer: { id: number; role: "member" | "moderator" } | null, now: Date) =>
      getClaimMarkers({ episodeId: episode.id, sectionIds: [], commentIds: [comment.id], viewer, cutoff: new Date(now.getTime() - 60 * 60 * 1000) });
    const soon = new Date(Date.now() + 10 * 60 * 1000);
    expect(await markers(null, soon)).toHaveLength(0);
    expect(await markers({ id: reader.user.id, role: "member" }, soon)).toHaveLength(0);
    // The author, the flagger and moderators see it during the grace period.
    expect(await markers({ id: author.user.id, role: "member" }, soon)).toHaveLength(1);
    expect(await markers({ id: flagger.user.id, role: "member" }, soon)).toHaveLength(1);
    expect(await markers({ id: moderator.user.id, role: "moderator" }, soon)).toHaveLength(1);
    const later = new Date(Date.now() + HOUR + 60 * 1000);
    expect(await markers(null, later)).toHaveLength(1);
  });

  it("tells the flaggers when their claim is settled", async () => {
    const { flagger, moderator, claimId } = await scene();
    await resolveClaim({ moderator: { ...moderator.user, suspendedAt: null }, claimId, version: 1, action: "mark-unsourced", reason: "No source was found." });
    const [notification] = await listNotifications(flagger.user);
    expect(notification).toMatchObject({ kind: "claim-resolved", claim: { id: claimId, state: "unsourced" } });
    expect(await listNotifications(moderator.user)).toEqual([]);
  });
});
