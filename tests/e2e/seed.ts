// What the journeys start from: one account per role with a known password, and the seed documents.
import fs from "node:fs";
import path from "node:path";
import { importDocument } from "../../app/models/import/index.server";
import { createUser } from "../../app/models/users/index.server";

export const E2E_PASSWORD = "e2e-password-123";
export const PROGRAM_SLUG = "ftr-863-9-11-the-muslim-brotherhood-and-the-earth-island-boogie-part-2";
export const ARTICLE_SLUG = "taipei-times-why-isis-attacked-russia-and-why-moscow-blames-kyiv";

export async function seedE2eData() {
  for (const role of ["admin", "moderator", "member"] as const) {
    await createUser({ username: `e2e-${role}`, password: E2E_PASSWORD, role });
  }
  for (const file of fs.readdirSync("seeds").filter((name) => name.endsWith(".txt")).sort()) {
    await importDocument({ fileName: file, bytes: fs.readFileSync(path.join("seeds", file)) });
  }
}
