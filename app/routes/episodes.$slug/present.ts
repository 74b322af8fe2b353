// Turns the model's rows into what the page shows: dates and times as words, in the episode's zone.
import type { BlockData, ClaimMarkData, CommentBodyData, CommentData, CommentTime, SourceCardData } from "~/components/episode/types";
import { formatInstantInZone, wallTimeAt } from "~/import/time";
import type { PageComment, PageSource, ResolvedBlock } from "~/models/episode.server";
import { sourceJson } from "~/models/presenters/source";
import type { ClaimMarker } from "~/models/claims/index.server";
import { highlightHtml } from "~/utils/canonical-text.server";
import { foldCommentHtml } from "~/utils/comment-folds.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { formatCalendarDate, MONTH_NAMES } from "~/utils/time-format";

export { formatCalendarDate };

/** A comment's time as the original page printed it, in the zone its times were written in. */
export function formatCommentTime(instant: Date, timeZone: string): CommentTime {
  const wall = wallTimeAt(instant.getTime(), timeZone);
  const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  const text = `${MONTH_NAMES[wall.month - 1]} ${wall.day}, ${wall.year}, ${hour12}:${String(wall.minute).padStart(2, "0")} ${wall.hour < 12 ? "am" : "pm"}`;
  return { text, title: `${text} ${zoneName(instant, timeZone)} (${timeZone})`, iso: formatInstantInZone(instant.getTime(), timeZone) };
}

/** One formatter per zone for the life of the process: making one costs far more than using it. */
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

/** "PDT", or "GMT+1" for a zone without an English abbreviation. */
function zoneName(instant: Date, timeZone: string) {
  let format = zoneNameFormats.get(timeZone);
  if (!format) zoneNameFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })));
  const parts = format.formatToParts(instant);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** A source's public shape (the source presenter) with its date as the card prints it. */
export function sourceCard(source: PageSource): SourceCardData {
  const { date: _date, dateText: _dateText, year: _year, path: _path, ...shared } = sourceJson(source);
  return {
    ...shared,
    dateLabel: source.date ? formatCalendarDate(source.date) : (source.dateText ?? (source.year === null ? null : String(source.year))),
  };
}

export function presentBlocks(blocks: readonly ResolvedBlock[]): BlockData[] {
  return blocks.map((block) => (block.type === "citation" ? { ...block, source: block.source ? sourceCard(block.source) : null } : block));
}

/** A comment as the page's thread shows it; its text goes to its island as `presentCommentBody` gives it. */
export function presentComment(comment: PageComment, timeZone: string, body: string): CommentData {
  const { markdown, mine, fromOriginal, blocks: _blocks, ...rest } = comment;
  return {
    ...rest,
    printed: fromOriginal ? { text: formatCommentTime(comment.postedAt, timeZone).text, timeZone } : null,
    body,
    source: mine ? markdown : null,
  };
}

/** What a comment's island shows: its text with its claims marked; null when the reader may not read it. */
export function presentCommentBody(comment: PageComment, marks: ClaimMarkData[] = []): CommentBodyData | null {
  const { markdown } = comment;
  if (markdown === null && comment.blocks.length === 0) return null;
  const visibleMarks = comment.status === "visible" ? marks : [];
  // A Markdown comment's claims are marked in its HTML, whose text is the claims' canonical text.
  const marked = markdown === null ? null : highlightHtml(renderMarkdown(markdown), visibleMarks.map(({ start, end, claimId, state }) => ({ start, end, claimId, state })));
  // A long one shows its start and folds the rest, as an imported comment does.
  const folded = marked === null ? null : foldCommentHtml(marked);
  return {
    blocks: presentBlocks(comment.blocks),
    html: folded?.html ?? null,
    htmlMore: folded?.more ?? null,
    marks: markdown === null ? visibleMarks : [],
  };
}

/** The first words of a section, for the table of contents. */
export function sectionExcerpt(blocks: readonly ResolvedBlock[], length = 90) {
  const first = blocks.find((block) => block.type === "paragraph" || block.type === "quote");
  const text = first && "text" in first ? first.text.replace(/\s+/g, " ").trim() : "";
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), length / 2)).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** Claim markers by target, as the page's components take them. */
export function marksByTarget(markers: readonly ClaimMarker[]) {
  const byTarget = new Map<string, ClaimMarkData[]>();
  for (const { targetType, targetId, ...mark } of markers) {
    const key = `${targetType}:${targetId}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), mark]);
  }
  return (targetType: "section" | "comment", targetId: number) => byTarget.get(`${targetType}:${targetId}`) ?? [];
}

/** The texts of blocks in which program references and URLs are linked (citation lines are not). */
export function linkableTexts(blocks: readonly ResolvedBlock[]) {
  return blocks.flatMap((block) => (block.type === "paragraph" || block.type === "quote" ? [block.text] : []));
}
