import { forwardRef, type HTMLAttributes } from "react";
import { cx } from "./cx";

/**
 * A small panel floating over the page at `top`/`left` (page coordinates), labelled as a dialog.
 * Its owner decides when it opens and closes (Escape, a close button).
 */
export const Popover = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement> & { top: number; left: number; label: string }>(function Popover(
  { top, left, label, className, style, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={label}
      style={{ ...style, top, left }}
      className={cx(
        "absolute z-40 w-[min(20rem,calc(100vw-1rem))] rounded-lg border border-stone-300 bg-white p-3 font-sans text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900",
        className,
      )}
      {...props}
    />
  );
});
