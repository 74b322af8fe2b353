// The Content-Security-Policy of documents: scripts run only with this response's nonce (Remix's own
// inline scripts get it from <Scripts nonce>), never inline code an attacker slipped into a page.
import { createContext, useContext } from "react";

/** The nonce of the document being rendered; empty in the browser, which hides nonces from scripts. */
export const NonceContext = createContext("");

export function useNonce() {
  return useContext(NonceContext);
}

export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Styles may be inline (React `style` attributes); scripts, frames, forms and plugins may not stray. */
export function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
