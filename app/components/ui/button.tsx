import { forwardRef, type ButtonHTMLAttributes } from "react";
import { cx } from "./cx";

const VARIANTS = {
  /** The form's one main action. */
  primary:
    "rounded-md bg-accent-700 font-semibold text-white shadow-sm hover:bg-accent-600 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100",
  /** A second action beside the main one, or a small action in a list. */
  secondary:
    "rounded-md border border-stone-300 bg-white font-medium text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800",
  /** Text-like: a low-key action in running text (Mark read, Reply). */
  quiet: "font-medium text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-stone-50",
  /** Text-like, for an action that destroys (Delete). */
  danger: "font-medium text-stone-600 hover:text-red-700 dark:text-stone-300 dark:hover:text-red-400",
} as const;

const SIZES = { md: "px-4 py-2", sm: "px-3 py-1.5 text-sm", inline: "text-sm" } as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** The classes of a button, for a link that looks like one (the header's "Sign in"). */
export function buttonClass({ variant = "primary", size = variant === "quiet" || variant === "danger" ? "inline" : "md" }: { variant?: ButtonVariant; size?: ButtonSize } = {}) {
  return cx(VARIANTS[variant], SIZES[size], "disabled:cursor-wait disabled:opacity-70");
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize };

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button({ variant, size, className, type = "submit", ...props }, ref) {
  return <button ref={ref} type={type} className={cx(buttonClass({ variant, size }), className)} {...props} />;
});
