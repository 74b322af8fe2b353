import { Link } from "@remix-run/react";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from "react";
import { FlagClaimForm, type FlagClaimValues } from "~/components/claims/flag-claim-form";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { useAnnounce } from "~/components/ui/live-region";
import { Popover } from "~/components/ui/popover";
import { pickRange, placePopover, rangeOf, selectedRange, sentenceSpans, targetOf, type Picked, type TextSpan } from "./selection";

/** How long a selection must rest before the popover offers to flag it: a finger dragging a handle changes it many times a second. */
export const SELECTION_DEBOUNCE_MS = 300;
/** The CSS highlight (tailwind.css, `::highlight(flag-sentence)`) that shows the sentence chosen by keyboard. */
const SENTENCE_HIGHLIGHT = "flag-sentence";

/** The popover: what it offers to flag, where it points, and how far the reader got. */
type Shown = {
  picked: Picked;
  /** The words' box in page coordinates, so the popover follows them when the page scrolls or the keyboard opens. */
  anchor: { top: number; bottom: number; left: number };
  touch: boolean;
  formOpen: boolean;
  /** Chosen in "flag a sentence" mode: Escape goes back to it. */
  fromSentence: boolean;
  done: { claimId: number; joined: boolean } | null;
};

/** "Flag a sentence" mode: the target whose sentences the arrow keys walk through, and the current one. */
type SentenceMode = { target: string; spans: TextSpan[]; index: number };

type Flagging = {
  mode: { get: () => SentenceMode | null; subscribe: (listener: () => void) => () => void };
  start: (target: string) => void;
  move: (to: number | "next" | "previous") => void;
  flagSentence: () => void;
  leave: (focus?: boolean) => void;
  /** The reader's last selection in `target`, if any: the fallback form shows it instead of asking for the words again. */
  remembered: (target: string) => FlagClaimValues | null;
  /** After a flag: focus goes to its marker in the text (or to `fallback`), and the live region says so. */
  revealFlag: (result: { claimId: number; joined: boolean }, fallback?: () => HTMLElement | null) => void;
};

const FlaggingContext = createContext<Flagging | null>(null);

export function useFlagging() {
  return useContext(FlaggingContext);
}

function targetElement(target: string) {
  return document.querySelector<HTMLElement>(`[data-claim-target="${CSS.escape(target)}"]`);
}

function highlight(range: Range | null) {
  if (typeof CSS === "undefined" || !("highlights" in CSS) || typeof Highlight === "undefined") return;
  if (range) CSS.highlights.set(SENTENCE_HIGHLIGHT, new Highlight(range));
  else CSS.highlights.delete(SENTENCE_HIGHLIGHT);
}

function pageBox(rect: DOMRect) {
  return { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY, left: rect.left + window.scrollX };
}

/** The first thing to focus in the popover: the form's first choice, else its button or message. */
function firstFocusable(popover: HTMLElement | null) {
  return popover?.querySelector<HTMLElement>("input:not([type=hidden]), textarea, [data-autofocus]") ?? null;
}

/** The element a claim is reached by: its superscript marker, or (in a Markdown comment, which has none) its first marked words. */
export function claimFocusTarget(claimId: number | string) {
  const marker = document.getElementById(`claim-${claimId}-label`);
  if (marker) return marker;
  const mark = document.querySelector<HTMLElement>(`mark[data-claim-id="${claimId}"]`);
  if (mark && !mark.hasAttribute("tabindex")) mark.tabIndex = -1;
  return mark;
}

/**
 * "Citation required" for members who may flag, three ways in: select words with the mouse, select them with a
 * finger (the selection is read once it rests: `selectionchange`, debounced), or choose a sentence with the keyboard
 * ("Flag a sentence" below each section and comment). A popover offers the flag and holds its form; the flag still
 * posts through the claims action, and the server anchors it (utils/anchoring.ts).
 */
