import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import { useAnnounce } from "~/components/ui/live-region";
import { claimFocusTarget } from "./claim-flagger";

/** The keys that move to the next and previous claim when the focus is not in a text field. */
export const CLAIM_KEYS = { next: "j", previous: "k" } as const;
const KEYS_STORAGE = "footnote:claim-keys";

const STATE_WORDS: Record<string, string> = {
  "[citation needed]": "citation needed",
  "[sourced]": "sourced",
  "[unsourced]": "unsourced",
};

/** Each claim on the page once, in reading order, by the element that reaches it (its marker, else its marked words). */
function claimsOnPage() {
  const seen = new Set<string>();
  const claims: { id: string; element: HTMLElement }[] = [];
  for (const mark of document.querySelectorAll<HTMLElement>("main mark[data-claim-id]")) {
    const id = mark.dataset.claimId!;
    if (seen.has(id)) continue;
    seen.add(id);
    const element = claimFocusTarget(id);
    if (element) claims.push({ id, element });
  }
  return claims;
}

function typing(element: Element | null) {
  return Boolean(element?.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])"));
}

/**
 * "Previous claim" / "Next claim": the focus moves to the claim's marker, the page scrolls to it, and the live
 * region reads its words. Also by the keys j and k anywhere on the page but in a text field.
 */
export function ClaimNavigator({ count: counted }: { count: number }) {
  const announce = useAnnounce();
  // The server counts the claims it marked; the page knows them all (Markdown comments, comments loaded on demand).
  const [count, setCount] = useState(counted);
  useEffect(() => {
    const main = document.querySelector("main");
    if (!main) return;
    let frame = 0;
    const recount = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCount(new Set([...main.querySelectorAll<HTMLElement>("mark[data-claim-id]")].map((mark) => mark.dataset.claimId)).size));
    };
    recount();
    const observer = new MutationObserver(recount);
    observer.observe(main, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
  const bar = useRef<HTMLDivElement>(null);
  const last = useRef<HTMLElement | null>(null);

  const go = useCallback(
    (direction: 1 | -1) => {
      const claims = claimsOnPage();
      if (claims.length === 0) {
        announce("There are no claims on this page.");
        return;
      }
      const active = document.activeElement;
      // From the claim or the text the reader is on; from the last claim reached when they use these buttons; else from what is on screen.
      const from =
        active && bar.current?.contains(active)
          ? last.current && document.contains(last.current)
            ? last.current
            : null
          : active && active !== document.body && document.querySelector("main")?.contains(active)
            ? active
            : null;
      let index: number;
      if (from) {
        const position = (element: HTMLElement) => from.compareDocumentPosition(element);
        index =
          direction === 1
            ? claims.findIndex(({ element }) => Boolean(position(element) & Node.DOCUMENT_POSITION_FOLLOWING))
            : claims.findLastIndex(({ element }) => Boolean(position(element) & Node.DOCUMENT_POSITION_PRECEDING) && !element.contains(from));
      } else {
        index =
          direction === 1
            ? claims.findIndex(({ element }) => element.getBoundingClientRect().top > 0)
            : claims.findLastIndex(({ element }) => element.getBoundingClientRect().bottom < window.innerHeight);
      }
      const claim = claims[index];
      if (!claim) {
        announce(direction === 1 ? "No more claims below: that was the last one." : "No more claims above: that was the first one.");
        return;
      }
      last.current = claim.element;
      claim.element.focus({ preventScroll: true });
      claim.element.scrollIntoView({ block: "center" });
      const words = [...document.querySelectorAll(`mark[data-claim-id="${claim.id}"]`)].map((mark) => mark.textContent).join("").replace(/\s+/g, " ").trim();
      const state = STATE_WORDS[claim.element.getAttribute("aria-label") ?? ""];
      announce(`Claim ${index + 1} of ${claims.length}${state ? `, ${state}` : ""}: “${words.length > 140 ? `${words.slice(0, 139)}…` : words}”`);
    },
    [announce],
  );

  // Single-key shortcuts can be switched off (WCAG 2.1.4): speech input can type a "j" by accident. The choice is remembered.
  const [keysOn, setKeysOn] = useState(true);
  useEffect(() => {
    try {
      setKeysOn(window.localStorage.getItem(KEYS_STORAGE) !== "off");
    } catch {
      // Storage refused (private mode): the keys stay on for this page.
    }
  }, []);
  const switchKeys = (on: boolean) => {
    setKeysOn(on);
    try {
      window.localStorage.setItem(KEYS_STORAGE, on ? "on" : "off");
    } catch {
      // Not remembered; still switched for this page.
    }
  };

  useEffect(() => {
    if (!keysOn) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target as Element)) return;
      if (event.key === CLAIM_KEYS.next || event.key === CLAIM_KEYS.previous) {
        event.preventDefault();
        go(event.key === CLAIM_KEYS.next ? 1 : -1);
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [go, keysOn]);

  // The buttons work by script only: without it they are not offered.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (count === 0 || !hydrated) return null;
  return (
    <div ref={bar} role="group" aria-label="Claims on this page" className="mt-3 flex flex-wrap items-center gap-2 font-sans text-sm">
      <span className="text-stone-600 dark:text-stone-300">{count === 1 ? "1 claim" : `${count} claims`} on this page:</span>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        className="pointer-coarse:min-h-11"
        aria-keyshortcuts={keysOn ? CLAIM_KEYS.previous : undefined}
        title={keysOn ? `Previous claim (key: ${CLAIM_KEYS.previous})` : "Previous claim"}
        onClick={() => go(-1)}
      >
        <span aria-hidden="true">↑ </span>Previous claim
      </Button>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        className="pointer-coarse:min-h-11"
        aria-keyshortcuts={keysOn ? CLAIM_KEYS.next : undefined}
        title={keysOn ? `Next claim (key: ${CLAIM_KEYS.next})` : "Next claim"}
        onClick={() => go(1)}
      >
        Next claim<span aria-hidden="true"> ↓</span>
      </Button>
      <label className="flex items-center gap-1.5 text-xs text-stone-600 pointer-coarse:hidden dark:text-stone-300">
        <input type="checkbox" checked={keysOn} onChange={(event) => switchKeys(event.target.checked)} className="accent-accent-700" />
        <span>
          Keys <kbd className="font-mono">{CLAIM_KEYS.next}</kbd> next, <kbd className="font-mono">{CLAIM_KEYS.previous}</kbd> previous
        </span>
      </label>
    </div>
  );
}
