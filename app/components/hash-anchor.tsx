import { useLocation } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Keeps a link to "#section-4" landing on section 4. The router scrolls to the anchor as soon as the page
 * renders; the serif web fonts arrive after that and re-flow everything above it, which on a long page can
 * carry the anchor a screen or more away. Once the fonts are in, the anchor is brought back into view —
 * unless the reader has scrolled in the meantime.
 */
export function HashAnchor() {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (hash.length < 2) return;
    let readerScrolled = false;
    const onScroll = () => (readerScrolled = true);
    const arm = requestAnimationFrame(() => window.addEventListener("wheel", onScroll, { once: true, passive: true }));
    window.addEventListener("touchmove", onScroll, { once: true, passive: true });
    window.addEventListener("keydown", onScroll, { once: true });
    let cancelled = false;
    void document.fonts.ready.then(() => {
      if (cancelled || readerScrolled) return;
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
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
