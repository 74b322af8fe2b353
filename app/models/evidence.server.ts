// Evidence that holds (docs/claims.md, "Evidence"; ADR 0030): whether a proposed source's quote is really
// in the source. A text Footnote holds (an imported article) is read from the database; a web page is
// fetched by a job under the SSRF policy (app/utils/safe-fetch.server.ts), kept as a snapshot, and
// re-fetched on a schedule: a page gone or a quote no longer found is marked and comes up in the queue.
import { Prisma } from "@prisma/client";
import { sourceKey } from "~/import/sources";
import { enqueueJob } from "~/models/jobs.server";
import { prisma } from "~/utils/db.server";
import { findQuote, textFragmentUrl, type QuoteMatch } from "~/utils/quote-check";
import { readableText } from "~/utils/readable-text.server";
import { fetchCitedPage } from "~/utils/safe-fetch.server";

type Tx = Prisma.TransactionClient;

/** How often a cited page is fetched again while a pending or accepted proposal relies on it. */
export const RECHECK_INTERVAL_HOURS = 24;

/** What the queue, the claim page and the JSON read of a proposal's check. */
export const QUOTE_CHECK_SELECT = {
  status: true,
  textKind: true,
  exact: true,
  prefix: true,
  suffix: true,
  differences: true,
  before: true,
  after: true,
  jumpUrl: true,
  reason: true,
  lostAt: true,
  checkedAt: true,
  snapshot: { select: { fetchedAt: true, finalUrl: true, httpStatus: true, sha256: true, title: true, truncated: true, byteLength: true } },
  proposal: { select: { source: { select: { unreachableSince: true, unreachableReason: true } } } },
} as const satisfies Prisma.QuoteCheckSelect;

/** A new proposal's check: "checking…" until the job ran. Called in the proposal's transaction, so the job exists iff the proposal does. */
export async function queueQuoteCheck(tx: Tx, proposalId: number) {
  await tx.quoteCheck.create({ data: { proposalId }, select: { id: true } });
  await enqueueJob(tx, "check-quote", { proposalId }, { jobKey: `check-quote:proposal:${proposalId}` });
}

/** The text Footnote holds of a source, with where each part of it is read: an imported article's sections. */
async function knownTextOf(source: { key: string; kind: string; title: string; url: string | null }) {
  if (source.kind !== "article" || source.url) return null;
  const episodes = await prisma.episode.findMany({
    where: { kind: "article", title: source.title },
    select: { slug: true, title: true, author: true, publication: true, sections: { orderBy: { position: "asc" }, select: { label: true, plainText: true } } },
  });
  // The import made the article a source under this key (withArticleAsSource): the same key is the same article.
  const episode = episodes.find(
    (candidate) =>
      sourceKey({
        kind: "article",
        title: candidate.title,
        authors: candidate.author ? [candidate.author] : [],
        outlet: candidate.publication,
        date: null,
        year: null,
        isbn: null,
        url: null,
      }) === source.key,
  );
  if (!episode) return null;
  let text = "";
  const parts: { start: number; url: string }[] = [];
  for (const section of episode.sections) {
    if (text) text += "\n\n";
    parts.push({ start: text.length, url: `/episodes/${episode.slug}#section-${section.label}` });
    text += section.plainText;
  }
  return { text, urlAt: (offset: number) => parts.filter((part) => part.start <= offset).at(-1)?.url ?? `/episodes/${episode.slug}` };
}

function matchFields(match: QuoteMatch, jumpBase: (offset: number) => string) {
  if (match.status === "not_found") {
    return { status: "not_found" as const, exact: null, prefix: null, suffix: null, differences: Prisma.DbNull, errors: null, before: null, after: null, jumpUrl: null };
  }
  return {
    status: match.status,
    exact: match.selector.exact,
    prefix: match.selector.prefix,
    suffix: match.selector.suffix,
    differences: match.differences,
    errors: match.errors,
    before: match.before,
    after: match.after,
    jumpUrl: textFragmentUrl(jumpBase(match.start), match.selector.exact),
  };
}

