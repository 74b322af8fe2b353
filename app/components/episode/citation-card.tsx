import { outletLabel } from "~/components/sources/source-format";
import type { BlockData, SourceCardData } from "./types";

type CitationBlock = Extract<BlockData, { type: "citation" }>;

const KIND_LABELS: Record<SourceCardData["kind"], string> = { article: "Article", book: "Book", web: "Web page" };

/** Text drawn outside the text flow: a citation card sits inside a claim target but adds nothing to its text. */
function UiText({ text }: { text: string }) {
  return <span data-ui-text={text} />;
}

/**
 * A citation line as a card naming the source, linking to its page; "(Idem.)" / "(Ibid.)" as a compact
 * one. Every word of it is drawn from `data-ui-text`: its `textContent` is empty (docs/api.md).
 */
export function CitationCard({ citation }: { citation: CitationBlock }) {
  const { source, pages } = citation;
  if (!source) return <p className="font-sans text-sm text-stone-600 dark:text-stone-400" data-ui-text={citation.raw} />;
  const href = `/sources/${source.id}`;

  if (citation.backReference) {
    return (
      <p className="flex flex-wrap items-baseline gap-x-1.5 rounded-md border border-dashed border-stone-300 px-3 py-1.5 font-sans text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        <span aria-hidden="true" data-ui-text="↑" />
        <a href={href} title={source.title} data-ui-text="Same source as above" aria-label="Same source as above" />
        {pages ? <UiText text={`· ${pages}`} /> : null}
      </p>
    );
  }

  // A web page cited by its address alone has the address as its title; its site names it better.
  const titleIsAddress = /^https?:\/\//i.test(source.title);
  const name = titleIsAddress ? (source.outlet ?? source.title) : source.title;
  const outlet = outletLabel(source);
  const details = [
    source.authors.join(", "),
    titleIsAddress ? null : outlet,
    source.publisher,
    source.dateLabel,
    source.isbn ? `ISBN ${source.isbn}` : null,
    pages,
  ].filter((detail): detail is string => Boolean(detail));

  return (
    <div className="rounded-md border border-stone-200 bg-stone-100/70 px-3.5 py-2.5 font-sans text-sm leading-snug dark:border-stone-700/80 dark:bg-stone-800/50">
      <p className="text-[0.7rem] font-semibold uppercase tracking-wider text-stone-600 dark:text-stone-400">
        <span className="sr-only" data-ui-text="Source: " />
        <UiText text={KIND_LABELS[source.kind]} />
      </p>
      <p className="mt-0.5 font-medium text-stone-900 dark:text-stone-100">
        <cite className={source.kind === "book" ? "italic" : "not-italic"}>
          <a href={href} data-ui-text={source.kind === "article" ? `“${name}”` : name} aria-label={name} />
        </cite>
      </p>
      {details.length > 0 ? <p className="mt-0.5 text-stone-600 dark:text-stone-300" data-ui-text={details.join(" · ")} /> : null}
      {source.url ? (
        <p className="mt-0.5">
          <a href={source.url} rel="nofollow ugc noopener" className="[overflow-wrap:anywhere]" data-ui-text={source.url} aria-label={source.url} />
        </p>
      ) : null}
    </div>
  );
}
