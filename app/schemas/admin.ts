import { z } from "zod";
import { ROLES } from "~/utils/permissions";
import { PageQuerySchema } from "~/schemas/pagination";
import { freeText, idSchema, withoutControls } from "~/utils/input";

export const REASON_MAX_LENGTH = 500;
export const SEARCH_MAX_LENGTH = 100;

/** Every admin action says why: the reason goes into the moderation log with it. */
export const ReasonSchema = freeText(
  z
    .string({ error: "Give a reason: it goes into the moderation log." })
    .trim()
    .min(1, "Give a reason: it goes into the moderation log.")
    .max(REASON_MAX_LENGTH, `A reason has at most ${REASON_MAX_LENGTH} characters.`),
);

const SearchSchema = z
  .string()
  .trim()
  .max(SEARCH_MAX_LENGTH, `Search for at most ${SEARCH_MAX_LENGTH} characters.`)
  .optional()
  .transform((query) => query ?? "");

/** `/admin/users?q=…&page=…`; `manage` is the id of the user whose controls are open. */
export const AdminUsersQuerySchema = PageQuerySchema.extend({
  q: SearchSchema,
  manage: idSchema("Choose a user to manage by their id.").optional(),
});

export type AdminUsersQuery = z.infer<typeof AdminUsersQuerySchema>;

const UserIdSchema = z.coerce
  .number({ error: "Choose a user." })
  .int("Choose a user.")
  .positive("Choose a user.")
  .max(2_147_483_647, "Choose a user.");

export const ADMIN_USER_INTENTS = ["change-role", "suspend", "unsuspend"] as const;

export const AdminUserActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("change-role"),
      userId: UserIdSchema,
      role: z.enum(ROLES, { error: "Choose member, moderator or admin." }),
      reason: ReasonSchema,
    }),
    z.object({ intent: z.literal("suspend"), userId: UserIdSchema, reason: ReasonSchema }),
    z.object({ intent: z.literal("unsuspend"), userId: UserIdSchema, reason: ReasonSchema }),
  ],
  { error: "Choose an action: change role, suspend or unsuspend." },
);

export type AdminUserAction = z.infer<typeof AdminUserActionSchema>;

export const AdminAuthorsQuerySchema = PageQuerySchema.extend({ q: SearchSchema });

const AuthorIdSchema = z.coerce
  .number({ error: "Choose an imported author." })
  .int("Choose an imported author.")
  .positive("Choose an imported author.")
  .max(2_147_483_647, "Choose an imported author.");

export const AdminAuthorActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("link"),
      authorId: AuthorIdSchema,
      username: withoutControls(
        z
          .string({ error: "Enter the username of the account to link." })
          .trim()
          .min(1, "Enter the username of the account to link.")
          .max(64, "A username has at most 64 characters."),
        "A username",
      ),
      reason: ReasonSchema,
    }),
    z.object({ intent: z.literal("unlink"), authorId: AuthorIdSchema, reason: ReasonSchema }),
  ],
  { error: "Choose an action: link or unlink." },
);

export type AdminAuthorAction = z.infer<typeof AdminAuthorActionSchema>;
