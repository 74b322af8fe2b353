import { Fragment } from "react";
import { LinkedText } from "./linked-text";
import type { BlockData, ClaimMarkData, ProgramSlugs } from "./types";

/** Between two text blocks: in the canonical text (app/import/stored-blocks.ts) and as a text node on the page. */
export const BLOCK_SEPARATOR = "\n\n";

/** Each block's start in the target's canonical text, the text that claim offsets count in; null for a block without text. */
export function blockOffsets(blocks: readonly BlockData[]) {
  let offset = 0;
  let first = true;
  return blocks.map((block) => {
    if (block.type !== "paragraph" && block.type !== "quote") return null;
    if (!first) offset += BLOCK_SEPARATOR.length;
    first = false;
    const start = offset;
    offset += block.text.length;
    return start;
  });
}

type Segment = { text: string; claim: ClaimMarkData | null; endsClaim: boolean };

/** `text` (which starts at `offset` in the canonical text) cut where claims begin and end. */
export function segmentText(text: string, offset: number, marks: readonly ClaimMarkData[]): Segment[] {
  const end = offset + text.length;
  const relevant = marks.filter((mark) => mark.start < end && mark.end > offset).sort((a, b) => a.start - b.start);
  if (relevant.length === 0) return [{ text, claim: null, endsClaim: false }];
  const segments: Segment[] = [];
  let cursor = offset;
  for (const mark of relevant) {
    const from = Math.max(mark.start, cursor);
    const to = Math.min(mark.end, end);
    if (to <= from) continue; // overlapping claims join server-side; a rare leftover overlap is shown once
    if (from > cursor) segments.push({ text: text.slice(cursor - offset, from - offset), claim: null, endsClaim: false });
    segments.push({ text: text.slice(from - offset, to - offset), claim: mark, endsClaim: mark.end <= end });
    cursor = to;
  }
  if (cursor < end) segments.push({ text: text.slice(cursor - offset), claim: null, endsClaim: false });
  return segments;
}

const MARK_STYLES: Record<ClaimMarkData["state"], string> = {
  open: "bg-amber-100 text-inherit decoration-amber-500 dark:bg-amber-900/50",
  source_proposed: "bg-amber-100 text-inherit dark:bg-amber-900/50",
  sourced: "bg-emerald-50 text-inherit underline decoration-emerald-500 decoration-dotted underline-offset-4 dark:bg-transparent",
  unsourced: "bg-red-50 text-inherit underline decoration-red-500 decoration-wavy underline-offset-4 dark:bg-red-950/40",
};

/** Imported text with its claims marked inline, Wikipedia-style, each followed by its superscript. */
export function MarkedText({ text, offset, marks, programSlugs }: { text: string; offset: number | null; marks: readonly ClaimMarkData[]; programSlugs: ProgramSlugs }) {
  if (offset === null || marks.length === 0) return <LinkedText text={text} programSlugs={programSlugs} />;
  return (
    <>
      {segmentText(text, offset, marks).map((segment, index) =>
        segment.claim ? (
          <Fragment key={index}>
            <mark
              data-claim-id={segment.claim.claimId}
              aria-describedby={`claim-${segment.claim.claimId}-label`}
              className={`rounded-sm px-0.5 ${MARK_STYLES[segment.claim.state]}`}
            >
              <LinkedText text={segment.text} programSlugs={programSlugs} />
            </mark>
            {segment.endsClaim ? <ClaimSuperscript claim={segment.claim} /> : null}
          </Fragment>
        ) : (
          <LinkedText key={index} text={segment.text} programSlugs={programSlugs} />
        ),
      )}
    </>
  );
}

/**
 * "[citation needed]", "[sourced]" or "[unsourced]" after the claim: a link, so Tab moves from claim to
 * claim. Its label is drawn from `data-ui-text`, outside the text flow that claim selectors count in.
 */
export function ClaimSuperscript({ claim }: { claim: ClaimMarkData }) {
  const id = `claim-${claim.claimId}-label`;
  const flaggers = claim.flaggerCount === 1 ? "1 reader" : `${claim.flaggerCount} readers`;
  if (claim.state === "sourced") {
    return (
      <sup className="ml-0.5 whitespace-nowrap font-sans text-[0.7em] font-semibold not-italic">
        <a
          id={id}
          href={claim.acceptedSourceId ? `/sources/${claim.acceptedSourceId}` : `/claims/${claim.claimId}`}
          data-claim-link=""
          title="A moderator accepted a source for this claim"
          data-ui-text="[sourced]"
          aria-label="[sourced]"
          className="text-emerald-700 no-underline hover:underline dark:text-emerald-400"
        />
      </sup>
    );
  }
  if (claim.state === "unsourced") {
    return (
      <sup className="ml-0.5 whitespace-nowrap font-sans text-[0.7em] font-semibold not-italic">
        <a
          id={id}
          href={`/claims/${claim.claimId}`}
          data-claim-link=""
          data-ui-text="⚠ [unsourced]"
          aria-label="[unsourced]"
          title="Moderators found no adequate source for this claim"
          className="text-red-700 no-underline hover:underline dark:text-red-400"
        />
      </sup>
    );
  }
  return (
    <sup className="ml-0.5 whitespace-nowrap font-sans text-[0.7em] font-semibold not-italic">
      <a
        id={id}
        href={`/claims/${claim.claimId}`}
        data-claim-link=""
        title={`Citation required: flagged by ${flaggers}${claim.state === "source_proposed" ? "; a source was proposed" : ""}`}
        data-ui-text="[citation needed]"
        aria-label="[citation needed]"
        className="text-accent-700 no-underline hover:underline dark:text-accent-300"
      />
    </sup>
  );
}
