-- Imported comments keep the number they had on the page even when a comment posted here took it.
ALTER TABLE "Comment" ADD COLUMN "originalOrdinal" INTEGER;

UPDATE "Comment" SET "originalOrdinal" = "ordinal" WHERE "format" = 'imported';

CREATE UNIQUE INDEX "Comment_episodeId_originalOrdinal_key" ON "Comment"("episodeId", "originalOrdinal");
