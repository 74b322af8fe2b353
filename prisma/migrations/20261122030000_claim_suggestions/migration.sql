-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('pending', 'promoted', 'discarded');

-- CreateTable
CREATE TABLE "ClaimSuggestion" (
    "id" SERIAL NOT NULL,
    "episodeId" INTEGER NOT NULL,
    "sectionId" INTEGER,
    "commentId" INTEGER,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "signals" TEXT[],
    "status" "SuggestionStatus" NOT NULL DEFAULT 'pending',
    "targetRevision" INTEGER NOT NULL,
    "claimId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ClaimSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimSuggestion_status_score_id_idx" ON "ClaimSuggestion"("status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "ClaimSuggestion_episodeId_status_score_id_idx" ON "ClaimSuggestion"("episodeId", "status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "ClaimSuggestion_sectionId_status_idx" ON "ClaimSuggestion"("sectionId", "status");

-- CreateIndex
CREATE INDEX "ClaimSuggestion_commentId_status_idx" ON "ClaimSuggestion"("commentId", "status");

-- CreateIndex
CREATE INDEX "ClaimSuggestion_decidedById_idx" ON "ClaimSuggestion"("decidedById");

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSuggestion" ADD CONSTRAINT "ClaimSuggestion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

