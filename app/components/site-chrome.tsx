import { Link, NavLink } from "@remix-run/react";

const NAV = [{ to: "/", label: "Archive" }] as const;

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white/90 dark:border-stone-800 dark:bg-stone-900/90">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link to="/" className="group flex items-baseline gap-2 text-stone-900 no-underline dark:text-stone-100">
          <span className="font-serif text-2xl font-semibold tracking-tight">
            Footnote<sup className="ml-0.5 text-sm text-accent-600 dark:text-accent-300">[1]</sup>
          </span>
          <span className="hidden text-sm text-stone-500 sm:inline dark:text-stone-400">
            arguing about sourced claims
          </span>
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-4 text-sm">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end
                  className={({ isActive }) =>
                    `no-underline ${isActive ? "font-semibold text-stone-900 dark:text-stone-100" : "text-stone-600 dark:text-stone-300"}`
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
      Footnote — an archive of <cite>For The Record</cite> programs and the articles they discuss.
    </footer>
  );
}
