import { z } from "zod";
import { withoutControls } from "~/utils/input";

// Generous bounds: sign-in must accept every account sign-up can create; they only stop absurd input.
export const USERNAME_MAX_LENGTH = 64;
export const PASSWORD_MAX_LENGTH = 1024;

export const SignInSchema = z.object({
  username: withoutControls(
    z
      .string({ error: "Enter your username." })
      .trim()
      .min(1, "Enter your username.")
      .max(USERNAME_MAX_LENGTH, `A username has at most ${USERNAME_MAX_LENGTH} characters.`),
    "A username",
  ),
  // Never trimmed: spaces may be part of a password.
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters.`),
  redirectTo: z.string().optional(),
});

export type SignIn = z.infer<typeof SignInSchema>;

export const SignOutSchema = z.object({
  /** `everywhere` ends every session of the user, on every device. */
  scope: z.enum(["this-device", "everywhere"], { error: "Choose where to sign out." }).default("this-device"),
});

export type SignOut = z.infer<typeof SignOutSchema>;

export const SIGN_UP_USERNAME_MIN_LENGTH = 3;
export const SIGN_UP_USERNAME_MAX_LENGTH = 32;
export const PASSWORD_MIN_LENGTH = 10;
export const EMAIL_MAX_LENGTH = 254;

/**
 * Names nobody may sign up with: they would pass for the site or its staff. Compared by `nameLookalikeKey`,
 * so "Mod_erator" is refused as well as "moderator".
 */
export const RESERVED_USERNAMES = [
  "admin",
  "administrator",
  "moderator",
  "moderators",
  "mod",
  "footnote",
  "system",
  "root",
  "staff",
  "support",
  "official",
  "anonymous",
  "unknown",
  "deleted",
] as const;

/** Case and the separators `_ - .` and spaces ignored: "Dave_Emory" and "dave emory" are the same name to a reader. */
export function nameLookalikeKey(name: string) {
  return name.toLowerCase().replace(/[\s_.-]+/g, "");
}

const RESERVED_KEYS = new Set<string>(RESERVED_USERNAMES.map(nameLookalikeKey));

export function isReservedUsername(username: string) {
  return RESERVED_KEYS.has(nameLookalikeKey(username));
}

export const SignUpSchema = z
  .object({
    username: z
      .string({ error: "Choose a username." })
      .trim()
      .min(1, "Choose a username.")
      .min(SIGN_UP_USERNAME_MIN_LENGTH, `A username has at least ${SIGN_UP_USERNAME_MIN_LENGTH} characters.`)
      .max(SIGN_UP_USERNAME_MAX_LENGTH, `A username has at most ${SIGN_UP_USERNAME_MAX_LENGTH} characters.`)
      .regex(/^[A-Za-z0-9_.-]*$/, "Use only letters, digits and the characters _ - . in a username.")
      .refine((username) => !isReservedUsername(username), "That name is reserved. Choose another."),
    // Never trimmed: spaces may be part of a password.
    password: z
      .string({ error: "Choose a password." })
      .min(PASSWORD_MIN_LENGTH, `A password has at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters.`),
    confirmPassword: z.string({ error: "Type the password again." }).min(1, "Type the password again."),
    // An empty field is no email at all; a given one is stored in lower case.
    email: z
      .string({ error: "Enter an email address or leave the field empty." })
      .trim()
      .toLowerCase()
      .optional()
      .transform((email) => email || null)
      .pipe(
        z
          .email("Enter an email address such as name@example.org, or leave the field empty.")
          .max(EMAIL_MAX_LENGTH, `An email address has at most ${EMAIL_MAX_LENGTH} characters.`)
          .nullable(),
      ),
    redirectTo: z.string().optional(),
  })
  .superRefine((form, context) => {
    if (form.password && form.password.trim().toLowerCase() === form.username?.trim().toLowerCase()) {
      context.addIssue({ code: "custom", path: ["password"], message: "Choose a password that is not your username." });
    }
    if (form.confirmPassword && form.password !== form.confirmPassword) {
      context.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords do not match." });
    }
  });

export type SignUp = z.infer<typeof SignUpSchema>;
