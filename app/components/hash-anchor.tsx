import { useLocation } from "@remix-run/react";
import { useEffect } from "react";

/**
 * What "#comment-4" or "#claim-9-label" points at is shown open: a long comment's "Show more" and any
 * folded passage around the target (the browser opens <details> around a fragment itself, not the
 * "Show more" of a comment whose start is the target).
 */
export function openTarget(target: Element) {
  if (target.matches("article[id^='comment-']")) {
    for (const details of target.querySelectorAll<HTMLDetailsElement>("details[data-comment-more]")) details.open = true;
  }
  for (let details = target.parentElement?.closest("details"); details; details = details.parentElement?.closest("details")) {
    if (!details.open) details.open = true;
  }
}

function targetOf(hash: string) {
  if (hash.length < 2) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}

/**
 * Keeps a link to "#section-4" landing on section 4. The router scrolls to the anchor as soon as the page
 * renders; the serif web fonts arrive after that and re-flow everything above it, which on a long page can
 * carry the anchor a screen or more away. Once the fonts are in, the anchor is brought back into view —
 * unless the reader has scrolled in the meantime. The target is opened first (openTarget).
 */
export function HashAnchor() {
  const { hash, key } = useLocation();
  useEffect(() => {
    // A plain "#comment-N" link on the page changes the fragment without the router.
    const onHashChange = () => {
      const target = targetOf(window.location.hash);
      if (target) openTarget(target);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  useEffect(() => {
    const opened = targetOf(hash);
    if (!opened) return;
    openTarget(opened);
    let readerScrolled = false;
    const onScroll = () => (readerScrolled = true);
    const arm = requestAnimationFrame(() => window.addEventListener("wheel", onScroll, { once: true, passive: true }));
    window.addEventListener("touchmove", onScroll, { once: true, passive: true });
    window.addEventListener("keydown", onScroll, { once: true });
    let cancelled = false;
    void document.fonts.ready.then(() => {
      if (cancelled || readerScrolled) return;
      const target = targetOf(hash);
      if (!target) return;
      const { top, bottom } = target.getBoundingClientRect();
      if (bottom < 0 || top > window.innerHeight) target.scrollIntoView();
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(arm);
      window.removeEventListener("wheel", onScroll);
      window.removeEventListener("touchmove", onScroll);
      window.removeEventListener("keydown", onScroll);
    };
  }, [hash, key]);
  return null;
}
