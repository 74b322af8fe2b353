import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { RoleBadge } from "~/components/role-badge";
import { Button, buttonClass } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import type { Role } from "~/utils/permissions";

const NAV = [
  { to: "/", label: "Archive" },
  { to: "/claims", label: "Claims" },
  { to: "/sources", label: "Sources" },
  { to: "/search", label: "Search" },
] as const;

export type HeaderUser = { id: number; username: string; role: Role; unreadNotifications: number };
/** The staff pages this user may open, as the permission table says (root.tsx). */
export type StaffPages = { queue: boolean; admin: boolean };

/** Below this width the header is one row: the name, the bell and a menu button (staff have more links, so theirs folds earlier). */
const WIDE = {
  md: { row: "md:flex", menu: "md:hidden" },
  lg: { row: "lg:flex", menu: "lg:hidden" },
} as const;

export function SiteHeader({ user, staffPages }: { user: HeaderUser | null; staffPages: StaffPages | null }) {
  const staff = staffPages && (staffPages.queue || staffPages.admin) ? staffPages : null;
  const wide = staff ? WIDE.lg : WIDE.md;
  return (
    <header className="relative border-b border-stone-200 bg-white/90 dark:border-stone-800 dark:bg-stone-900/90">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-1.5 sm:px-6 md:py-3">
        <Link to="/" className="group flex shrink-0 items-baseline gap-2 text-stone-900 no-underline dark:text-stone-100">
          <span className="font-serif text-xl font-semibold tracking-tight sm:text-2xl">
            Footnote<sup className="ml-0.5 text-sm text-accent-600 dark:text-accent-300">[1]</sup>
          </span>
          {user ? null : <span className="hidden text-sm text-stone-500 lg:inline dark:text-stone-400">arguing about sourced claims</span>}
        </Link>
        {/* A wide screen: everything in one row that never wraps. */}
        <div className={cx("hidden min-w-0 items-center gap-x-3 whitespace-nowrap text-sm xl:gap-x-4", wide.row)}>
          <MainNav layout="row" />
          {staff ? <StaffNav admin={staff.admin} layout="row" /> : null}
          {user ? <AccountControls user={user} layout="row" /> : <SignInLink />}
        </div>
        {/* A phone: the bell stays in sight, the rest is behind the menu button. */}
        <div className={cx("flex items-center gap-1", wide.menu)}>
          {user ? <NotificationBell unread={user.unreadNotifications} /> : null}
          <SiteMenu>
            <MainNav layout="menu" />
            {staff ? <StaffNav admin={staff.admin} layout="menu" /> : null}
            {user ? <AccountControls user={user} layout="menu" /> : <SignInLink />}
          </SiteMenu>
        </div>
      </div>
    </header>
  );
}

type Layout = "row" | "menu";

const navLinkClass =
  (layout: Layout) =>
  ({ isActive }: { isActive: boolean }) =>
    cx(
      "no-underline",
      layout === "menu" && "flex min-h-11 items-center rounded-md px-2 text-base hover:bg-stone-100 dark:hover:bg-stone-800",
      isActive ? "font-semibold text-stone-900 dark:text-stone-100" : "text-stone-600 dark:text-stone-300",
    );

function MainNav({ layout }: { layout: Layout }) {
  return (
    <nav aria-label="Main">
      <ul className={layout === "row" ? "flex items-center gap-4" : "grid grid-cols-2 gap-1"}>
        {NAV.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end className={navLinkClass(layout)}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The menu of a narrow screen: a <details>, so it opens without JavaScript; with it, it closes when the
 * reader goes to another page or presses Escape.
 */
function SiteMenu({ children }: { children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [key]);
  return (
    <details
      ref={menu}
      data-site-menu=""
      className="group/menu"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !menu.current?.open) return;
        menu.current.open = false;
        menu.current.querySelector("summary")?.focus();
      }}
    >
      <summary
        aria-label="Menu"
        className="inline-flex size-11 cursor-pointer list-none items-center justify-center rounded-md text-stone-700 hover:bg-stone-100 dark:text-stone-200 dark:hover:bg-stone-800 [&::-webkit-details-marker]:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 group-open/menu:hidden" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <path d="M4 7h16M4 12h16M4 17h16" />
        </svg>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="hidden size-6 group-open/menu:block" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </summary>
      <div className="absolute inset-x-0 top-full z-40 space-y-3 border-b border-stone-200 bg-white px-4 py-3 text-sm shadow-lg dark:border-stone-800 dark:bg-stone-900">
        {children}
      </div>
    </details>
  );
}

