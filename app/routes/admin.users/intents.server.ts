// The admin's three forms on a user, one function per intent; each returns what the page says after it.
import { articledRole } from "~/models/presenters/user";
import { changeUserRole, suspendUser, unsuspendUser } from "~/models/users/index.server";
import type { AdminUserAction } from "~/schemas/admin";

type Intent<Name extends AdminUserAction["intent"]> = Extract<AdminUserAction, { intent: Name }>;
type Admin = { id: number };

export async function changeRole(admin: Admin, { userId, role, reason }: Intent<"change-role">) {
  const result = await changeUserRole({ actorId: admin.id, userId, role, reason });
  return `${result.username} is now ${articledRole(result.to)} (was ${articledRole(result.from)}).`;
}

export async function suspend(admin: Admin, { userId, reason }: Intent<"suspend">) {
  const result = await suspendUser({ actorId: admin.id, userId, reason });
  return `${result.username} is suspended and signed out everywhere.`;
}

export async function unsuspend(admin: Admin, { userId, reason }: Intent<"unsuspend">) {
  const result = await unsuspendUser({ actorId: admin.id, userId, reason });
  return `${result.username} is no longer suspended and may sign in again.`;
}
