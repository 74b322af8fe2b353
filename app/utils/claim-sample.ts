// The labelled samples the likely-unsourced heuristic (claim-suggestions.ts) is measured on, and the
// statistics reported for them. The tuning sample (tests/fixtures/claim-sample.json) is single sentences of
// the two seeds, scored alone; the held-out sample (tests/fixtures/claim-heldout/) is passages written for the
// measurement, scored whole (so context counts), their sentences labelled by two labellers. Shared by
// `npm run claims:precision` and the unit test.
import { suggestClaims, sentenceSpans } from "~/utils/claim-suggestions";

export { sentenceSpans };

export type LabelledSentence = { seed: "program" | "article"; sentence: string; checkworthy: boolean };

export type Counts = { sentences: number; positives: number; suggested: number; truePositives: number };

export function measure(sample: readonly LabelledSentence[], threshold?: number) {
  const counts: Counts = { sentences: sample.length, positives: 0, suggested: 0, truePositives: 0 };
  for (const { sentence, checkworthy: label } of sample) {
    const hit = suggestClaims(sentence, { threshold }).length > 0;
    tally(counts, label, hit);
  }
  return withRates(counts);
}

function tally(counts: Counts, label: boolean, hit: boolean) {
  if (label) counts.positives += 1;
  if (hit) counts.suggested += 1;
  if (hit && label) counts.truePositives += 1;
}

function withRates(counts: Counts) {
  return {
    ...counts,
    // Kept under their old names for the callers that read them.
    checkworthy: counts.positives,
    precision: counts.suggested ? counts.truePositives / counts.suggested : 0,
    recall: counts.positives ? counts.truePositives / counts.positives : 0,
    precisionInterval: wilson(counts.truePositives, counts.suggested),
    recallInterval: wilson(counts.truePositives, counts.positives),
  };
}

/** Wilson score interval for a proportion, 95 % by default: stays inside [0, 1] and behaves for small n. */
export function wilson(successes: number, trials: number, z = 1.959964): [number, number] {
  if (trials === 0) return [0, 1];
  const p = successes / trials;
  const denominator = 1 + (z * z) / trials;
  const centre = (p + (z * z) / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Cohen's kappa of two labellers' yes/no labels on the same items: agreement beyond chance. */
export function cohenKappa(a: readonly boolean[], b: readonly boolean[]) {
  if (a.length !== b.length || a.length === 0) throw new Error("kappa needs two label lists of the same, non-zero length");
  const n = a.length;
  const agree = a.filter((label, index) => label === b[index]).length / n;
  const yesA = a.filter(Boolean).length / n;
  const yesB = b.filter(Boolean).length / n;
  const chance = yesA * yesB + (1 - yesA) * (1 - yesB);
  return { observed: agree, kappa: chance === 1 ? 1 : (agree - chance) / (1 - chance) };
}

export type Passage = { id: string; kind: "comment" | "program"; text: string };

/** passages.txt: "=== p01 comment" opens a passage; its text runs to the next header, trimmed. */
export function readPassages(source: string): Passage[] {
  const passages: Passage[] = [];
  const header = /^=== (\S+) (comment|program)$/gm;
  const heads = [...source.matchAll(header)];
  heads.forEach((head, index) => {
    const from = head.index! + head[0].length;
    const to = heads[index + 1]?.index ?? source.length;
    passages.push({ id: head[1]!, kind: head[2] as Passage["kind"], text: source.slice(from, to).trim() });
  });
  return passages;
}

/** A labels file: one `ID<TAB>1` or `ID<TAB>0` a line (blank lines and `#` comments ignored). */
export function readLabels(source: string): Map<string, boolean> {
  const labels = new Map<string, boolean>();
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(\S+)\s+([01])$/.exec(line);
    if (!match) throw new Error(`labels: cannot read the line "${line}" (want "ID<TAB>1" or "ID<TAB>0")`);
    labels.set(match[1]!, match[2] === "1");
  }
  return labels;
}

/** Which held-out sentences the heuristic suggests, each passage scored whole. */
export function suggestedIds(passages: readonly Passage[], threshold?: number): { ids: string[]; suggested: Set<string> } {
  const ids: string[] = [];
  const suggested = new Set<string>();
  for (const passage of passages) {
    const spans = sentenceSpans(passage.text);
    const hits = new Set(suggestClaims(passage.text, { threshold }).map((suggestion) => suggestion.start));
    spans.forEach((span, index) => {
      const id = `${passage.id}-s${index + 1}`;
      ids.push(id);
      if (hits.has(span.start)) suggested.add(id);
    });
  }
  return { ids, suggested };
}

/** Precision and recall of the suggestions against one set of labels (sentences without a label left out). */
export function measureHeldOut(ids: readonly string[], suggested: ReadonlySet<string>, labels: ReadonlyMap<string, boolean>) {
  const counts: Counts = { sentences: 0, positives: 0, suggested: 0, truePositives: 0 };
  for (const id of ids) {
    const label = labels.get(id);
    if (label === undefined) continue;
    counts.sentences += 1;
    tally(counts, label, suggested.has(id));
  }
  return withRates(counts);
}
