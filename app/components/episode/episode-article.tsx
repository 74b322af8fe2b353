import { useRef, type ReactNode } from "react";
import { SourcingSummary, type SourcingSummaryData } from "~/components/claims/sourcing-summary";
import { Island } from "~/components/ui/island";
import { FlagSentenceControls, useSentenceTarget } from "./claim-flagger";
import { FallbackFlagForm } from "./fallback-flag-form";
import { LinkedText } from "./linked-text";
import type { ProgramSlugs } from "./types";

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
  sections: SectionData[];
};

export type SectionData = {
  id: number;
  label: string;
  /** Its first words, for the table of contents. */
  excerpt: string;
  /** The island (components/ui/island.tsx) holding its text, rendered on the server. */
  body: string;
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

      {numbered.length > 0 ? <ContentsDrawer sections={numbered} /> : null}

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
            <EpisodeSection key={section.label} section={section} canFlag={canFlag} />
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

function EpisodeSection({ section, canFlag }: { section: SectionData; canFlag: boolean }) {
  const { label, body } = section;
  // The text readers select to flag a claim; the flagger (claim-flagger.tsx) finds its target by this.
  const target = `section:${section.id}`;
  const targetProps = useSentenceTarget(target);
  if (label === UNNUMBERED) {
    return (
      <div className="max-w-[70ch] space-y-[0.9em]">
        <Island islandKey={body} className="space-y-[0.9em]" {...targetProps} />
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
      <Island islandKey={body} className="space-y-[0.9em]" {...targetProps} />
      {canFlag ? <SectionFlagTools sectionId={section.id} target={target} label={`section ${label}`} /> : null}
    </section>
  );
}

/** The numbered sections on a wide screen: a sticky list beside the text, each a link to #section-N with its first words. */
function Contents({ sections }: { sections: SectionData[] }) {
  return (
    <nav
      aria-label="Sections"
      className="hidden font-sans lg:sticky lg:top-4 lg:col-start-2 lg:row-span-6 lg:row-start-1 lg:block lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
    >
      <h2 className="text-sm font-semibold uppercase tracking-wider text-stone-500 dark:text-stone-400">Contents</h2>
      <ol className="mt-3 space-y-1 border-l border-stone-200 text-sm leading-snug dark:border-stone-800">
        {sections.map((section) => (
          <li key={section.label}>
            <a
              href={`#section-${section.label}`}
              className="-ml-px flex gap-2 border-l-2 border-transparent py-1 pl-3 text-stone-600 no-underline hover:border-accent-600 hover:text-stone-900 hover:no-underline dark:text-stone-400 dark:hover:border-accent-300 dark:hover:text-stone-100"
            >
              <span className="w-9 shrink-0 font-semibold tabular-nums text-accent-700 dark:text-accent-300">{section.label}.</span>
              <span className="line-clamp-2">{section.excerpt}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The contents on a phone or a narrow window: a button that stays at the bottom corner of the screen and
 * opens a drawer of the sections with their first words. A <details>, so it works without JavaScript;
 * with it, choosing a section or pressing Escape closes the drawer.
 */
function ContentsDrawer({ sections }: { sections: SectionData[] }) {
  const drawer = useRef<HTMLDetailsElement>(null);
  const close = (focusButton: boolean) => {
    if (!drawer.current) return;
    drawer.current.open = false;
    if (focusButton) drawer.current.querySelector("summary")?.focus();
  };
  return (
    <details
      ref={drawer}
      data-contents-drawer=""
      className="group/drawer font-sans lg:hidden"
      onKeyDown={(event) => {
        if (event.key === "Escape" && drawer.current?.open) close(true);
      }}
    >
      <summary className="fixed right-4 bottom-4 z-40 inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-full bg-stone-900 px-4 text-sm font-semibold text-white shadow-lg hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 dark:bg-stone-100 dark:text-stone-900 dark:hover:bg-white [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <path d="M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01" />
        </svg>
        <span className="group-open/drawer:hidden">Contents</span>
        <span className="hidden group-open/drawer:inline">Close contents</span>
      </summary>
      <nav
        aria-label="Sections"
        className="fixed inset-x-0 bottom-0 z-30 max-h-[70vh] overflow-y-auto rounded-t-2xl border-t border-stone-200 bg-white px-4 pt-4 pb-20 shadow-[0_-8px_30px_rgba(0,0,0,0.15)] dark:border-stone-700 dark:bg-stone-900"
      >
        <h2 className="text-sm font-semibold uppercase tracking-wider text-stone-500 dark:text-stone-400">Contents</h2>
        <ol className="mt-2 divide-y divide-stone-100 dark:divide-stone-800">
          {sections.map((section) => (
            <li key={section.label}>
              <a
                href={`#section-${section.label}`}
                onClick={() => close(false)}
                className="flex min-h-11 items-baseline gap-3 py-2 text-[0.9375rem] leading-snug text-stone-700 no-underline hover:text-stone-950 hover:no-underline dark:text-stone-200 dark:hover:text-white"
              >
                <span className="w-8 shrink-0 text-right font-semibold tabular-nums text-accent-700 dark:text-accent-300">{section.label}.</span>
                <span className="line-clamp-2">{section.excerpt}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </details>
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
