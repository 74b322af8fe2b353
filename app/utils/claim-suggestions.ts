// Likely-unsourced claims: sentences of a section or comment that look like check-worthy factual claims
// with no source nearby. Pure: canonical text in, scored sentences out. Sentences, entities, parts of
// speech and lemmas come from wink-nlp (docs/claims.md says why not compromise); the signals, their
// weights and the threshold are documented, with the measured precision, in docs/claims.md.
import winkNLP, { type ItemSentence } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { isCitationLine, isEllipsis, isRule, opensQuote } from "~/import/blocks";
import { parseSourceLine } from "~/import/sources";
import { matchText } from "~/import/text";

export type ClaimSuggestion = { start: number; end: number; sentence: string; score: number; signals: string[] };

export type Signal =
  | "figure"
  | "percentage"
  | "money"
  | "date"
  | "named-entity"
  | "organisation"
  | "reporting-verb"
  | "superlative"
  | "source-nearby";

/** What each signal adds to a sentence's score; `source-nearby` takes away. Counted once per sentence. */
export const SIGNAL_WEIGHTS: Record<Signal, number> = {
  figure: 1,
  percentage: 2,
  money: 1.5,
  date: 1.5,
  "named-entity": 1,
  organisation: 1,
  "reporting-verb": 1.5,
  superlative: 1,
  "source-nearby": -2.5,
};

/** A sentence scoring at least this is suggested. */
export const SUGGESTION_THRESHOLD = 2.5;
/** Shorter sentences are headings, greetings or fragments, not claims. */
const MIN_WORDS = 6;

const REPORTING_LEMMAS = new Set([
  "say", "report", "claim", "state", "announce", "tell", "reveal", "confirm", "deny", "allege", "admit",
  "testify", "disclose", "acknowledge", "assert", "write", "note", "estimate", "conclude", "find", "show",
]);
const SUPERLATIVE_WORDS = new Set(["most", "least", "best", "worst", "first", "largest", "biggest", "only"]);
// Proper nouns that name an organisation rather than a person (the model tags both PROPN).
const ORGANISATION_WORDS = new Set([
  "agency", "army", "bank", "brotherhood", "bureau", "church", "commission", "committee", "company", "congress",
  "corporation", "council", "department", "foundation", "front", "government", "group", "institute", "league",
  "ministry", "movement", "navy", "office", "organization", "organisation", "parliament", "party", "police",
  "post", "senate", "service", "society", "times", "union", "university",
]);
// A byline or timestamp of a pasted article ("Updated 5:08 PM CDT, March 23, 2024", "By David Ignatius Columnist|").
const BYLINE = /^(?:(?:Last )?Updated|Published|Posted)\b|^By (?:[A-Z][\p{L}.'’-]+ ){1,3}(?:[A-Z]|and\b|Columnist|\|)/u;
// A pointer to other material of the archive ("see FTR #547"), not a claim.
const POINTER = /\bsee (?:also )?(?:FTR|AFA|Miscellaneous Archive Show)\s*#/i;
/** At most this many suggestions per section or comment, the highest scores (a long comment offers its strongest). */
export const MAX_PER_TARGET = 5;
const URL = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./i;

type Nlp = ReturnType<typeof winkNLP>;
let loaded: Nlp | null = null;
// The model loads once, on first use (about 80 ms), so importing this module costs nothing.
function nlp(): Nlp {
  loaded ??= winkNLP(model);
  return loaded;
}

/** What a paragraph is in its target: the writer's own words, quoted text, a citation line or a rule. */
export type ParagraphKind = "paragraph" | "quote" | "ellipsis" | "citation" | "rule";
type Paragraph = { start: number; text: string; kind: ParagraphKind; hasUrl: boolean };

/** A target's blocks as stored (sections, imported comments): the importer has already told quotes from commentary. */
export type ContextBlock = { type: "paragraph" | "quote" | "citation" | "rule"; text?: string };
const BLOCK_SEPARATOR = "\n\n";

function linesOf(text: string, offset: number, kind: (line: string) => ParagraphKind): Paragraph[] {
  const result: Paragraph[] = [];
  const line = /[^\n]+/g;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    if (match[0].trim() === "") continue;
    result.push({ start: offset + match.index, text: match[0], kind: kind(match[0].trim()), hasUrl: URL.test(match[0]) });
  }
  return result;
}

// Paragraphs of stored blocks, each line of a block one paragraph; a rule keeps its place (it has no text).
function paragraphsOfBlocks(blocks: readonly ContextBlock[]): Paragraph[] {
  const result: Paragraph[] = [];
  let offset = 0;
  let first = true;
  for (const block of blocks) {
    // Citation lines and rules stand between paragraphs without taking room in the text (ADR 0019).
    if (block.type === "rule" || block.type === "citation") {
      result.push({ start: offset, text: "", kind: block.type, hasUrl: false });
      continue;
    }
    const text = block.text ?? "";
    if (!first) offset += BLOCK_SEPARATOR.length;
    first = false;
    const kind = (line: string): ParagraphKind =>
      block.type === "citation" ? "citation" : isEllipsis(line) ? "ellipsis" : block.type;
    result.push(...linesOf(text, offset, kind));
    offset += text.length;
  }
  return result;
}

// Paragraphs of plain text (a Markdown comment, a sentence of the sample): each line one paragraph, its kind
// read from its shape the way the importer reads a comment.
function paragraphsOfText(text: string): Paragraph[] {
  const result = linesOf(text, 0, (line) =>
    isRule(line) ? "rule" : isCitationLine(line) ? "citation" : isEllipsis(line) ? "ellipsis" : opensQuote(line) ? "quote" : "paragraph",
  );
  result.forEach((paragraph, index) => {
    // The line after a "———-" rule is a citation even without semicolons.
    if (paragraph.kind === "paragraph" && result[index - 1]?.kind === "rule" && parseSourceLine(paragraph.text, { lenient: true })) {
      paragraph.kind = "citation";
    }
  });
  markPastedArticles(result);
  return result;
}

/**
 * An article pasted above its citation line (with or without a "———-" rule between) is quoted text: it runs
 * from its headline — the paragraph that repeats the citation's title — down to the citation. Without that
 * headline, a rule above the article marks where it starts.
 */
function markPastedArticles(paragraphs: Paragraph[]) {
  let lowerBound = 0;
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind !== "citation") return;
    const cited = parseSourceLine(paragraph.text, { lenient: true });
    let end = index - 1;
    while (end >= lowerBound && paragraphs[end]!.kind === "rule") end -= 1;
    const title = cited ? matchText(cited.source.title).replace(/[.,:;!?]+$/, "") : "";
    let start = -1;
    for (let at = end; at >= lowerBound && title.length >= 8; at -= 1) {
      if (paragraphs[at]!.kind === "citation") break;
      if (matchText(paragraphs[at]!.text).startsWith(title)) {
        start = at;
        break;
      }
    }
    if (start < 0) {
      const rule = paragraphs.slice(lowerBound, end + 1).findLastIndex((candidate) => candidate.kind === "rule");
      if (rule >= 0) start = lowerBound + rule + 1;
    }
    if (start >= 0) {
      for (let at = start; at <= end; at += 1) if (paragraphs[at]!.kind === "paragraph") paragraphs[at]!.kind = "quote";
    }
    lowerBound = index + 1;
  });
}

