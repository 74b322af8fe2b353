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

export function SiteHeader({ user, staffPages }: { user: HeaderUser | null; staffPages: StaffPages | null }) {
  const staff = staffPages && (staffPages.queue || staffPages.admin) ? staffPages : null;
  return (
    <header className="relative border-b border-stone-200 bg-white/90 dark:border-stone-800 dark:bg-stone-900/90">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-1.5 sm:px-6 lg:py-3">
        <Link to="/" className="group flex shrink-0 items-baseline gap-2 text-stone-900 no-underline dark:text-stone-100">
          <span className="font-serif text-xl font-semibold tracking-tight sm:text-2xl">
            Footnote<sup className="ml-0.5 text-sm text-accent-600 dark:text-accent-300">[1]</sup>
          </span>
          {user ? null : <span className="hidden text-sm text-stone-500 lg:inline dark:text-stone-400">arguing about sourced claims</span>}
        </Link>
        <div className="flex min-w-0 items-center gap-1 lg:gap-3 xl:gap-4">
          {/* The bell stays in sight on a phone; on a wide screen it sits at the end of the row. */}
          {user ? (
            <div className="lg:order-last">
              <NotificationBell unread={user.unreadNotifications} />
            </div>
          ) : null}
          <SiteMenu>
            <MainNav />
            {staff ? <StaffNav admin={staff.admin} /> : null}
            {user ? <AccountControls user={user} /> : <SignInLink />}
          </SiteMenu>
        </div>
      </div>
    </header>
  );
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cx(
    "flex min-h-11 items-center rounded-md px-2 text-base no-underline hover:bg-stone-100 lg:inline lg:min-h-0 lg:p-0 lg:text-sm lg:hover:bg-transparent dark:hover:bg-stone-800 lg:dark:hover:bg-transparent",
    isActive ? "font-semibold text-stone-900 dark:text-stone-100" : "text-stone-600 dark:text-stone-300",
  );

function MainNav() {
  return (
    <nav aria-label="Main">
      <ul className="grid grid-cols-2 gap-1 lg:flex lg:items-center lg:gap-4">
        {NAV.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end className={navLinkClass}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The header's links. Below 1024 px a menu behind a button — a <details>, so it opens without JavaScript;
 * with it, it closes when the reader goes to another page or presses Escape. From 1024 px up the same
 * links are one row that never wraps (the button hidden, the panel always shown: tailwind.css).
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
      <div className="absolute inset-x-0 top-full z-40 space-y-3 border-b border-stone-200 bg-white px-4 py-3 text-sm shadow-lg lg:static lg:flex lg:items-center lg:gap-x-3 lg:space-y-0 lg:border-0 lg:bg-transparent lg:p-0 lg:whitespace-nowrap lg:shadow-none xl:gap-x-4 dark:border-stone-800 dark:bg-stone-900 lg:dark:bg-transparent">
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
function StaffNav({ admin }: { admin: boolean }) {
  const items = admin ? ADMIN_NAV : MODERATOR_NAV;
  return (
    <nav
      aria-label={admin ? "Admin" : "Moderation"}
      className="border-t border-stone-200 pt-3 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-3 xl:pl-4 dark:border-stone-700"
    >
      <ul className="grid grid-cols-2 gap-1 lg:flex lg:items-center lg:gap-x-3">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className={navLinkClass}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountControls({ user }: { user: HeaderUser }) {
  return (
    <div
      className="flex min-w-0 items-center justify-between gap-x-2 border-t border-stone-200 pt-3 lg:justify-start lg:border-t-0 lg:border-l lg:pt-0 lg:pl-3 xl:gap-x-3 xl:pl-4 dark:border-stone-700"
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
      className="relative inline-flex size-11 lg:size-9 items-center justify-center rounded-md text-stone-600 no-underline hover:bg-stone-100 hover:text-stone-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-stone-50"
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
