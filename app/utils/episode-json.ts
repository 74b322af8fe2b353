// The public JSON shapes of episodes (docs/api.md). Field names are a contract: add, never rename.
import { formatInstantInZone } from "~/import/time";
import type { StoredBlock } from "~/import/stored-blocks";
import type { CitedSource, EpisodeDetail } from "~/models/episode.server";

type Citation = { blockIndex: number; pages: string | null; source: CitedSource };

export function sourceJson(source: CitedSource, pages: string | null = null) {
  return {
    id: source.id,
    kind: source.kind,
    title: source.title,
    authors: source.authors,
    outlet: source.outlet,
    originalOutlet: source.originalOutlet,
    publisher: source.publisher,
    date: source.date ? source.date.toISOString().slice(0, 10) : null,
    dateText: source.dateText,
    year: source.year,
    isbn: source.isbn,
    url: source.url,
    pages,
  };
}

function paragraphs(blocks: StoredBlock[]) {
  return blocks.flatMap((block) => (block.type === "paragraph" || block.type === "quote" ? [block.text] : []));
}

function blocksJson(blocks: StoredBlock[], citations: Citation[]) {
  const byIndex = new Map(citations.map((citation) => [citation.blockIndex, citation]));
  return blocks.map((block, index) => {
    if (block.type !== "citation") return block;
    const citation = byIndex.get(index);
    return { type: "citation" as const, raw: block.raw, source: citation ? sourceJson(citation.source, citation.pages) : null };
  });
}

/** The name shown for a comment's author: a linked account wins over the imported name. */
export function commentAuthorName(comment: EpisodeDetail["comments"][number]) {
  return comment.author?.username ?? comment.importedAuthor?.linkedUser?.username ?? comment.importedAuthor?.name ?? "unknown";
}

export function episodeJson(episode: EpisodeDetail, comments: EpisodeDetail["comments"] = episode.comments) {
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
    sections: episode.sections.map((section) => {
      const blocks = section.blocks as StoredBlock[];
      return {
        id: section.id,
        label: section.label,
        anchor: `section-${section.label}`,
        paragraphs: paragraphs(blocks),
        sources: section.citations.map((citation) => sourceJson(citation.source, citation.pages)),
        blocks: blocksJson(blocks, section.citations),
      };
    }),
    comments: comments.map((comment) => {
      const blocks = (comment.blocks as StoredBlock[] | null) ?? [{ type: "paragraph" as const, text: comment.body }];
      return {
        id: comment.id,
        ordinal: comment.ordinal,
        parentId: comment.parentId,
        authorName: commentAuthorName(comment),
        imported: comment.format === "imported",
        postedAt: formatInstantInZone(comment.postedAt.getTime(), episode.timeZone),
        status: comment.status,
        paragraphs: paragraphs(blocks),
        sources: comment.citations.map((citation) => sourceJson(citation.source, citation.pages)),
      };
    }),
    declaredCommentCount: episode.declaredCommentCount,
    commentCount: comments.length,
  };
}