const QUOTED: ReadonlySet<ParagraphKind> = new Set(["quote", "ellipsis", "rule"]);

/**
 * Quoted paragraphs that carry their own citation: the citation closes their run of quoted text (the
 * program's excerpts, an article pasted above its citation line), or opened the stretch they sit in (the
 * excerpts a commenter quotes after a citation line, until the next rule).
 */
function citedQuotes(paragraphs: readonly Paragraph[]): Set<number> {
  const cited = new Set<number>();
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind !== "quote") return;
    let after = index + 1;
    while (after < paragraphs.length && QUOTED.has(paragraphs[after]!.kind)) after += 1;
    if (paragraphs[after]?.kind === "citation" || paragraphs[after]?.hasUrl) {
      cited.add(index);
      return;
    }
    for (let before = index - 1; before >= 0; before -= 1) {
      const kind = paragraphs[before]!.kind;
      if (kind === "rule") break;
      if (kind === "citation") {
        cited.add(index);
        break;
      }
    }
  });
  return cited;
}

/**
 * The writer's paragraph right before a citation or a cited quotation (the introduction to it: "as the
 * following piece describes, …:") or right after one (the recap of what was just quoted).
 */
function sourcedNeighbour(paragraphs: readonly Paragraph[], cited: ReadonlySet<number>, index: number): boolean {
  const sourced = (at: number) => paragraphs[at]?.kind === "citation" || paragraphs[at]?.hasUrl === true || cited.has(at);
  let next = index + 1;
  while (paragraphs[next]?.kind === "rule") next += 1;
  let previous = index - 1;
  while (paragraphs[previous]?.kind === "rule" || paragraphs[previous]?.kind === "ellipsis") previous -= 1;
  return sourced(next) || sourced(previous);
}

export type SentenceSpan = { start: number; end: number; sentence: string; paragraph: number };

