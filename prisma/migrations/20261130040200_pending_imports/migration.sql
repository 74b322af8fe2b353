-- A previewed upload kept on the server until its admin confirms the import (or it expires), so the
-- confirmation refers to it by id instead of sending the file back.
CREATE TABLE "PendingImport" (
    "id" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingImport_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PendingImport_uploadedById_idx" ON "PendingImport"("uploadedById");
CREATE INDEX "PendingImport_expiresAt_idx" ON "PendingImport"("expiresAt");

ALTER TABLE "PendingImport" ADD CONSTRAINT "PendingImport_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