type Snapshot = { id: number; text: string; finalUrl: string };

/**
 * Writes the check of `proposalId` against `snapshot`. A quote found before and not found now is "lost"
 * (since the first check that missed it); found again, it is not.
 */
async function recordWebCheck(proposalId: number, quote: string, snapshot: Snapshot) {
  const match = findQuote(snapshot.text, quote);
  const previous = await prisma.quoteCheck.findUnique({ where: { proposalId }, select: { status: true, lostAt: true } });
  const wasFound = previous?.status === "exact" || previous?.status === "approximate";
  const lostAt = match.status !== "not_found" ? null : wasFound ? new Date() : (previous?.lostAt ?? null);
  await prisma.$transaction(async (tx) => {
    await tx.quoteCheck.upsert({
      where: { proposalId },
      create: { proposalId, ...matchFields(match, () => snapshot.finalUrl), textKind: "web", snapshotId: snapshot.id, reason: null, lostAt, checkedAt: new Date() },
      update: { ...matchFields(match, () => snapshot.finalUrl), textKind: "web", snapshotId: snapshot.id, reason: null, lostAt, checkedAt: new Date() },
    });
    if (wasFound && match.status === "not_found") {
      await recordCheckFailed(tx, { proposalIds: [proposalId], reason: "The quoted words are no longer on the cited page." });
    }
  });
}

/**
 * A failed check of a source the claim relies on is an event in the claim's history (by Footnote, the state
 * unchanged), so its watchers are told (ADR 0035's trigger on ClaimEvent) and readers see when it happened.
 */
async function recordCheckFailed(tx: Tx, { proposalIds, sourceId, reason }: { proposalIds?: number[]; sourceId?: number; reason: string }) {
  const claims = await tx.claim.findMany({
    where: { proposals: { some: { status: { in: ["pending", "accepted"] }, ...(proposalIds ? { id: { in: proposalIds } } : { sourceId }) } } },
    select: { id: true, state: true },
  });
  for (const claim of claims) {
    const event = await tx.claimEvent.create({
      data: { claimId: claim.id, actorId: null, action: "source-check-failed", fromState: claim.state, toState: claim.state, reason },
      select: { id: true },
    });
    // The trigger on ClaimEvent queues this job for changes of state only; this event keeps the state.
    await enqueueJob(tx, "notify-claim-event", { eventId: event.id }, { jobKey: `notify-claim-event:${event.id}` });
  }
}

async function recordFailure(proposalId: number, status: "unreachable" | "uncheckable", reason: string, textKind: string | null) {
  const data = { status, reason, textKind, checkedAt: new Date() };
  await prisma.quoteCheck.upsert({ where: { proposalId }, create: { proposalId, ...data }, update: data });
}

/**
 * Fetches a source's page and keeps what it says as a snapshot; a page gone (404, 410, its host gone)
 * marks the source unreachable from then on, until a fetch reads it again. Other failures (timeouts,
 * server errors) are reported but mark nothing: a later check may not meet them.
 */
