-- The UTS #39 confusables skeleton of each name (app/utils/names.ts), filled by the app for rows that have
-- none yet. A new name that shares a skeleton with an existing one is refused as a look-alike.
ALTER TABLE "User" ADD COLUMN "nameSkeleton" TEXT;
ALTER TABLE "ImportedAuthor" ADD COLUMN "nameSkeleton" TEXT;

CREATE INDEX "User_nameSkeleton_idx" ON "User"("nameSkeleton");
CREATE INDEX "ImportedAuthor_nameSkeleton_idx" ON "ImportedAuthor"("nameSkeleton");
