import type { HTMLAttributes } from "react";
import { cx } from "./cx";

const TONES = {
  accent: "bg-accent-100 font-semibold text-accent-700 dark:bg-accent-700/40 dark:text-accent-100",
  neutral: "bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-200",
  amber: "bg-amber-100 font-semibold text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  sky: "bg-sky-100 font-semibold text-sky-900 ring-1 ring-inset ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  emerald: "bg-emerald-100 font-semibold text-emerald-900 ring-1 ring-inset ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  red: "bg-red-100 font-semibold text-red-900 ring-1 ring-inset ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  stone: "bg-stone-200 font-semibold text-stone-800 ring-1 ring-inset ring-stone-300 dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-700",
} as const;

const SIZES = { xs: "px-1.5 py-0.5 text-xs", sm: "px-2.5 py-0.5 text-xs", md: "px-2 py-0.5 text-sm" } as const;

export type BadgeTone = keyof typeof TONES;

/** A small rounded label: a role, a claim's state, a count. The words carry the meaning; the colour repeats it. */
export function Badge({ tone = "neutral", size = "sm", className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone; size?: keyof typeof SIZES }) {
  return <span className={cx("inline-flex items-center rounded-full", TONES[tone], SIZES[size], className)} {...props} />;
}
