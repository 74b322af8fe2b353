import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** One tab of the moderators' lists (queue, orphans, suggestions); the current one is underlined. */
export function TabLink({ to, current, children }: { to: string; current: boolean; children: ReactNode }) {
  const look = current
    ? "border-accent-700 text-stone-900 dark:border-accent-300 dark:text-stone-100"
    : "border-transparent text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-stone-100";
  return (
    <Link to={to} aria-current={current ? "page" : undefined} className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold no-underline ${look}`}>
      {children}
    </Link>
  );
}

/** The row of tabs above the moderators' lists. */
export function ModerationTabs({ children }: { children: ReactNode }) {
  return (
    <nav aria-label="Moderation lists" className="flex gap-2 border-b border-stone-200 dark:border-stone-800">
      {children}
    </nav>
  );
}
