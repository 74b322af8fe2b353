// Likely-unsourced claims: sentences of a section or comment that look like check-worthy factual claims
// with no source nearby. Pure: canonical text in, scored sentences out. Sentences, entities, parts of
// speech and lemmas come from wink-nlp (docs/claims.md says why not compromise); the signals, their
// weights and the threshold are documented, with the measured precision, in docs/claims.md.
import winkNLP, { type ItemSentence } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { isCitationLine } from "~/import/blocks";

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
const URL = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./i;

type Nlp = ReturnType<typeof winkNLP>;
let loaded: Nlp | null = null;
// The model loads once, on first use (about 80 ms), so importing this module costs nothing.
function nlp(): Nlp {
  loaded ??= winkNLP(model);
  return loaded;
}

type Paragraph = { start: number; text: string; sourced: boolean };

// Each line of the canonical text is a paragraph (blocks are separated by a blank line; a Markdown
// comment's text puts a single line break between blocks). A line followed by a citation (which stands
// outside the canonical text, at `citedAt`) counts as a citation line after it.
function paragraphs(text: string, citedAt: readonly number[]): Paragraph[] {
  const result: Paragraph[] = [];
  const line = /[^\n]+/g;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    if (match[0].trim() === "") continue;
    const content = match[0];
    result.push({ start: match.index, text: content, sourced: URL.test(content) || isCitationLine(content.trim()) });
  }
  const cited: Paragraph[] = [];
  result.forEach((paragraph, index) => {
    cited.push(paragraph);
    const end = paragraph.start + paragraph.text.length;
    const next = result[index + 1]?.start ?? Number.POSITIVE_INFINITY;
    if (citedAt.some((at) => at >= end && at < next)) cited.push({ start: end, text: "", sourced: true });
  });
  return cited;
}

/**
 * The sentences of `text` that look like check-worthy claims with no source nearby, in text order.
 * `citedAt`: where the target's citations stand in its text (app/import/stored-blocks.ts citationOffsets).
 */
export function suggestClaims(text: string, threshold = SUGGESTION_THRESHOLD, citedAt: readonly number[] = []): ClaimSuggestion[] {
  const { readDoc, its } = nlp();
  const blocks = paragraphs(text, citedAt);
  const suggestions: ClaimSuggestion[] = [];

  blocks.forEach((paragraph, index) => {
    if (paragraph.text === "" || isCitationLine(paragraph.text.trim())) return;
    const sourceNearby = paragraph.sourced || blocks[index + 1]?.sourced === true;
    let cursor = 0;
    readDoc(paragraph.text)
      .sentences()
      .each((sentence: ItemSentence) => {
        const words = sentence.out();
        const at = paragraph.text.indexOf(words, cursor);
        if (at < 0) return;
        cursor = at + words.length;
        const trimmed = words.trim();
        if (trimmed.endsWith("?") || isCitationLine(trimmed)) return;

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
        if (sourceNearby) signals.add("source-nearby");

        const score = [...signals].reduce((sum, signal) => sum + SIGNAL_WEIGHTS[signal], 0);
        if (score < threshold) return;
        const lead = words.length - words.trimStart().length;
        const start = paragraph.start + at + lead;
        suggestions.push({ start, end: start + trimmed.length, sentence: trimmed, score: Math.round(score * 10) / 10, signals: [...signals] });
      });
  });
  return suggestions;
}