export function FlaggingProvider({ children }: { children: ReactNode }) {
  const announce = useAnnounce();
  const [shown, setShown] = useState<Shown | null>(null);
  const shownRef = useRef<Shown | null>(null);
  shownRef.current = shown;
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const popover = useRef<HTMLDivElement>(null);
  const offer = useRef<HTMLButtonElement>(null);
  const lastPointer = useRef<string>("mouse");
  const memory = useRef(new Map<string, FlagClaimValues>());

  // The mode lives outside React state: only the section or comment in the mode re-renders when it starts or ends,
  // and moving from sentence to sentence re-renders nothing but its status line.
  const modeStore = useMemo(() => {
    let value: SentenceMode | null = null;
    const listeners = new Set<() => void>();
    return {
      get: () => value,
      set(next: SentenceMode | null) {
        value = next;
        listeners.forEach((listener) => listener());
      },
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }, []);

  const close = useCallback(() => {
    const current = shownRef.current;
    if (!current) return;
    const hadFocus = popover.current?.contains(document.activeElement) ?? false;
    setShown(null);
    setPlace(null);
    if (!hadFocus) return;
    // Focus never falls to the page: back to the sentence being chosen, or to the text the words are in.
    const mode = modeStore.get();
    if (current.fromSentence && mode) targetElement(mode.target)?.focus();
    else if (current.picked.kind === "claim") targetElement(`${current.picked.values.targetType}:${current.picked.values.targetId}`)?.focus();
  }, [modeStore]);

  const show = useCallback((next: Omit<Shown, "done">) => {
    setShown({ ...next, done: null });
    setPlace(null);
  }, []);

  // ---- "Flag a sentence" ----
  const showSentence = useCallback(
    (mode: SentenceMode) => {
      const element = targetElement(mode.target);
      const span = mode.spans[mode.index];
      if (!element || !span) return;
      const range = rangeOf(element, span);
      highlight(range);
      const rect = range.getBoundingClientRect();
      if (rect.top < 80 || rect.bottom > window.innerHeight - 80) window.scrollBy({ top: rect.top - window.innerHeight / 3 });
      announce(`Sentence ${mode.index + 1} of ${mode.spans.length}: ${range.toString()}`);
    },
    [announce],
  );

  const leaveMode = useCallback(
    (focus = true) => {
      const mode = modeStore.get();
      if (!mode) return;
      highlight(null);
      modeStore.set(null);
      if (focus) {
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-flag-sentence="${CSS.escape(mode.target)}"]`)?.focus());
        announce("Left “flag a sentence”.");
      }
    },
    [announce, modeStore],
  );

  // ---- Selection by mouse, keyboard (Shift + arrows) and touch ----
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;

    function remember(picked: Picked | null) {
      if (picked?.kind === "claim") memory.current.set(`${picked.values.targetType}:${picked.values.targetId}`, picked.values);
    }

    function offerSelection({ focus }: { focus: boolean }) {
      const range = selectedRange();
      if (!range) return false;
      const picked = pickRange(range);
      remember(picked);
      if (!picked) return false;
      const current = shownRef.current;
      if (current && picked.kind === "claim" && current.picked.kind === "claim") {
        const [a, b] = [current.picked.values, picked.values];
        if (a.targetId === b.targetId && a.targetType === b.targetType && a.start === b.start && a.exact === b.exact) return true;
      }
      leaveMode(false);
      const touch = lastPointer.current !== "mouse";
      show({ picked, anchor: pageBox(range.getBoundingClientRect()), touch, formOpen: false, fromSentence: false });
      if (focus) requestAnimationFrame(() => offer.current?.focus());
      return true;
    }

    function onPointerDown(event: PointerEvent) {
      lastPointer.current = event.pointerType || "mouse";
    }
    function onMouseUp(event: MouseEvent) {
      if (popover.current?.contains(event.target as Node)) return;
      clearTimeout(timer);
      if (!offerSelection({ focus: false })) close();
    }
    function onKeyUp(event: KeyboardEvent) {
      if (popover.current?.contains(event.target as Node)) return;
      if (!event.shiftKey && event.key !== "Shift") return;
      clearTimeout(timer);
      offerSelection({ focus: true });
    }
    function onSelectionChange() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const range = selectedRange();
        if (range && popover.current?.contains(range.commonAncestorContainer)) return;
        const current = shownRef.current;
        // A form being filled in is not swept away by a tap elsewhere, only by Escape, × or a new selection made with the mouse.
        if (current?.formOpen || current?.done) return;
        if (!range) {
          if (current && !popover.current?.contains(document.activeElement)) close();
          return;
        }
        offerSelection({ focus: false });
      }, SELECTION_DEBOUNCE_MS);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape" && shownRef.current) close();
    }
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("mouseup", onMouseUp);
    document.addEventListener("keyup", onKeyUp);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("selectionchange", onSelectionChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("mouseup", onMouseUp);
      document.removeEventListener("keyup", onKeyUp);
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("selectionchange", onSelectionChange);
    };
  }, [close, show, leaveMode]);

  // ---- Placement: clear of the words, of the touch selection menu and of the on-screen keyboard ----
  useLayoutEffect(() => {
    if (!shown || !popover.current) return;
    const element = popover.current;
    const reposition = () => {
      const { anchor } = shown;
      const rect = { top: anchor.top - window.scrollY, bottom: anchor.bottom - window.scrollY, left: anchor.left - window.scrollX };
      const next = placePopover(rect, { width: element.offsetWidth, height: element.offsetHeight }, shown.touch);
      setPlace((previous) => (previous && previous.top === next.top && previous.left === next.left ? previous : { top: next.top, left: next.left }));
    };
    reposition();
    // An open form is brought whole into the visible part of the page (above the on-screen keyboard, if one is up).
    const frame = requestAnimationFrame(() => {
      if (!shown.formOpen) return;
      const box = element.getBoundingClientRect();
      const visibleBottom = window.visualViewport ? window.visualViewport.offsetTop + window.visualViewport.height : window.innerHeight;
      if (box.bottom > visibleBottom || box.top < 0) element.scrollIntoView({ block: "nearest" });
    });
    window.visualViewport?.addEventListener("resize", reposition);
    return () => {
      cancelAnimationFrame(frame);
      window.visualViewport?.removeEventListener("resize", reposition);
    };
  }, [shown]);

  // The form, once open, takes the focus at its first choice; a focused text field the keyboard covers is scrolled into view.
  useEffect(() => {
    if (!shown?.formOpen || shown.done) return;
    const frame = requestAnimationFrame(() => firstFocusable(popover.current)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [shown?.formOpen, shown?.done]);

  const start = useCallback(
    (target: string) => {
      const element = targetElement(target);
      if (!element) return;
      const spans = sentenceSpans(element.textContent ?? "");
      if (spans.length === 0) {
        announce("This text has no sentence to flag.");
        return;
      }
      close();
      // Start at the first sentence the reader can see, so a long section does not jump back to its top.
      const index = Math.max(
        0,
        spans.findIndex((span) => rangeOf(element, span).getBoundingClientRect().bottom > 0),
      );
      modeStore.set({ target, spans, index });
      element.focus({ preventScroll: true });
      showSentence({ target, spans, index });
      announce(
        `Flag a sentence: sentence ${index + 1} of ${spans.length}: ${rangeOf(element, spans[index]!).toString()}. Arrow keys choose another sentence, Enter flags it, Escape leaves.`,
      );
    },
    [announce, close, modeStore, showSentence],
  );

  const move = useCallback(
    (to: number | "next" | "previous") => {
      const mode = modeStore.get();
      if (!mode) return;
      const last = mode.spans.length - 1;
      const index = Math.max(0, Math.min(last, to === "next" ? mode.index + 1 : to === "previous" ? mode.index - 1 : to));
      if (index === mode.index) {
        announce(index === last ? "This is the last sentence." : "This is the first sentence.");
        return;
      }
      const next = { ...mode, index };
      modeStore.set(next);
      showSentence(next);
    },
    [announce, modeStore, showSentence],
  );

  const flagSentence = useCallback(() => {
    const mode = modeStore.get();
    const element = mode && targetElement(mode.target);
    const span = mode?.spans[mode.index];
    if (!element || !span) return;
    const range = rangeOf(element, span);
    const picked = pickRange(range);
    if (!picked) return;
    show({ picked, anchor: pageBox(range.getBoundingClientRect()), touch: lastPointer.current !== "mouse", formOpen: picked.kind === "claim", fromSentence: true });
    announce(picked.kind === "claim" ? `Flag form for: ${picked.values.exact}` : picked.message);
  }, [announce, modeStore, show]);

  // Leaving the text for something else (a link, another section) ends the mode; its status line and popover do not.
  useEffect(() => {
    function onFocusIn(event: FocusEvent) {
      const mode = modeStore.get();
      if (!mode) return;
      const node = event.target as Node;
      if (targetElement(mode.target)?.contains(node)) return;
      if (popover.current?.contains(node)) return;
      if ((node instanceof Element ? node : null)?.closest(`[data-flag-sentence-bar="${CSS.escape(mode.target)}"]`)) return;
      leaveMode(false);
    }
    document.addEventListener("focusin", onFocusIn);
    return () => document.removeEventListener("focusin", onFocusIn);
  }, [leaveMode, modeStore]);

  const revealFlag = useCallback(
    (result: { claimId: number; joined: boolean }, fallback?: () => HTMLElement | null) => {
      leaveMode(false);
      // The marker arrives with the page's data revalidated after the flag, which on a busy connection takes
      // a while: wait for it (up to 15 s) before giving the focus to the fallback.
      const deadline = performance.now() + 15_000;
      const reveal = () => {
        const marker = claimFocusTarget(result.claimId);
        if (!marker && performance.now() < deadline) {
          requestAnimationFrame(reveal);
          return;
        }
        const focused = marker ?? fallback?.();
        focused?.focus({ preventScroll: true });
        focused?.scrollIntoView({ block: "nearest" });
        announce(
          `${result.joined ? "Your flag joined the readers already asking for a source." : "Flagged: citation required."}${marker ? " The words are marked in the text; focus is on the marker." : ""}`,
        );
      };
      requestAnimationFrame(reveal);
    },
    [announce, leaveMode],
  );

  const flagging = useMemo<Flagging>(
    () => ({ mode: modeStore, start, move, flagSentence, leave: leaveMode, remembered: (target) => memory.current.get(target) ?? null, revealFlag }),
    [modeStore, start, move, flagSentence, leaveMode, revealFlag],
  );

  const status = useRef<HTMLParagraphElement>(null);
  return (
    <FlaggingContext.Provider value={flagging}>
      {children}
      {shown ? (
        <Popover
          ref={popover}
          label="Flag a claim"
          top={place?.top ?? shown.anchor.bottom + 8}
          left={place?.left ?? shown.anchor.left}
          data-touch={shown.touch ? "" : undefined}
          // A finger needs 44 px targets (WCAG 2.5.5): every button and choice of the popover is that tall on a touch screen.
          className={cx(shown.touch && "[&_button]:min-h-11 [&_label]:min-h-11", !place && "invisible")}
        >
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              {shown.picked.kind === "refused" ? (
                <p role="alert" className="text-red-700 dark:text-red-400">
                  {shown.picked.message}
                </p>
              ) : shown.done ? (
                <p role="status" ref={status} tabIndex={-1}>
                  {shown.done.joined ? "You joined the readers asking for a source. " : "Flagged: citation required. "}
                  <Link to={`/claims/${shown.done.claimId}`}>See the claim</Link>
                </p>
              ) : shown.formOpen ? (
                <FlagClaimForm
                  values={shown.picked.values}
                  onDone={(result) => {
                    setShown((current) => (current ? { ...current, done: result } : current));
                    revealFlag(result, () => status.current);
                  }}
                />
              ) : (
                <Button ref={offer} type="button" size="sm" className="min-h-11" onClick={() => setShown((current) => (current ? { ...current, formOpen: true } : current))}>
                  Citation required
                </Button>
              )}
            </div>
            <button
              type="button"
              onClick={close}
              className="-mr-2 -mt-2 flex size-11 shrink-0 items-center justify-center rounded-md text-xl leading-none text-stone-500 hover:bg-stone-100 hover:text-stone-900 dark:hover:bg-stone-800 dark:hover:text-stone-100"
              aria-label="Close"
            >
              ×
            </button>
          </div>
        </Popover>
      ) : null}
    </FlaggingContext.Provider>
  );
}

/** Whether `target` is the one in "flag a sentence" mode, and its current sentence number (from 1). */
function useSentenceMode(target: string) {
  const flagging = useFlagging();
  const noop = useCallback(() => () => {}, []);
  return useSyncExternalStore(
    flagging?.mode.subscribe ?? noop,
    () => {
      const mode = flagging?.mode.get();
      return mode && mode.target === target ? `${mode.index + 1}/${mode.spans.length}` : null;
    },
    () => null,
  );
}

/**
 * What a claim target's element needs for "flag a sentence": it can take the focus (so the popover can give it back),
 * and in the mode the arrow keys walk its sentences, Enter flags the current one, Escape leaves.
 */
export function useSentenceTarget(target: string) {
  const flagging = useFlagging();
  const active = useSentenceMode(target) !== null;
  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent<HTMLElement>) => {
      // Only the text itself: Enter on a link inside it still follows the link.
      if (!flagging || !active || event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
      const actions: Record<string, () => void> = {
        ArrowDown: () => flagging.move("next"),
        ArrowRight: () => flagging.move("next"),
        ArrowUp: () => flagging.move("previous"),
        ArrowLeft: () => flagging.move("previous"),
        Home: () => flagging.move(0),
        End: () => flagging.move(Number.MAX_SAFE_INTEGER),
        Enter: () => flagging.flagSentence(),
        Escape: () => flagging.leave(true),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    },
    [active, flagging],
  );
  if (!flagging) return { "data-claim-target": target };
  return {
    "data-claim-target": target,
    tabIndex: -1,
    onKeyDown,
    "aria-describedby": active ? `flag-sentence-help-${target.replace(":", "-")}` : undefined,
    "data-flag-sentence-active": active ? "" : undefined,
  };
}

/**
 * Below a section or a comment, for members who may flag: "Flag a sentence", and in the mode a line saying which
 * sentence is chosen, how to move, with buttons for those who point rather than type.
 */
export function FlagSentenceControls({ target, label }: { target: string; label: string }) {
  const flagging = useFlagging();
  const position = useSentenceMode(target);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!flagging || !hydrated) return null;
  if (!position) {
    return (
      <Button type="button" variant="quiet" data-flag-sentence={target} aria-label={label} title="Choose a sentence with the arrow keys, then press Enter to flag it" onClick={() => flagging.start(target)}>
        Flag a sentence
      </Button>
    );
  }
  const [current, count] = position.split("/");
  return (
    <div
      data-flag-sentence-bar={target}
      role="group"
      aria-label="Flag a sentence"
      className="flex basis-full flex-wrap items-center gap-2 rounded-md border border-accent-600/40 bg-accent-50 px-3 py-2 font-sans text-sm text-stone-800 dark:border-accent-300/40 dark:bg-stone-800 dark:text-stone-100"
    >
      <p id={`flag-sentence-help-${target.replace(":", "-")}`} className="basis-full">
        <strong className="font-semibold">
          Sentence {current} of {count}
        </strong>
        <span className="text-stone-600 dark:text-stone-300">
          {" "}
          · <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> flag · <kbd>Esc</kbd> leave
        </span>
      </p>
      <Button type="button" variant="secondary" size="sm" className="pointer-coarse:min-h-11" onClick={() => flagging.move("previous")}>
        Previous
      </Button>
      <Button type="button" variant="secondary" size="sm" className="pointer-coarse:min-h-11" onClick={() => flagging.move("next")}>
        Next
      </Button>
      <Button type="button" size="sm" className="pointer-coarse:min-h-11" onClick={() => flagging.flagSentence()}>
        Flag this sentence
      </Button>
      <Button type="button" variant="quiet" className="px-2 pointer-coarse:min-h-11" onClick={() => flagging.leave(true)}>
        Done
      </Button>
    </div>
  );
}
