import { Fragment, type ReactNode } from "react";
import { CitationCard } from "./citation-card";
import { BLOCK_SEPARATOR, blockOffsets, MarkedText } from "./claim-marks";
import type { BlockData, ClaimMarkData, ProgramSlugs } from "./types";

/** A comment longer than this (in characters of text) shows its start and folds the rest under "Show more". */
export const LONG_COMMENT_CHARACTERS = 2_000;
/** About how much of a long comment shows before "Show more": whole blocks, at least one. */
const PREVIEW_CHARACTERS = 400;
/** A passage quoted at least this long next to its citation is a pasted article: it folds under its card. */
export const QUOTED_ARTICLE_WORDS = 120;

type QuoteGroup = { kind: "quote"; texts: { text: string; offset: number | null }[]; key: number };
type Group = QuoteGroup | { kind: "single"; block: BlockData; offset: number | null; key: number };
/** What the body shows, in order: a group as it is, or a pasted article folded under its citation. */
type Item = Group | { kind: "article"; quote: QuoteGroup; words: number; key: number };

/** Consecutive quoted paragraphs are one passage: one block quote, one rule beside it. */
function groupQuotes(blocks: readonly BlockData[]): Group[] {
  const groups: Group[] = [];
  const offsets = blockOffsets(blocks);
  blocks.forEach((block, index) => {
    const last = groups.at(-1);
    const offset = offsets[index] ?? null;
    if (block.type === "quote" && last?.kind === "quote") last.texts.push({ text: block.text, offset });
    else if (block.type === "quote") groups.push({ kind: "quote", texts: [{ text: block.text, offset }], key: index });
    else groups.push({ kind: "single", block, offset, key: index });
  });
  return groups;
}

export function countWords(text: string) {
  return text.split(/\s+/).filter(Boolean).length;
}

const isCitation = (group: Group | undefined) => group?.kind === "single" && group.block.type === "citation";
const isRule = (group: Group | undefined) => group?.kind === "single" && group.block.type === "rule";

/**
 * Pasted articles fold under their citation. The original pages put the article first, then a rule and
 * its citation line; a comment may also give the citation (or its address) first. Either way the card
 * comes first and the article folds beneath it. Only cards and rules move: the text keeps its order.
 */
export function foldQuotedArticles(groups: readonly Group[]): Item[] {
  const items: Item[] = [];
  for (let index = 0; index < groups.length; index += 1) {
    const group = groups[index]!;
    const words = group.kind === "quote" ? countWords(group.texts.map(({ text }) => text).join(" ")) : 0;
    if (group.kind !== "quote" || words < QUOTED_ARTICLE_WORDS) {
      items.push(group);
      continue;
    }
    const citationAt = isRule(groups[index + 1]) ? index + 2 : index + 1;
    if (isCitation(groups[citationAt])) {
      items.push(groups[citationAt] as Group, { kind: "article", quote: group, words, key: group.key });
      index = citationAt;
      continue;
    }
    const previous = items.at(-1);
    const beforeThat = items.at(-2);
    if (isCitation(previous as Group) || (isRule(previous as Group) && isCitation(beforeThat as Group))) {
      items.push({ kind: "article", quote: group, words, key: group.key });
    } else {
      items.push(group);
    }
  }
  return items;
}

function itemText(item: Item) {
  if (item.kind === "quote") return item.texts.reduce((length, { text }) => length + text.length, 0);
  if (item.kind === "article") return 0;
  return item.block.type === "paragraph" ? item.block.text.length : 0;
}

/** Where a long body's "Show more" goes: after the first whole items that fill the preview; null when it is not long. */
export function previewEnd(items: readonly Item[], totalCharacters: number) {
  if (totalCharacters <= LONG_COMMENT_CHARACTERS) return null;
  let shown = 0;
  for (let index = 0; index < items.length; index += 1) {
    shown += itemText(items[index]!);
    if (shown < PREVIEW_CHARACTERS) continue;
    // Folding a last few words saves nothing: then the comment shows whole.
    const rest = items.slice(index + 1).reduce((length, item) => length + itemText(item), 0);
    return rest >= PREVIEW_CHARACTERS ? index + 1 : null;
  }
  return null;
}

/**
 * The body of a section or a comment: commentary, quoted passages, citation cards and rules, with
 * its claims marked inline. Its `textContent` is the target's canonical text: text blocks separated by
 * a blank-line text node (invisible between block elements), cards, markers and the fold controls drawn
 * outside the text. With `collapseLong` (comments) pasted articles fold under their citation and a long
 * body shows its start with "Show more": <details>, so it works without JavaScript, and the browser opens
 * it for a find-in-page hit or a link into it.
 */
