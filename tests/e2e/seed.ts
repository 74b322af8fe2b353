// What the journeys start from: the demo accounts with known passwords.
import { createUser } from "../../app/models/user.server";

export const E2E_PASSWORD = "e2e-password-123";

export async function seedE2eData() {
  for (const role of ["admin", "moderator", "member"] as const) {
    await createUser({ username: `e2e-${role}`, password: E2E_PASSWORD, role });
  }
}