/** Sends the reader back to the page they were on; on the sign-in and sign-up pages, keeps their destination. */
function SignInLink() {
  const location = useLocation();
  const redirectTo =
    location.pathname === "/login" || location.pathname === "/signup"
      ? (new URLSearchParams(location.search).get("redirectTo") ?? "/")
      : location.pathname + location.search;
  const query = new URLSearchParams({ redirectTo });
  return (
    <div className="flex items-center gap-x-3">
      <Link to={`/signup?${query}`} className="whitespace-nowrap font-medium no-underline hover:underline">
        Sign up
      </Link>
      <Link to={`/login?${query}`} className={cx(buttonClass({ size: "sm" }), "whitespace-nowrap no-underline hover:no-underline")}>
        Sign in
      </Link>
    </div>
  );
}

const MODERATOR_NAV = [{ to: "/moderation", label: "Queue" }] as const;
const ADMIN_NAV = [
  ...MODERATOR_NAV,
  { to: "/admin/users", label: "Users" },
  { to: "/admin/authors", label: "Authors" },
  { to: "/admin/import", label: "Import" },
] as const;

/** Shown to those who may open the queue or the admin pages; the pages themselves check the permission again. */
function StaffNav({ admin, layout }: { admin: boolean; layout: Layout }) {
  const items = admin ? ADMIN_NAV : MODERATOR_NAV;
  return (
    <nav
      aria-label={admin ? "Admin" : "Moderation"}
      className={layout === "row" ? "border-l border-stone-200 pl-3 xl:pl-4 dark:border-stone-700" : "border-t border-stone-200 pt-3 dark:border-stone-700"}
    >
      <ul className={layout === "row" ? "flex items-center gap-x-3" : "grid grid-cols-2 gap-1"}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className={navLinkClass(layout)}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountControls({ user, layout }: { user: HeaderUser; layout: Layout }) {
  return (
    <div
      className={cx(
        "flex min-w-0 items-center gap-x-2",
        layout === "row" ? "border-l border-stone-200 pl-3 xl:gap-x-3 xl:pl-4 dark:border-stone-700" : "justify-between border-t border-stone-200 pt-3 dark:border-stone-700",
      )}
    >
      <p className="flex min-w-0 items-center gap-1.5 sm:gap-2">
        <span className="sr-only">Signed in as </span>
        <Link
          to={`/users/${encodeURIComponent(user.username)}`}
          className="max-w-[9rem] truncate font-medium text-stone-900 no-underline hover:underline sm:max-w-[14rem] dark:text-stone-100"
          title={`${user.username}: your profile`}
        >
          {user.username}
        </Link>
        <RoleBadge role={user.role} />
      </p>
      {layout === "row" ? <NotificationBell unread={user.unreadNotifications} /> : null}
      <Form method="post" action="/logout">
        <Button variant="secondary" size="inline" className="whitespace-nowrap px-2 py-1 sm:px-2.5">
          Sign out
        </Button>
      </Form>
    </div>
  );
}

function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Link
      to="/notifications"
      aria-label={label}
      title={label}
      className="relative inline-flex size-11 md:size-9 items-center justify-center rounded-md text-stone-600 no-underline hover:bg-stone-100 hover:text-stone-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-stone-50"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="absolute -right-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[0.7rem] font-bold leading-[1.1rem] text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
      Footnote — an archive of <cite>For The Record</cite> programs and the articles they discuss. ·{" "}
      <Link to="/moderation/log">Moderation log</Link> · <a href="/feeds/episodes.xml">Feed</a>
    </footer>
  );
}
