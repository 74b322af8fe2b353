// The episode presenter: the public JSON shape of an episode (docs/api.md) as `reader` may see it.
// Field names are a contract: add, never rename. A removed comment keeps its place (its replies point to
// it) with its notice and without its text; counts count what the list shows as visible.
import { formatInstantInZone } from "~/import/time";
import type { StoredBlock } from "~/import/stored-blocks";
import type { EpisodeDetail } from "~/models/episode.server";
import { commentAuthorName, isImportedAuthor, isListed, presentCommentText } from "~/models/presenters/comment";
import type { Reader } from "~/models/presenters/reader";
import { citedSourceJson, type SourceFields } from "~/models/presenters/source";

type Citation = { blockIndex: number; pages: string | null; source: SourceFields };

function paragraphs(blocks: StoredBlock[]) {
  return blocks.flatMap((block) => (block.type === "paragraph" || block.type === "quote" ? [block.text] : []));
}

function blocksJson(blocks: StoredBlock[], citations: Citation[]) {
  const byIndex = new Map(citations.map((citation) => [citation.blockIndex, citation]));
  return blocks.map((block, index) => {
    if (block.type !== "citation") return block;
    const citation = byIndex.get(index);
    return { type: "citation" as const, raw: block.raw, source: citation ? citedSourceJson(citation.source, citation.pages) : null };
  });
}

type CommentRow = EpisodeDetail["comments"][number];

function commentJson(comment: CommentRow, timeZone: string, reader: Reader) {
  const stored = (comment.blocks as StoredBlock[] | null) ?? [{ type: "paragraph" as const, text: comment.body }];
  const { notice, text } = presentCommentText(comment, reader, { paragraphs: paragraphs(stored), citations: comment.citations }, { paragraphs: [], citations: [] });
  return {
    id: comment.id,
    ordinal: comment.ordinal,
    anchor: comment.anchor,
    parentId: comment.parentId,
    authorName: commentAuthorName(comment),
    imported: isImportedAuthor(comment),
    postedAt: formatInstantInZone(comment.postedAt.getTime(), timeZone),
    status: comment.status,
    notice,
    paragraphs: text.paragraphs,
    sources: text.citations.map((citation) => citedSourceJson(citation.source, citation.pages)),
  };
}

/** The header of an episode as every reader sees it, on the page and in its JSON twin. */
export function episodeHeader(episode: Pick<EpisodeDetail, "slug" | "kind" | "number" | "title" | "publication" | "author" | "recordingNote" | "summary" | "authorBio" | "intro" | "highlights">) {
  return {
    slug: episode.slug,
    kind: episode.kind,
    number: episode.number,
    title: episode.title,
    publication: episode.publication,
    author: episode.author,
    recordingNote: episode.recordingNote,
    summary: episode.summary,
    authorBio: episode.authorBio,
    intro: episode.intro,
    highlights: episode.highlights,
  };
}

export function episodeJson(episode: EpisodeDetail, reader: Reader) {
  const comments = episode.comments.map((comment) => commentJson(comment, episode.timeZone, reader));
  return {
    ...episodeHeader(episode),
    sections: episode.sections.map((section) => {
      const blocks = section.blocks as StoredBlock[];
      return {
        id: section.id,
        label: section.label,
        anchor: `section-${section.label}`,
        paragraphs: paragraphs(blocks),
        sources: section.citations.map((citation) => citedSourceJson(citation.source, citation.pages)),
        blocks: blocksJson(blocks, section.citations),
      };
    }),
    comments,
    declaredCommentCount: episode.declaredCommentCount,
    commentCount: comments.filter(isListed).length,
  };
}

const TEASER_LENGTH = 240;

/**
 * The archive's teaser: the first sentences of the intro (else the summary, else the first highlight),
 * whole sentences while they fit in about 240 characters, or the first sentence cut at a word.
 */
export function episodeTeaser({ intro, summary, highlights }: { intro: string[]; summary: string | null; highlights: string[] }) {
  const text = (intro.find((paragraph) => paragraph.trim()) ?? summary ?? highlights[0] ?? "").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const sentences = text.match(/[^.!?]+(?:[.!?]+["”’)\]]*|$)\s*/g) ?? [text];
  let teaser = "";
  for (const sentence of sentences) {
    if (teaser && (teaser + sentence).trim().length > TEASER_LENGTH) break;
    teaser += sentence;
  }
  teaser = teaser.trim();
  if (teaser.length <= TEASER_LENGTH) return teaser;
  return `${teaser.slice(0, TEASER_LENGTH - 1).replace(/\s+\S*$/, "")}…`;
}
