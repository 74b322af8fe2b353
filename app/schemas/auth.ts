import { z } from "zod";

// Generous bounds: sign-in must accept every account sign-up can create; they only stop absurd input.
export const USERNAME_MAX_LENGTH = 64;
export const PASSWORD_MAX_LENGTH = 1024;

export const SignInSchema = z.object({
  username: z
    .string({ error: "Enter your username." })
    .trim()
    .min(1, "Enter your username.")
    .max(USERNAME_MAX_LENGTH, `A username has at most ${USERNAME_MAX_LENGTH} characters.`),
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
