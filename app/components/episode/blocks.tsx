import { Fragment } from "react";
import { CitationCard } from "./citation-card";
import { BLOCK_SEPARATOR, blockOffsets, MarkedText } from "./claim-marks";
import type { BlockData, ClaimMarkData, ProgramSlugs } from "./types";

type Group =
  | { kind: "quote"; texts: { text: string; offset: number | null }[]; key: number }
  | { kind: "single"; block: BlockData; offset: number | null; key: number };

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

/**
 * The body of a section or a comment: commentary, quoted passages, citation cards and rules, with
 * its claims marked inline. Its `textContent` is the target's canonical text: text blocks separated by
 * a blank-line text node (invisible between block elements), cards and markers drawn outside the text.
 */
export function Blocks({ blocks, programSlugs, marks = [] }: { blocks: readonly BlockData[]; programSlugs: ProgramSlugs; marks?: readonly ClaimMarkData[] }) {
  let texts = 0;
  const separator = () => (texts++ > 0 ? BLOCK_SEPARATOR : null);
  return (
    <>
      {groupQuotes(blocks).map((group) => {
        if (group.kind === "quote") {
          return (
            <Fragment key={group.key}>
              {separator()}
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
            </Fragment>
          );
        }
        const { block } = group;
        switch (block.type) {
          case "paragraph":
            return (
              <Fragment key={group.key}>
                {separator()}
                <p className="whitespace-pre-line">
                  <MarkedText text={block.text} offset={group.offset} marks={marks} programSlugs={programSlugs} />
                </p>
              </Fragment>
            );
          case "citation":
            return <CitationCard key={group.key} citation={block} />;
          case "rule":
            return <hr key={group.key} className="mx-auto w-24 border-stone-300 dark:border-stone-700" />;
          case "quote":
            return null;
        }
      })}
    </>
  );
}
