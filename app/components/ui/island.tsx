// Static islands (ADR 0038): the long, static parts of a page — an episode's sections, the bodies of its
// comments — are rendered to HTML once per content version on the server and sent once, in the HTML.
// The hydration data names each by a key and does not carry it again. The browser hydrates around them:
// during hydration an island's HTML is read back from the document itself; a client-side navigation or
// a revalidation (a `.data` request) brings the islands it shows with its data (`absorbIslands`).
import { useNavigate } from "@remix-run/react";
import { createContext, useContext, type HTMLAttributes, type MouseEvent } from "react";

/** On the server: the HTML of the islands of the document being rendered, by key (entry.server.tsx). */
export const IslandContext = createContext<ReadonlyMap<string, string> | null>(null);

/** In the browser: the islands met so far, by key; a key names one HTML for ever (it is derived from it). */
const islands = new Map<string, string>();
const KEPT_ISLANDS = 5_000;

/** Keeps the islands a data response brought, before the components that show them render. */
export function absorbIslands(brought: Readonly<Record<string, string>> | undefined) {
  if (!brought) return;
  for (const [key, html] of Object.entries(brought)) {
    islands.delete(key);
    islands.set(key, html);
  }
  while (islands.size > KEPT_ISLANDS) islands.delete(islands.keys().next().value!);
}

function browserIsland(key: string): string | undefined {
  let html = islands.get(key);
  if (html === undefined && typeof document !== "undefined") {
    // Hydration: the server sent this island in the document, and only there.
    const element = document.querySelector(`[data-island="${CSS.escape(key)}"]`);
    if (element) islands.set(key, (html = element.innerHTML));
  }
  return html;
}

const MISSING = '<p class="text-red-700 dark:text-red-400">This part of the page did not load. Reload the page to see it.</p>';

/**
 * Links inside an island are plain anchors (it is rendered outside the router); a click on one to this
 * site navigates in the app, as a <Link> would. A link to a place on the same page is left to the browser.
 */
function followLinkInApp(event: MouseEvent<HTMLElement>, navigate: ReturnType<typeof useNavigate>) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href]") : null;
  if (!anchor || !event.currentTarget.contains(anchor) || anchor.target || anchor.hasAttribute("download")) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
  event.preventDefault();
  navigate(`${url.pathname}${url.search}${url.hash}`);
}

/** An element whose content is the island `islandKey`; its other props (a claim target's) are its own. */
export function Island({ islandKey, onClick, ...props }: { islandKey: string } & Omit<HTMLAttributes<HTMLDivElement>, "children" | "dangerouslySetInnerHTML">) {
  const server = useContext(IslandContext);
  const navigate = useNavigate();
  const html = (server ? server.get(islandKey) : browserIsland(islandKey)) ?? MISSING;
  return (
    <div
      {...props}
      data-island={islandKey}
      onClick={(event) => {
        onClick?.(event);
        followLinkInApp(event, navigate);
      }}
      // The server rendered this HTML from escaped text and sanitized Markdown (islands.server.tsx).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
