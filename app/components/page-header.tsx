import type { ReactNode } from "react";

/** A work page's header: the area it belongs to, its title, and what it is for. */
export function PageHeader({ eyebrow, title, children }: { eyebrow: string; title: string; children: ReactNode }) {
  return (
    <header className="space-y-2">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">{eyebrow}</p>
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="max-w-prose text-stone-600 dark:text-stone-300">{children}</p>
    </header>
  );
}