/** Each sentence of each paragraph with its offsets in `text`, as wink-nlp cuts them. */
function eachSentence(
  paragraphs: readonly Paragraph[],
  visit: (span: SentenceSpan, sentence: ItemSentence, paragraph: Paragraph) => void,
  skip: (index: number) => boolean = () => false,
) {
  const { readDoc } = nlp();
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.text === "" || skip(index)) return;
    let cursor = 0;
    readDoc(paragraph.text)
      .sentences()
      .each((sentence: ItemSentence) => {
        const words = sentence.out();
        const at = paragraph.text.indexOf(words, cursor);
        if (at < 0) return;
        cursor = at + words.length;
        const trimmed = words.trim();
        if (trimmed === "") return;
        const start = paragraph.start + at + (words.length - words.trimStart().length);
        visit({ start, end: start + trimmed.length, sentence: trimmed, paragraph: index }, sentence, paragraph);
      });
  });
}

/** The sentences of plain text, as suggestClaims cuts them (the held-out sample is labelled on these). */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  eachSentence(paragraphsOfText(text), (span) => spans.push(span));
  return spans;
}

export type SuggestOptions = { threshold?: number; blocks?: readonly ContextBlock[]; limit?: number };

/**
 * The sentences of `text` that look like check-worthy claims with no source nearby, in text order. With
 * `blocks` (the target's stored blocks, whose texts joined make `text`) the importer's reading of quotes and
 * citations is used; without, it is read from the text's lines.
 */
export function suggestClaims(text: string, options: SuggestOptions | number = {}): ClaimSuggestion[] {
  const { threshold = SUGGESTION_THRESHOLD, blocks, limit = MAX_PER_TARGET } = typeof options === "number" ? { threshold: options } : options;
  const { its } = nlp();
  const paragraphs = blocks ? paragraphsOfBlocks(blocks) : paragraphsOfText(text);
  const cited = citedQuotes(paragraphs);
  const suggestions: ClaimSuggestion[] = [];

  // Citation lines and cited quotations are never read: most of a long comment is quoted articles.
  const skip = (index: number) => cited.has(index) || ["citation", "ellipsis", "rule"].includes(paragraphs[index]!.kind);
  eachSentence(paragraphs, (span, sentence, paragraph) => {
    const trimmed = span.sentence;
    if (trimmed.endsWith("?") || isCitationLine(trimmed) || BYLINE.test(trimmed) || POINTER.test(trimmed)) return;

    const tokens = sentence.tokens();
    const types = tokens.out(its.type) as string[];
    if (types.filter((type) => type === "word" || type === "number").length < MIN_WORDS) return;
    const normals = tokens.out(its.normal) as string[];
    // The typings leave out that the lemma getter needs the model's add-ons, which readDoc supplies.
    const lemmas = tokens.out(its.lemma as unknown as typeof its.normal) as string[];
    const tags = tokens.out(its.pos) as string[];
    const originals = tokens.out() as string[];
    const entities = new Set(sentence.entities().out(its.type) as string[]);

    const signals = new Set<Signal>();
    if (entities.has("PERCENT")) signals.add("percentage");
    if (entities.has("MONEY")) signals.add("money");
    if (entities.has("DATE")) signals.add("date");
    if (entities.has("CARDINAL") || entities.has("FRACTION")) signals.add("figure");
    for (let i = 0; i < tags.length; i += 1) {
      const tag = tags[i]!;
      const normal = normals[i]!;
      if (tag === "PROPN" && i > 0) {
        // A proper noun not at the sentence start; an all-capitals one (CIA, UNPO) or one in a
        // name with an organisation word is an organisation.
        signals.add("named-entity");
        if (/^[A-Z]{2,6}$/.test(originals[i]!) || ORGANISATION_WORDS.has(normal)) signals.add("organisation");
      }
      if (tag === "VERB" && REPORTING_LEMMAS.has(lemmas[i]!)) signals.add("reporting-verb");
      if (normal === "according" && normals[i + 1] === "to") signals.add("reporting-verb");
      if ((tag === "ADJ" || tag === "ADV") && (SUPERLATIVE_WORDS.has(normal) || (normal.endsWith("est") && lemmas[i] !== normal))) {
        signals.add("superlative");
      }
    }
    if (paragraph.hasUrl || sourcedNeighbour(paragraphs, cited, span.paragraph)) signals.add("source-nearby");

    const score = [...signals].reduce((sum, signal) => sum + SIGNAL_WEIGHTS[signal], 0);
    if (score < threshold) return;
    suggestions.push({ start: span.start, end: span.end, sentence: trimmed, score: Math.round(score * 10) / 10, signals: [...signals] });
  }, skip);
  if (suggestions.length <= limit) return suggestions;
  const kept = new Set([...suggestions].sort((a, b) => b.score - a.score || a.start - b.start).slice(0, limit));
  return suggestions.filter((suggestion) => kept.has(suggestion));
}