export function Blocks({
  blocks,
  programSlugs,
  marks = [],
  collapseLong = false,
}: {
  blocks: readonly BlockData[];
  programSlugs: ProgramSlugs;
  marks?: readonly ClaimMarkData[];
  collapseLong?: boolean;
}) {
  let texts = 0;
  const separator = () => (texts++ > 0 ? BLOCK_SEPARATOR : null);
  const groups = groupQuotes(blocks);
  const items: Item[] = collapseLong ? foldQuotedArticles(groups) : groups;
  const total = blocks.reduce((length, block) => length + ("text" in block ? block.text.length : 0), 0);
  const cut = collapseLong ? previewEnd(items, total) : null;

  const quote = (group: QuoteGroup) => (
    <blockquote className="space-y-[0.9em] border-l-4 border-stone-300 pl-4 text-stone-600 sm:pl-5 dark:border-stone-600 dark:text-stone-300">
      {group.texts.map(({ text, offset }, index) => (
        <Fragment key={index}>
          {index > 0 ? separator() : null}
          <p className="whitespace-pre-line">
            <MarkedText text={text} offset={offset} marks={marks} programSlugs={programSlugs} />
          </p>
        </Fragment>
      ))}
    </blockquote>
  );

  const render = (item: Item): ReactNode => {
    if (item.kind === "quote") {
      return (
        <Fragment key={item.key}>
          {separator()}
          {quote(item)}
        </Fragment>
      );
    }
    if (item.kind === "article") {
      const words = `${item.words.toLocaleString("en")} words`;
      return (
        <Fragment key={item.key}>
          {separator()}
          <details data-quoted-article="" className="group/article font-sans">
            <summary className={FOLD_SUMMARY_CLASS} aria-label={`Quoted article (${words})`}>
              <span data-ui-text={`Quoted article (${words}) — show`} className="group-open/article:hidden" />
              <span data-ui-text={`Quoted article (${words}) — hide`} className="hidden group-open/article:inline" />
            </summary>
            <div className="mt-2 font-serif">{quote(item.quote)}</div>
          </details>
        </Fragment>
      );
    }
    const { block } = item;
    switch (block.type) {
      case "paragraph":
        return (
          <Fragment key={item.key}>
            {separator()}
            <p className="whitespace-pre-line">
              <MarkedText text={block.text} offset={item.offset} marks={marks} programSlugs={programSlugs} />
            </p>
          </Fragment>
        );
      case "citation":
        return <CitationCard key={item.key} citation={block} />;
      case "rule":
        return <hr key={item.key} className="mx-auto w-24 border-stone-300 dark:border-stone-700" />;
      case "quote":
        return null;
    }
  };

  if (cut === null) return <>{items.map(render)}</>;
  const preview = items.slice(0, cut).map(render);
  const rest = items.slice(cut);
  const restWords = countWords(
    rest
      .flatMap((item) => (item.kind === "quote" ? item.texts.map(({ text }) => text) : item.kind === "article" ? item.quote.texts.map(({ text }) => text) : item.block.type === "paragraph" ? [item.block.text] : []))
      .join(" "),
  );
  const more = `Show more (${restWords.toLocaleString("en")} more words)`;
  // A claim marked in the folded part keeps it open: the markers are what readers come to check.
  const restStart = firstOffset(rest);
  const markedInRest = restStart !== null && marks.some((mark) => mark.end > restStart);
  return (
    <>
      {preview}
      <details data-comment-more="" open={markedInRest || undefined} className="group/more">
        <summary className={`${FOLD_SUMMARY_CLASS} font-sans`} aria-label={more}>
          <span data-ui-text={more} className="group-open/more:hidden" />
          <span data-ui-text="Show less" className="hidden group-open/more:inline" />
        </summary>
        <div className="mt-[0.85em] space-y-[0.85em]">{rest.map(render)}</div>
      </details>
    </>
  );
}

/** Where the first text of these items starts in the canonical text. */
function firstOffset(items: readonly Item[]) {
  for (const item of items) {
    if (item.kind === "quote" && item.texts[0]?.offset != null) return item.texts[0].offset;
    if (item.kind === "article" && item.quote.texts[0]?.offset != null) return item.quote.texts[0].offset;
    if (item.kind === "single" && item.offset !== null) return item.offset;
  }
  return null;
}

export const FOLD_SUMMARY_CLASS =
  "inline-flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded px-1 text-sm font-semibold text-accent-700 select-none before:mx-0.5 before:block before:size-1.5 before:-rotate-45 before:border-r-[1.5px] before:border-b-[1.5px] before:border-current before:transition-transform hover:underline focus-visible:outline-2 focus-visible:outline-accent-600 [details[open]>&]:before:rotate-45 dark:text-accent-300 [&::-webkit-details-marker]:hidden";
