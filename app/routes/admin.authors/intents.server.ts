// Linking an imported author to an account and undoing it; each returns what the page says after it.
import { linkImportedAuthor, unlinkImportedAuthor } from "~/models/users/index.server";
import type { AdminAuthorAction } from "~/schemas/admin";

type Intent<Name extends AdminAuthorAction["intent"]> = Extract<AdminAuthorAction, { intent: Name }>;
type Admin = { id: number };

export async function link(admin: Admin, input: Intent<"link">) {
  const result = await linkImportedAuthor({ actorId: admin.id, ...input });
  return `${result.name}’s comments now show ${result.username} as their author.`;
}

export async function unlink(admin: Admin, input: Intent<"unlink">) {
  const result = await unlinkImportedAuthor({ actorId: admin.id, ...input });
  return `${result.name} is no longer linked${result.username ? ` to ${result.username}` : ""}: the comments show the imported name again.`;
}
