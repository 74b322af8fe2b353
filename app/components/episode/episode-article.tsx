import type { ReactNode } from "react";
import { SourcingSummary, type SourcingSummaryData } from "~/components/claims/sourcing-summary";
import { Blocks } from "./blocks";
import { FlagSentenceControls, useSentenceTarget } from "./claim-flagger";
import { FallbackFlagForm } from "./fallback-flag-form";
import { LinkedText } from "./linked-text";
import type { BlockData, ClaimMarkData, ProgramSlugs } from "./types";

export type EpisodeArticleData = {
  kind: "program" | "article" | "post";
  number: number | null;
  title: string;
  publication: string | null;
  author: string | null;
  recordingNote: string | null;
  summary: string | null;
  authorBio: string | null;
  intro: string[];
  highlights: string[];
  /** "September 4, 2015", when the original says when it was published. */
  publishedLabel: string | null;
  commentCount: number;
  slug: string;
  sourcing?: SourcingSummaryData;
  sections: { id: number; label: string; blocks: BlockData[]; marks: ClaimMarkData[] }[];
};

/** The label an article or a post has instead of a section number. */
const UNNUMBERED = "body";

export function kindLabel(episode: Pick<EpisodeArticleData, "kind" | "number" | "publication">) {
  if (episode.kind === "program") return episode.number === null ? "For The Record" : `For The Record · FTR #${episode.number}`;
  return episode.publication ?? (episode.kind === "article" ? "Article" : "Post");
}

