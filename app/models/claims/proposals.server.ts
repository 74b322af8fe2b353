// Proposing a source for an open claim: from the library, or a new one that joins the library under its
// identity (docs/decisions/0008). Proposing moves the claim to `source_proposed`; a moderator decides.
import type { ClaimState, Prisma } from "@prisma/client";
import { sourceKey } from "~/import/sources";
import { queueQuoteCheck } from "~/models/evidence.server";
import { PUBLIC_CLAIM } from "~/models/presenters/claim.server";
import { SOURCE_SELECT } from "~/models/source.server";
import { prisma } from "~/utils/db.server";
import { ClaimError, ensurePermitted, isOpen, settledError, type ClaimActor, type Tx } from "./shared.server";

export type ClaimSource = Prisma.SourceGetPayload<{ select: typeof SOURCE_SELECT }>;

export type NewSource = { url: string; title: string; outlet: string | null; date: string | null };

/**
 * The new source a member typed is already in the library (the same address, normalised): it is shown
 * to them, and attached only when they confirm it (`confirmSourceId`). Nothing is written meanwhile.
 */
export class SourceMatchError extends ClaimError {
  constructor(public readonly source: ClaimSource) {
    super(`This address is already in the library as source #${source.id}. Check that it is the source you mean, then confirm.`, 409);
  }
}

/**
 * A source typed in by a member joins the library under its identity (docs/decisions/0008): with an
 * address, the normalised URL, so a title never attaches it to another page. The same address already in
 * the library is attached only once the member confirmed that source; two members adding it at the same
 * moment never collide (the second is shown the first one's source).
 */
async function findOrCreateSource(tx: Tx, source: NewSource, createdById: number, confirmSourceId: number | undefined) {
  const fields = {
    kind: source.outlet ? ("article" as const) : ("web" as const),
    title: source.title,
    authors: [],
    outlet: source.outlet,
    date: source.date,
    year: source.date ? Number(source.date.slice(0, 4)) : null,
    isbn: null,
    url: source.url,
  };
  const key = sourceKey(fields);
  const existing = await tx.source.findUnique({ where: { key }, select: SOURCE_SELECT });
  if (existing) {
    if (existing.id === confirmSourceId) return existing.id;
    throw new SourceMatchError(existing);
  }
  const created = await tx.source.createMany({
    data: [{ ...fields, key, date: source.date ? new Date(`${source.date}T00:00:00Z`) : null, createdById }],
    skipDuplicates: true,
  });
  const row = await tx.source.findUnique({ where: { key }, select: SOURCE_SELECT });
  if (!row) throw new ClaimError("The source could not be saved. Please try again.", 409);
  // Someone added the same address a moment ago: show it, as if it had been there before.
  if (created.count === 0 && row.id !== confirmSourceId) throw new SourceMatchError(row);
  return row.id;
}

/**
 * A member proposes a source for an open claim: one from the library (`sourceId`) or a new one
 * (`newSource`), with the passage that supports the claim. The claim moves to `source_proposed`.
 */
export async function proposeSource({
  user,
  claimId,
  sourceId,
  newSource,
  confirmSourceId,
  quote,
}: {
  user: ClaimActor;
  claimId: number;
  sourceId?: number;
  newSource?: NewSource;
  /** The library's source the member confirmed when their new source matched it. */
  confirmSourceId?: number;
  quote: string;
}) {
  ensurePermitted(user, "claim:propose-source");
  if (quote.trim() === "") throw new ClaimError("Quote the passage of the source that supports the claim.", 400);
  if ((sourceId === undefined) === (newSource === undefined)) throw new ClaimError("Choose a source from the library or enter a new one.", 400);
  return prisma.$transaction(async (tx) => {
    const visible = await tx.claim.findFirst({ where: { id: claimId, ...PUBLIC_CLAIM }, select: { id: true } });
    if (!visible) throw new ClaimError("That claim does not exist.", 404);
    // The claim's row is locked until this transaction ends: a moderator deciding at the same moment
    // waits, then finds the version changed; a second proposer waits, then sees this proposal.
    const [claim] = await tx.$queryRaw<{ state: ClaimState; version: number }[]>`
      SELECT state::text AS state, version FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
    if (!claim) throw new ClaimError("That claim does not exist.", 404);
    if (!isOpen(claim.state)) throw await settledError(tx, claimId, "Sources can be proposed only while a claim is open.");

    let chosen: number;
    if (sourceId !== undefined) {
      const source = await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } });
      if (!source) throw new ClaimError(`The library has no source number ${sourceId}.`, 404);
      chosen = source.id;
    } else {
      chosen = await findOrCreateSource(tx, newSource!, user.id, confirmSourceId);
    }
    const already = await tx.sourceProposal.findFirst({ where: { claimId, sourceId: chosen, status: "pending" }, select: { id: true } });
    if (already) throw new ClaimError("That source is already proposed for this claim.", 409);

    const proposal = await tx.sourceProposal.create({
      data: { claimId, sourceId: chosen, proposedById: user.id, quote: quote.trim() },
      select: { id: true },
    });
    // The quote is checked against the source by a job, after the answer (docs/claims.md, "Evidence").
    await queueQuoteCheck(tx, proposal.id);
    // Proposing is not a moderator decision: it changes the version only when it changes the state.
    if (claim.state === "open") {
      await tx.claim.update({ where: { id: claimId }, data: { state: "source_proposed", version: { increment: 1 } }, select: { id: true } });
    }
    await tx.claimEvent.create({
      data: { claimId, actorId: user.id, action: "source-proposed", fromState: claim.state, toState: "source_proposed", reason: null },
      select: { id: true },
    });
    return { proposalId: proposal.id, claimId, sourceId: chosen, state: "source_proposed" as const };
  });
}

/** Sources a proposer can pick without searching: those cited in the claim's episode (sections and visible comments). */
export async function listEpisodeSources(episodeId: number) {
  return prisma.source.findMany({
    where: { citations: { some: { OR: [{ section: { episodeId } }, { comment: { episodeId, status: "visible" } }] } } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true, outlet: true, publisher: true, kind: true },
  });
}
