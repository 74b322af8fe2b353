import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/**
 * A polite live region for what a page does without a page load (focus moved to a claim, a sentence chosen,
 * a flag sent): screen readers read it out; it is not shown. It is always in the page, so its changes are heard.
 */
export function LiveRegion({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const count = useRef(0);
  const announce = useCallback<Announce>((next) => {
    // The same words twice in a row are still news (the same sentence chosen again): a changing zero-width suffix makes them a change.
    count.current += 1;
    setMessage(`${next}${count.current % 2 ? "" : "\u200b"}`);
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-live-region="">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Says `message` through the page's live region. */
export function useAnnounce() {
  return useContext(AnnounceContext);
}
