import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HashAnchor } from "~/components/hash-anchor";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import stylesheet from "~/tailwind.css";
import { countUnreadNotifications } from "~/models/notification.server";
import { Toaster } from "~/components/ui/toast";
import { getUserAndCookie } from "~/utils/auth.server";
import { getToast } from "~/utils/toast.server";
import { useNonce } from "~/utils/nonce";
import { can, type Role } from "~/utils/permissions";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "alternate", type: "application/atom+xml", title: "Footnote — new episodes", href: "/feeds/episodes.xml" },
  { rel: "alternate", type: "application/atom+xml", title: "Footnote — new comments", href: "/feeds/comments.xml" },
];

export const meta: MetaFunction = () => [
  { title: "Footnote" },
  { name: "description", content: "Footnote: the forum for arguing about sourced claims." },
];

/**
 * The signed-in user for the header, or null; refreshes the session cookie's expiry as the session slides.
 * The toast an action left (utils/toast.server.ts) is read here once and its cookie cleared.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const [{ user, setCookie }, { toast, setCookie: clearToast }] = await Promise.all([getUserAndCookie(request), getToast(request)]);
  const unreadNotifications = user ? await countUnreadNotifications(user.id) : 0;
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (clearToast) headers.append("Set-Cookie", clearToast);
  return data(
    {
      user: user ? { id: user.id, username: user.username, role: user.role, unreadNotifications } : null,
      staffPages: user ? staffPagesOf(user) : null,
      toast,
    },
    { headers },
  );
}

/** Which staff pages the header links to: what the permission table lets this user open. */
function staffPagesOf(user: { role: Role; suspendedAt: Date | null }) {
  return { queue: can(user, "moderation:view-queue"), admin: can(user, "admin:manage-users") };
}

export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader itself failed: the error page then shows the header signed out.
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900"
        >
          Skip to content
        </a>
        <SiteHeader user={rootData?.user ?? null} staffPages={rootData?.staffPages ?? null} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
          <Toaster toast={rootData?.toast ?? null} />
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <HashAnchor />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
