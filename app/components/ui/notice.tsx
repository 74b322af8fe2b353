import type { HTMLAttributes } from "react";
import { cx } from "./cx";

const TONES = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  error: "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200",
} as const;

export type NoticeTone = keyof typeof TONES;

/** A boxed message: what just happened (success), what to mind (warning), why a form was refused (error). */
export function Notice({
  tone,
  compact = false,
  as: Element = "p",
  className,
  ...props
}: HTMLAttributes<HTMLElement> & { tone: NoticeTone; compact?: boolean; as?: "p" | "div" }) {
  return <Element className={cx("rounded-md border", compact ? "px-3 py-2 text-sm" : "px-4 py-3", TONES[tone], className)} {...props} />;
}
