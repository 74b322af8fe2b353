-- Claims: the moderation queue walked in index order one state at a time (and per episode), public
-- claim counts read from an index, and the few comments not shown found by their status.

-- DropIndex
DROP INDEX "Claim_episodeId_state_idx";

-- DropIndex
DROP INDEX "Claim_state_flaggerCount_createdAt_idx";

-- CreateIndex
CREATE INDEX "Claim_state_flaggerCount_createdAt_id_idx" ON "Claim"("state", "flaggerCount" DESC, "createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_episodeId_state_flaggerCount_createdAt_id_idx" ON "Claim"("episodeId", "state", "flaggerCount" DESC, "createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_state_commentId_idx" ON "Claim"("state", "commentId");

-- CreateIndex
CREATE INDEX "Comment_status_idx" ON "Comment"("status");

