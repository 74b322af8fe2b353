// What a reader points at in a claim target (a section's or a comment's text), as a flag: from a selection made
// with the mouse or a finger, or from a sentence chosen with the keyboard. The target's `textContent` is its
// canonical text (docs/api.md), so offsets count in it as is; anchoring itself stays on the server (utils/anchoring.ts).
import type { FlagClaimValues } from "~/components/claims/flag-claim-form";
import { EXACT_MAX_LENGTH } from "~/schemas/claim";

/** Characters of context sent on each side of the words (the server keeps up to 32, utils/anchoring.ts). */
const CONTEXT = 32;

export type TextSpan = { start: number; end: number };

export type Picked = { kind: "claim"; values: FlagClaimValues } | { kind: "refused"; message: string };

/** The claim target an element or text node is in: the element with `data-claim-target`. */
export function targetOf(node: Node | null) {
  const element = node instanceof Element ? node : node?.parentElement;
  return element?.closest<HTMLElement>("[data-claim-target]") ?? null;
}

/** The words of `range` as a flag of its target, a refusal (across two targets, too long), or null (no words, no target). */
export function pickRange(range: Range): Picked | null {
  const startTarget = targetOf(range.startContainer);
  const endTarget = targetOf(range.endContainer);
  if (!startTarget && !endTarget) return null;
  if (startTarget !== endTarget) return { kind: "refused", message: "A claim must lie within one section or one comment: select less." };
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
    return { kind: "refused", message: `Select at most ${EXACT_MAX_LENGTH.toLocaleString("en")} characters: flag one claim at a time.` };
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
  };
}

/** The reader's current selection, when it has words in it. */
export function selectedRange(): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return selection.getRangeAt(0);
}

/**
 * The sentences of a target's text, each without the spaces around it. A paragraph break ends a sentence
 * (Unicode sentence boundaries, UAX #29), so a heading-like line without a full stop is a sentence of its own;
 * a piece without a letter or a digit is not one.
 */
export function sentenceSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const { segment, index } of new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)) {
    const trimmed = segment.trim();
    // An ellipsis set with spaces (". . . .") is cut into "sentences" of dots: nothing there to flag.
    if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
    const start = index + segment.length - segment.trimStart().length;
    spans.push({ start, end: start + trimmed.length });
  }
  return spans;
}

/** The DOM range of `container`'s text from `start` to `end` (offsets in its textContent). */
export function rangeOf(container: Node, { start, end }: TextSpan): Range {
  const range = document.createRange();
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!started && start <= offset + length && start - offset < length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  range.selectNodeContents(container);
  return range;
}

export type Placement = { top: number; left: number; side: "below" | "above" };

/**
 * Where a popover of `size` goes for words at `rect` (viewport coordinates), in page coordinates. Below the
 * words: on a touch screen the browser's own selection menu sits above them and its handles hang below, so
 * the popover keeps clear of both; it moves above only when the visible part of the page (the visual viewport,
 * which the on-screen keyboard shortens) has no room below and has room above, and never under the keyboard.
 */
export function placePopover(rect: Pick<DOMRect, "top" | "bottom" | "left">, size: { width: number; height: number }, touch: boolean): Placement {
  const viewport = window.visualViewport;
  const visibleTop = viewport?.offsetTop ?? 0;
  const visibleHeight = viewport?.height ?? window.innerHeight;
  const visibleWidth = viewport?.width ?? window.innerWidth;
  const gap = touch ? 36 : 8; // a selection handle is about 24 px tall
  const left = Math.max(8, Math.min(rect.left, visibleWidth - size.width - 8)) + window.scrollX + (viewport?.offsetLeft ?? 0);
  const roomBelow = visibleTop + visibleHeight - (rect.bottom + gap);
  const roomAbove = rect.top - visibleTop - (touch ? 56 : 8); // the native menu is about 48 px tall
  if (roomBelow < size.height && roomAbove >= size.height) {
    return { top: rect.top + window.scrollY - (touch ? 56 : 8) - size.height, left, side: "above" };
  }
  return { top: rect.bottom + window.scrollY + gap, left, side: "below" };
}
