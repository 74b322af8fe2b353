-- Evidence that holds (docs/claims.md, "Evidence", ADR 0030): whether each proposed source's quote is in
-- the source's text, snapshots of the cited pages it was checked against, and when a page went away.
CREATE TYPE "QuoteCheckStatus" AS ENUM ('pending', 'exact', 'approximate', 'not_found', 'unreachable', 'uncheckable');

ALTER TABLE "Source" ADD COLUMN "unreachableSince" TIMESTAMP(3),
    ADD COLUMN "unreachableReason" TEXT;

CREATE TABLE "SourceSnapshot" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "title" TEXT,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "byteLength" INTEGER NOT NULL,
    "truncated" BOOLEAN NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceSnapshot_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SourceSnapshot_sourceId_fetchedAt_idx" ON "SourceSnapshot"("sourceId", "fetchedAt");

ALTER TABLE "SourceSnapshot" ADD CONSTRAINT "SourceSnapshot_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "QuoteCheck" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "status" "QuoteCheckStatus" NOT NULL DEFAULT 'pending',
    "textKind" TEXT,
    "exact" TEXT,
    "prefix" TEXT,
    "suffix" TEXT,
    "differences" JSONB,
    "errors" INTEGER,
    "before" TEXT,
    "after" TEXT,
    "jumpUrl" TEXT,
    "snapshotId" INTEGER,
    "reason" TEXT,
    "lostAt" TIMESTAMP(3),
    "checkedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteCheck_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "QuoteCheck_proposalId_key" ON "QuoteCheck"("proposalId");
CREATE INDEX "QuoteCheck_status_idx" ON "QuoteCheck"("status");
CREATE INDEX "QuoteCheck_snapshotId_idx" ON "QuoteCheck"("snapshotId");

ALTER TABLE "QuoteCheck" ADD CONSTRAINT "QuoteCheck_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "SourceProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "QuoteCheck" ADD CONSTRAINT "QuoteCheck_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "SourceSnapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;
