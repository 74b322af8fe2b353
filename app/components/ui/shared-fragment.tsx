// Shared fragments (ADR 0041): a part of a signed-in page that many readers get byte for byte — an
// episode's discussion is the same for every member who has no comment, watch or open form on it — is
// rendered by React once and its HTML reused. The page's loader names the fragment by a hash of
// everything it is rendered from (pageFragmentKeys, app/routes/episodes.$slug/fragments.server.ts); the
// document renderer (entry.server.tsx) keeps the HTML under that key and hands it back for the next
// request with the same key, which then renders the fragment's element with a mark inside instead of
// its components; the document's stream puts the kept HTML's bytes in the mark's place
// (app/utils/fragment-splice.server.ts).
//
// The browser renders the components as always and hydrates them against that HTML: it is what React
// rendered for the same props in the same place of the tree, so hydration cannot tell the difference.
import { createContext, useContext, type ReactNode } from "react";

/** On the server: what a kept fragment's element holds, by name — a mark its kept HTML replaces (entry.server.tsx). */
export const FragmentContext = createContext<ReadonlyMap<string, string> | null>(null);

/** Closes every fragment, so its HTML can be cut out of the rendered document (fragmentHtml). */
const END = '<span hidden="" data-fragment-end=""></span>';

export function SharedFragment({ name, children }: { name: string; children: ReactNode }) {
  const kept = useContext(FragmentContext)?.get(name);
  // The kept HTML that replaces the mark ends with END too, so both renders give the same bytes.
  if (kept !== undefined) return <div data-fragment={name} dangerouslySetInnerHTML={{ __html: kept }} />;
  return (
    <div data-fragment={name}>
      {children}
      <span hidden data-fragment-end="" />
    </div>
  );
}

/**
 * The HTML inside the fragment `name` of a rendered document, or null when there is none or when it
 * holds anything of this request alone: a nonce (CSP, per request) must never reach another reader.
 */
export function fragmentHtml(document: string, name: string): string | null {
  const open = `<div data-fragment="${name}">`;
  const start = document.indexOf(open);
  if (start === -1) return null;
  const end = document.indexOf(END, start);
  if (end === -1) return null;
  const html = document.slice(start + open.length, end + END.length);
  if (/\snonce=/.test(html) || html.includes(open)) return null;
  return html;
}
