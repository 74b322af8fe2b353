// The claims marked inline in the text of the episode page, by position in each target's canonical text.
import { Prisma } from "@prisma/client";
import { claimVisibleToSql, graceCutoff } from "~/models/presenters/claim.server";
import { anchorQuote } from "~/utils/anchoring";
import { commentCanonicalText } from "~/utils/canonical-text.server";
import { prisma, sqlRows } from "~/utils/db.server";
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

type ClaimRow = {
  id: number;
  targetType: "section" | "comment";
  sectionId: number | null;
  commentId: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  state: string;
  flaggerCount: number;
  acceptedSourceId: number | null;
  targetRevision: number;
  /** The revision its section or comment has now. */
  currentRevision: number | null;
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
  // Raw SQL with the presenter's SQL twin of the visibility rule, and the targets' revisions in the same
  // statement: every signed-in page asks, and a model query of this shape costs Prisma a millisecond or
  // more of the main thread to compile (ADR 0040); sent past Prisma, prepared (ADR 0045).
  const rows = await sqlRows<ClaimRow>(Prisma.sql`
    SELECT c.id, c."targetType"::text AS "targetType", c."sectionId", c."commentId", c.exact, c.prefix, c.suffix,
           c.start, c."end", c.state::text AS state, c."flaggerCount", c."acceptedSourceId", c."targetRevision",
           COALESCE(target_section.revision, target_comment.revision) AS "currentRevision"
    FROM "Claim" c
    LEFT JOIN "Section" target_section ON target_section.id = c."sectionId"
    LEFT JOIN "Comment" target_comment ON target_comment.id = c."commentId"
    WHERE c."episodeId" = ${episodeId}::int
      AND c.state IN (${Prisma.join(MARKED_STATES.map((state) => Prisma.sql`${state}::"ClaimState"`))})
      AND c."anchorStatus" <> 'orphaned'::"AnchorStatus"
      AND (c."sectionId" = ANY(${sectionIds}::int[]) OR c."commentId" = ANY(${commentIds}::int[]))
      AND ${claimVisibleToSql(viewer, cutoff ?? (await graceCutoff()))}
    ORDER BY c.start ASC, c.id ASC`);
  // A claim whose target changed since it was anchored is found again by its quote (below).
  const stale = new Set(rows.filter((row) => row.targetRevision !== row.currentRevision));
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
