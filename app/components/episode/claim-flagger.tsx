import { Link } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { FlagClaimForm, type FlagClaimValues } from "~/components/claims/flag-claim-form";
import { EXACT_MAX_LENGTH } from "~/schemas/claim";
import { Button } from "~/components/ui/button";
import { Popover } from "~/components/ui/popover";

const CONTEXT = 32;

type Selected =
  | { kind: "claim"; values: FlagClaimValues; top: number; left: number }
  | { kind: "refused"; message: string; top: number; left: number };

function targetOf(node: Node | null) {
  const element = node instanceof Element ? node : node?.parentElement;
  return element?.closest<HTMLElement>("[data-claim-target]") ?? null;
}

/**
 * What the reader selected, as a flag: the exact words with their context and position in the target.
 * The target's `textContent` is its canonical text (docs/api.md), so a range's text is counted as is.
 */
function readSelection(): Selected | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const rect = range.getBoundingClientRect();
  const position = { top: rect.bottom + window.scrollY + 8, left: Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + window.innerWidth - 340)) };
  const startTarget = targetOf(range.startContainer);
  const endTarget = targetOf(range.endContainer);
  if (!startTarget && !endTarget) return null;
  if (startTarget !== endTarget) {
    return { kind: "refused", message: "A claim must lie within one section or one comment: select less.", ...position };
  }
  const container = startTarget!;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const after = document.createRange();
  after.selectNodeContents(container);
  after.setStart(range.endContainer, range.endOffset);
  const selected = range.toString();
  const exact = selected.trim();
  if (!exact) return null;
  if (exact.length > EXACT_MAX_LENGTH) {
    return { kind: "refused", message: `Select at most ${EXACT_MAX_LENGTH.toLocaleString("en")} characters: flag one claim at a time.`, ...position };
  }
  const leading = selected.length - selected.trimStart().length;
  const prefixText = before.toString() + selected.slice(0, leading);
  const suffixText = selected.slice(leading + exact.length) + after.toString();
  const [type, id] = container.dataset.claimTarget!.split(":");
  return {
    kind: "claim",
    values: {
      targetType: type === "section" ? "section" : "comment",
      targetId: Number(id),
      exact,
      prefix: prefixText.slice(-CONTEXT),
      suffix: suffixText.slice(0, CONTEXT),
      start: prefixText.length,
      reason: "",
    },
    ...position,
  };
}

/**
 * "Citation required" at the selection: select words in a section or a comment and a small popover
 * offers to flag them. Selecting with the keyboard (Shift + arrows) moves the focus into it.
 */
export function ClaimFlagger() {
  const [selected, setSelected] = useState<Selected | null>(null);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<{ claimId: number; joined: boolean } | null>(null);
  const popover = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => {
    setSelected(null);
    setOpen(false);
    setDone(null);
  }, []);

  useEffect(() => {
    function onSelectionEnd(event: MouseEvent | KeyboardEvent) {
      if (popover.current?.contains(event.target as Node)) return;
      if (event instanceof KeyboardEvent && !event.shiftKey && event.key !== "Shift") return;
      const next = readSelection();
      setSelected(next);
      setOpen(false);
      setDone(null);
      if (next && event instanceof KeyboardEvent) requestAnimationFrame(() => button.current?.focus());
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") close();
    }
    document.addEventListener("mouseup", onSelectionEnd);
    document.addEventListener("keyup", onSelectionEnd);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("mouseup", onSelectionEnd);
      document.removeEventListener("keyup", onSelectionEnd);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [close]);

  if (!selected) return null;
  return (
    <Popover ref={popover} label="Flag a claim" top={selected.top} left={selected.left}>
      {selected.kind === "refused" ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {selected.message}
        </p>
      ) : done ? (
        <p role="status">
          {done.joined ? "You joined the readers asking for a source. " : "Flagged: citation required. "}
          <Link to={`/claims/${done.claimId}`}>See the claim</Link>
        </p>
      ) : open ? (
        <FlagClaimForm values={selected.values} onDone={setDone} />
      ) : (
        <Button ref={button} type="button" size="sm" onClick={() => setOpen(true)}>
          Citation required
        </Button>
      )}
      <button type="button" onClick={close} className="absolute right-2 top-1.5 text-stone-500 hover:text-stone-900 dark:hover:text-stone-100" aria-label="Close">
        ×
      </button>
    </Popover>
  );
}