/** The post itself: header, introduction, highlights, contents and the numbered sections. */
export function EpisodeArticle({
  episode,
  programSlugs,
  canFlag = false,
  tools,
}: {
  episode: EpisodeArticleData;
  programSlugs: ProgramSlugs;
  canFlag?: boolean;
  /** Shown under the byline: the next/previous-claim controls. */
  tools?: ReactNode;
}) {
  const numbered = episode.sections.filter((section) => section.label !== UNNUMBERED);
  const byline = [episode.author ? `By ${episode.author}` : null, episode.kind === "program" ? episode.publication : null, episode.publishedLabel]
    .filter(Boolean)
    .join(" · ");
  return (
    <article aria-labelledby="episode-title">
      <header className="max-w-3xl">
        <p className="text-xs font-semibold uppercase tracking-wider text-accent-700 dark:text-accent-300">{kindLabel(episode)}</p>
        <h1 id="episode-title" className="mt-2 text-balance font-serif text-[1.75rem] font-semibold leading-tight tracking-tight sm:text-4xl">
          {episode.title}
        </h1>
        {byline ? <p className="mt-3 text-stone-600 dark:text-stone-300">{byline}</p> : null}
        {episode.summary ? (
          <p className="mt-3 max-w-[70ch] font-serif text-lg leading-relaxed text-stone-700 dark:text-stone-300">{episode.summary}</p>
        ) : null}
        <p className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-sm text-stone-500 dark:text-stone-400">
          {episode.recordingNote ? <span className="italic">{episode.recordingNote}</span> : null}
          <a href="#comments">{commentsLabel(episode.commentCount)}</a>
          {episode.sourcing ? <SourcingSummary summary={episode.sourcing} episodeSlug={episode.slug} /> : null}
        </p>
        {tools}
      </header>

      {/* One column on a phone; on a wide screen the contents sit beside the text, in the second column. */}
      <div className="mt-8 space-y-10 font-serif text-[1.0625rem] leading-[1.7] sm:text-lg lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-12">
        {episode.intro.length > 0 ? (
          <section aria-labelledby="introduction-title" className="max-w-[70ch] space-y-[0.9em] lg:col-start-1">
            <h2 id="introduction-title" className="font-sans text-sm font-semibold uppercase tracking-wider text-stone-500 dark:text-stone-400">
              Introduction
            </h2>
            {episode.intro.map((text, index) => (
              <p key={index}>
                <LinkedText text={text} programSlugs={programSlugs} />
              </p>
            ))}
          </section>
        ) : null}

        {episode.highlights.length > 0 ? (
          <section
            aria-labelledby="highlights-title"
            className="max-w-[70ch] rounded-lg border border-stone-200 bg-white px-5 py-4 lg:col-start-1 dark:border-stone-800 dark:bg-stone-900"
          >
            <h2 id="highlights-title" className="font-sans text-sm font-semibold uppercase tracking-wider text-stone-500 dark:text-stone-400">
              Program Highlights
            </h2>
            <ul className="mt-3 list-disc space-y-2 pl-5 marker:text-accent-600 dark:marker:text-accent-300">
              {episode.highlights.map((text, index) => (
                <li key={index}>
                  <LinkedText text={text} programSlugs={programSlugs} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {numbered.length > 0 ? <Contents sections={numbered} /> : null}

        <div className="min-w-0 space-y-12 lg:col-start-1">
          {episode.sections.map((section) => (
            <EpisodeSection key={section.label} section={section} programSlugs={programSlugs} canFlag={canFlag} />
          ))}
        </div>

        {episode.authorBio ? (
          <p className="max-w-[70ch] border-t border-stone-200 pt-4 text-base italic text-stone-600 lg:col-start-1 dark:border-stone-800 dark:text-stone-400">
            {episode.authorBio}
          </p>
        ) : null}
      </div>
    </article>
  );
}

export function commentsLabel(count: number) {
  if (count === 0) return "No comments yet";
  return count === 1 ? "1 comment" : `${count} comments`;
}

function EpisodeSection({ section, programSlugs, canFlag }: { section: EpisodeArticleData["sections"][number]; programSlugs: ProgramSlugs; canFlag: boolean }) {
  const { label, blocks, marks } = section;
  // The text readers select to flag a claim; the flagger (claim-flagger.tsx) finds its target by this.
  const target = `section:${section.id}`;
  const targetProps = useSentenceTarget(target);
  if (label === UNNUMBERED) {
    return (
      <div className="max-w-[70ch] space-y-[0.9em]">
        <div className="space-y-[0.9em]" {...targetProps}>
          <Blocks blocks={blocks} programSlugs={programSlugs} marks={marks} />
        </div>
        {canFlag ? <SectionFlagTools sectionId={section.id} target={target} label="this text" /> : null}
      </div>
    );
  }
  const id = `section-${label}`;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="relative max-w-[calc(70ch+3rem)] scroll-mt-4 sm:pl-12">
      <h2
        id={`${id}-title`}
        className="mb-2 font-sans text-base font-semibold text-accent-700 sm:absolute sm:left-0 sm:top-0 sm:mb-0 sm:w-9 sm:text-right sm:text-lg sm:leading-[1.7] dark:text-accent-300"
      >
        <a href={`#${id}`} className="no-underline hover:underline">
          <span className="sr-only">Section </span>
          {label}.
        </a>
      </h2>
      <div className="space-y-[0.9em]" {...targetProps}>
        <Blocks blocks={blocks} programSlugs={programSlugs} marks={marks} />
      </div>
      {canFlag ? <SectionFlagTools sectionId={section.id} target={target} label={`section ${label}`} /> : null}
    </section>
  );
}

/** The first words of a section, for the table of contents. */
function excerpt(blocks: BlockData[], length = 90) {
  const first = blocks.find((block) => block.type === "paragraph" || block.type === "quote");
  const text = first && "text" in first ? first.text.replace(/\s+/g, " ").trim() : "";
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), length / 2)).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/**
 * The numbered sections, each a link to #section-N. On a phone a row of numbers in the flow of the page
 * (their first words stay available to screen readers); on a wide screen a sticky list beside the text.
 */
function Contents({ sections }: { sections: { label: string; blocks: BlockData[] }[] }) {
  return (
    <nav
      aria-label="Sections"
      className="font-sans lg:sticky lg:top-4 lg:mb-0 lg:col-start-2 lg:row-span-6 lg:row-start-1 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
    >
      <h2 className="text-sm font-semibold uppercase tracking-wider text-stone-500 dark:text-stone-400">Contents</h2>
      <ol className="mt-3 flex flex-wrap gap-2 lg:block lg:space-y-1 lg:border-l lg:border-stone-200 lg:text-sm lg:leading-snug lg:dark:border-stone-800">
        {sections.map((section) => (
          <li key={section.label}>
            <a
              href={`#section-${section.label}`}
              className="inline-flex min-h-10 min-w-10 items-center justify-center rounded-md border border-stone-300 bg-white px-2 text-sm font-semibold text-stone-700 no-underline tabular-nums hover:border-accent-600 hover:no-underline dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200 lg:-ml-px lg:flex lg:min-h-0 lg:min-w-0 lg:justify-start lg:gap-2 lg:rounded-none lg:border-0 lg:border-l-2 lg:border-transparent lg:bg-transparent lg:py-1 lg:pl-3 lg:font-normal lg:text-stone-600 lg:hover:border-accent-600 lg:hover:text-stone-900 lg:dark:border-transparent lg:dark:bg-transparent lg:dark:text-stone-400 lg:dark:hover:border-accent-300 lg:dark:hover:text-stone-100"
            >
              <span className="lg:w-9 lg:shrink-0 lg:font-semibold lg:text-accent-700 lg:dark:text-accent-300">
                {section.label}
                <span className="sr-only lg:not-sr-only">.</span>
              </span>
              <span className="sr-only lg:not-sr-only lg:line-clamp-2"> {excerpt(section.blocks)}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * Under a section, for members who may flag: "Flag a sentence" (by keyboard, with JavaScript) and the form that
 * works without a selection popover.
 */
function SectionFlagTools({ sectionId, target, label }: { sectionId: number; target: string; label: string }) {
  return (
    <div className="mt-3 flex flex-wrap items-start gap-x-5 gap-y-2 font-sans text-sm">
      <FlagSentenceControls target={target} label={`Flag a sentence in ${label}`} />
      <FallbackFlagForm targetType="section" targetId={sectionId} label={`Flag a claim in ${label}`} />
    </div>
  );
}
