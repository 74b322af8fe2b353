// The claims marked inline in the text of the episode page, by position in each target's canonical text.
import { claimVisibleTo, graceCutoff } from "~/models/presenters/claim.server";
import { anchorQuote } from "~/utils/anchoring";
import { commentCanonicalText } from "~/utils/canonical-text.server";
import { prisma } from "~/utils/db.server";
import { MARKED_STATES, type ClaimViewer } from "./shared.server";

export type ClaimMarker = {
  claimId: number;
  targetType: "section" | "comment";
  targetId: number;
  start: number;
  end: number;
  state: (typeof MARKED_STATES)[number];
  flaggerCount: number;
  acceptedSourceId: number | null;
};

/**
 * The claims to mark in the text of these sections and comments (open, source_proposed, sourced,
 * unsourced — not dismissed or removed, nor orphaned), by position in each target's canonical text.
 * Edits re-anchor claims as they are saved (reanchorClaims); a claim whose stored revision is still
 * behind its target's is found again by its quote, and left out when it is gone.
 */
export async function getClaimMarkers({
  episodeId,
  sectionIds,
  commentIds,
  viewer = null,
  cutoff,
}: {
  episodeId: number;
  sectionIds: number[];
  commentIds: number[];
  viewer?: ClaimViewer;
  /** The end of the grace period (graceCutoff); the cached page passes the one its version was read with. */
  cutoff?: Date;
}): Promise<ClaimMarker[]> {
  if (sectionIds.length === 0 && commentIds.length === 0) return [];
  const rows = await prisma.claim.findMany({
    where: {
      episodeId,
      state: { in: [...MARKED_STATES] },
      anchorStatus: { not: "orphaned" },
      AND: [
        { OR: [...(sectionIds.length ? [{ sectionId: { in: sectionIds } }] : []), ...(commentIds.length ? [{ commentId: { in: commentIds } }] : [])] },
        claimVisibleTo(viewer, cutoff ?? (await graceCutoff())),
      ],
    },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    select: {
      id: true,
      targetType: true,
      sectionId: true,
      commentId: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      state: true,
      flaggerCount: true,
      acceptedSourceId: true,
      targetRevision: true,
    },
  });
  if (rows.length === 0) return [];

  // The targets' current revisions, asked for only when there are claims (a relation select in the query
  // above would ask for them, twice, on every page, even for none).
  const sectionTargets = [...new Set(rows.flatMap((row) => (row.sectionId ? [row.sectionId] : [])))];
  const commentTargets = [...new Set(rows.flatMap((row) => (row.commentId ? [row.commentId] : [])))];
  const [sectionRevisions, commentRevisions] = await Promise.all([
    sectionTargets.length ? prisma.section.findMany({ where: { id: { in: sectionTargets } }, select: { id: true, revision: true } }) : [],
    commentTargets.length ? prisma.comment.findMany({ where: { id: { in: commentTargets } }, select: { id: true, revision: true } }) : [],
  ]);
  const revisions = new Map([
    ...sectionRevisions.map((section) => [`section:${section.id}`, section.revision] as const),
    ...commentRevisions.map((comment) => [`comment:${comment.id}`, comment.revision] as const),
  ]);
  const stale = new Set(rows.filter((row) => row.targetRevision !== revisions.get(`${row.targetType}:${(row.sectionId ?? row.commentId)!}`)));
  const texts = new Map<string, string>();
  if (stale.size) {
    const staleSections = [...new Set([...stale].flatMap((row) => (row.sectionId ? [row.sectionId] : [])))];
    const staleComments = [...new Set([...stale].flatMap((row) => (row.commentId ? [row.commentId] : [])))];
    const [sections, comments] = await Promise.all([
      staleSections.length ? prisma.section.findMany({ where: { id: { in: staleSections } }, select: { id: true, plainText: true } }) : [],
      staleComments.length ? prisma.comment.findMany({ where: { id: { in: staleComments } }, select: { id: true, format: true, body: true } }) : [],
    ]);
    for (const section of sections) texts.set(`section:${section.id}`, section.plainText);
    for (const comment of comments) texts.set(`comment:${comment.id}`, commentCanonicalText(comment));
  }

  const markers: ClaimMarker[] = [];
  for (const row of rows) {
    const targetId = (row.sectionId ?? row.commentId)!;
    let span = { start: row.start, end: row.end };
    if (stale.has(row)) {
      const text = texts.get(`${row.targetType}:${targetId}`);
      const found = text === undefined ? null : anchorQuote(text, { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start });
      if (!found) continue;
      span = found;
    }
    markers.push({
      claimId: row.id,
      targetType: row.targetType,
      targetId,
      start: span.start,
      end: span.end,
      state: row.state as ClaimMarker["state"],
      flaggerCount: row.flaggerCount,
      acceptedSourceId: row.acceptedSourceId,
    });
  }
  return markers;
}