export async function snapshotSource(sourceId: number) {
  const source = await prisma.source.findUnique({ where: { id: sourceId }, select: { id: true, url: true } });
  if (!source?.url) return { ok: false as const, reason: "The source has no web address." };
  const page = await fetchCitedPage(source.url);
  if (!page.ok) {
    if (page.kind === "gone") {
      await prisma.$transaction(async (tx) => {
        const marked = await tx.source.updateMany({ where: { id: sourceId, unreachableSince: null }, data: { unreachableSince: new Date() } });
        await tx.source.update({ where: { id: sourceId }, data: { unreachableReason: page.reason }, select: { id: true } });
        // Told once, when the page goes; not again at every re-check that finds it still gone.
        if (marked.count === 1) await recordCheckFailed(tx, { sourceId, reason: `The cited page is gone: ${page.reason}` });
      });
    }
    return { ok: false as const, reason: page.reason, kind: page.kind };
  }
  const { title, text } = readableText(page.body, page.format);
  const snapshot = await prisma.$transaction(async (tx) => {
    await tx.source.update({ where: { id: sourceId }, data: { unreachableSince: null, unreachableReason: null }, select: { id: true } });
    return tx.sourceSnapshot.create({
      data: {
        sourceId,
        requestedUrl: page.requestedUrl,
        finalUrl: page.finalUrl,
        httpStatus: page.status,
        contentType: page.contentType,
        title,
        text,
        sha256: page.sha256,
        byteLength: page.byteLength,
        truncated: page.truncated,
      },
      select: { id: true, text: true, finalUrl: true },
    });
  });
  return { ok: true as const, snapshot };
}

/** The job "check-quote": checks one proposal's quote against its source's text. */
export async function checkProposalQuote(proposalId: number) {
  const proposal = await prisma.sourceProposal.findUnique({
    where: { id: proposalId },
    select: { id: true, quote: true, source: { select: { id: true, key: true, kind: true, title: true, url: true } } },
  });
  if (!proposal) return;
  const known = await knownTextOf(proposal.source);
  if (known) {
    const match = findQuote(known.text, proposal.quote);
    const data = { ...matchFields(match, known.urlAt), textKind: "footnote", snapshotId: null, reason: null, lostAt: null, checkedAt: new Date() };
    await prisma.quoteCheck.upsert({ where: { proposalId }, create: { proposalId, ...data }, update: data });
    return;
  }
  if (!proposal.source.url) {
    await recordFailure(proposalId, "uncheckable", "Footnote holds no text of this source and it has no web address to fetch.", null);
    return;
  }
  const fetched = await snapshotSource(proposal.source.id);
  if (fetched.ok) {
    await recordWebCheck(proposalId, proposal.quote, fetched.snapshot);
  } else {
    // The page cannot be read now: the last snapshot, if any, still says what it said.
    const last = await prisma.sourceSnapshot.findFirst({ where: { sourceId: proposal.source.id }, orderBy: [{ fetchedAt: "desc" }, { id: "desc" }], select: { id: true, text: true, finalUrl: true } });
    if (last) await recordWebCheck(proposalId, proposal.quote, last);
    else await recordFailure(proposalId, "unreachable", fetched.reason, "web");
  }
  await scheduleRecheck(prisma, proposal.source.id);
}

/** The next fetch of a source's page, RECHECK_INTERVAL_HOURS from now: one pending per source (its job key). */
async function scheduleRecheck(db: Tx | typeof prisma, sourceId: number) {
  await enqueueJob(db, "recheck-source", { sourceId }, { jobKey: `recheck-source:${sourceId}`, runAt: new Date(Date.now() + RECHECK_INTERVAL_HOURS * 3_600_000) });
}

/**
 * The job "recheck-source": fetches a cited page again and re-checks every pending or accepted proposal
 * that quotes it, then schedules the next re-check. Once no such proposal is left, the page is left alone.
 */
export async function recheckSource(sourceId: number) {
  const proposals = await prisma.sourceProposal.findMany({
    where: { sourceId, status: { in: ["pending", "accepted"] }, source: { url: { not: null } } },
    select: { id: true, quote: true },
  });
  if (proposals.length === 0) return;
  const fetched = await snapshotSource(sourceId);
  if (fetched.ok) {
    for (const proposal of proposals) await recordWebCheck(proposal.id, proposal.quote, fetched.snapshot);
  } else {
    // Never checked (its first fetch failed too): still unreachable, with the latest reason.
    await prisma.quoteCheck.updateMany({ where: { proposalId: { in: proposals.map((proposal) => proposal.id) }, status: "unreachable" }, data: { reason: fetched.reason, checkedAt: new Date() } });
  }
  await scheduleRecheck(prisma, sourceId);
}
