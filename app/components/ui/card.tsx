import type { HTMLAttributes } from "react";
import { cx } from "./cx";

const CARD = "rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900";

const PADDING = { none: "", md: "p-4 sm:p-5", lg: "p-5 sm:p-6" } as const;

type CardProps = HTMLAttributes<HTMLElement> & {
  /** The first number of an ordered list (`as="ol"`). */
  start?: number;
  /** `divided`: a list whose rows are separated by rules (the rows give their own padding). */
  divided?: boolean;
  padding?: keyof typeof PADDING;
  as?: "div" | "section" | "ol" | "ul" | "li" | "dl" | "article";
};

/** A white panel with a border: forms, lists of items, a proposal. */
export function Card({ divided = false, padding = divided ? "none" : "md", as: Element = "div", className, ...props }: CardProps) {
  return <Element className={cx(CARD, PADDING[padding], divided && "divide-y divide-stone-200 dark:divide-stone-800", className)} {...props} />;
}

/** The dashed panel that stands where a list has nothing yet, or invites a first search. */
export function EmptyState({
  as: Element = "div",
  align = "center",
  muted = true,
  className,
  ...props
}: HTMLAttributes<HTMLElement> & { as?: "div" | "p" | "section"; align?: "center" | "start"; muted?: boolean }) {
  return (
    <Element
      className={cx(
        "rounded-lg border border-dashed border-stone-300 bg-white px-5 py-8 dark:border-stone-700 dark:bg-stone-900",
        align === "center" && "text-center",
        muted && "text-stone-600 dark:text-stone-300",
        className,
      )}
      {...props}
    />
  );
}
