import { CitationCard } from "./citation-card";
import { LinkedText } from "./linked-text";
import type { BlockData, ProgramSlugs } from "./types";

type Group = { kind: "quote"; texts: string[]; key: number } | { kind: "single"; block: BlockData; key: number };

/** Consecutive quoted paragraphs are one passage: one block quote, one rule beside it. */
function groupQuotes(blocks: readonly BlockData[]): Group[] {
  const groups: Group[] = [];
  blocks.forEach((block, index) => {
    const last = groups.at(-1);
    if (block.type === "quote" && last?.kind === "quote") last.texts.push(block.text);
    else if (block.type === "quote") groups.push({ kind: "quote", texts: [block.text], key: index });
    else groups.push({ kind: "single", block, key: index });
  });
  return groups;
}

/** The body of a section or a comment: commentary, quoted passages, citation cards and rules. */
export function Blocks({ blocks, programSlugs }: { blocks: readonly BlockData[]; programSlugs: ProgramSlugs }) {
  return (
    <>
      {groupQuotes(blocks).map((group) => {
        if (group.kind === "quote") {
          return (
            <blockquote
              key={group.key}
              className="space-y-[0.9em] border-l-4 border-stone-300 pl-4 text-stone-600 sm:pl-5 dark:border-stone-600 dark:text-stone-300"
            >
              {group.texts.map((text, index) => (
                <p key={index} className="whitespace-pre-line">
                  <LinkedText text={text} programSlugs={programSlugs} />
                </p>
              ))}
            </blockquote>
          );
        }
        const { block } = group;
        switch (block.type) {
          case "paragraph":
            return (
              <p key={group.key} className="whitespace-pre-line">
                <LinkedText text={block.text} programSlugs={programSlugs} />
              </p>
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
