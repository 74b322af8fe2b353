-- Two numberings that never collide (ADR 0034): an imported comment is numbered by the original page
-- (#comment-10 is the original's 10th comment, for ever), a comment posted here by Footnote (#comment-L3).
-- `anchor` is the one name of a comment on its page: the fragment, `?c=`, feeds, search, notifications.

DROP INDEX "Comment_episodeId_ordinal_key";

-- An imported comment that was moved to another number because a local comment held its own takes it back.
UPDATE "Comment" SET "ordinal" = "originalOrdinal" WHERE "originalOrdinal" IS NOT NULL AND "ordinal" <> "originalOrdinal";

ALTER TABLE "Comment" ADD CONSTRAINT "Comment_imported_keeps_page_number"
  CHECK ("originalOrdinal" IS NULL OR "originalOrdinal" = "ordinal");

-- Local comments keep their digits and take the L: #14 posted here is now #L14.
ALTER TABLE "Comment" ADD COLUMN "anchor" TEXT NOT NULL
  GENERATED ALWAYS AS (CASE WHEN "originalOrdinal" IS NULL THEN 'L' || "ordinal"::text ELSE "ordinal"::text END) STORED;

CREATE UNIQUE INDEX "Comment_episodeId_anchor_key" ON "Comment"("episodeId", "anchor");

-- The next local number of an episode (MAX over its local comments).
CREATE INDEX "Comment_episodeId_local_ordinal_idx" ON "Comment"("episodeId", "ordinal") WHERE "originalOrdinal" IS NULL;
