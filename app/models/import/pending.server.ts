// Previewed uploads kept on the server until their admin confirms the import: the confirmation names
// them by id, so a file travels once (5 MB end to end) and only the admin who uploaded it can import it.
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { prisma } from "~/utils/db.server";

/** How long a preview stays importable. */
export const PENDING_IMPORT_LIFETIME_MS = 60 * 60 * 1000;

function newId() {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Keeps a previewed file for its uploader; expired previews of everyone are cleared on the way. */
export async function createPendingImport({
  uploadedById,
  fileName,
  bytes,
  timeZone,
}: {
  uploadedById: number;
  fileName: string;
  bytes: Uint8Array;
  timeZone: string;
}) {
  await deleteExpiredPendingImports();
  return prisma.pendingImport.create({
    data: {
      id: newId(),
      uploadedById,
      fileName,
      content: Buffer.from(bytes),
      timeZone,
      expiresAt: new Date(Date.now() + PENDING_IMPORT_LIFETIME_MS),
    },
    select: { id: true, fileName: true },
  });
}

/** The uploader's unexpired preview with this id, or null (someone else's, expired or already imported). */
export async function getPendingImport({ id, uploadedById }: { id: string; uploadedById: number }) {
  const pending = await prisma.pendingImport.findFirst({
    where: { id, uploadedById, expiresAt: { gt: new Date() } },
    select: { id: true, fileName: true, content: true, timeZone: true },
  });
  return pending && { ...pending, bytes: new Uint8Array(pending.content) };
}

export async function deletePendingImport({ id, uploadedById }: { id: string; uploadedById: number }) {
  await prisma.pendingImport.deleteMany({ where: { id, uploadedById } });
}

export async function deleteExpiredPendingImports() {
  await prisma.pendingImport.deleteMany({ where: { expiresAt: { lte: new Date() } } });
}
