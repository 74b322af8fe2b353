// `npm run claims:precision`: how the likely-unsourced heuristic (app/utils/claim-suggestions.ts) does on
// the hand-labelled sample (tests/fixtures/claim-sample.json), how many suggestions it makes on the seed
// program page (sections and comments), and how long it takes. The figures go in docs/claims.md.
import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "../app/import/parse";
import { blockText, canonicalText, toStoredBlocks } from "../app/import/stored-blocks";
import {
  cohenKappa,
  measure,
  measureHeldOut,
  readLabels,
  readPassages,
  suggestedIds,
  type LabelledSentence,
} from "../app/utils/claim-sample";
import { SUGGESTION_THRESHOLD, suggestClaims, type ContextBlock } from "../app/utils/claim-suggestions";

const PROGRAM = "seeds/ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt";
const HELD_OUT = "tests/fixtures/claim-heldout";
const LABELLERS = ["a", "b"] as const;
const sample = JSON.parse(fs.readFileSync("tests/fixtures/claim-sample.json", "utf8")).sentences as LabelledSentence[];

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const interval = ([low, high]: [number, number]) => `[${percent(low)}, ${percent(high)}]`;
type Rates = ReturnType<typeof measure>;
const report = (result: Rates) => {
  console.log(`  suggested ${result.suggested}, of which labelled positive ${result.truePositives}; positives ${result.positives} of ${result.sentences}`);
  console.log(`  precision ${percent(result.precision)} (95 % Wilson ${interval(result.precisionInterval)})`);
  console.log(`  recall    ${percent(result.recall)} (95 % Wilson ${interval(result.recallInterval)})`);
};

console.log(`Threshold ${SUGGESTION_THRESHOLD}.`);
console.log(`\n1. Tuning sample (tests/fixtures/claim-sample.json): ${sample.length} seed sentences, each scored alone; labelled once.`);
report(measure(sample));

const passages = readPassages(fs.readFileSync(`${HELD_OUT}/passages.txt`, "utf8"));
const { ids, suggested } = suggestedIds(passages);
console.log(`\n2. Held-out sample (${HELD_OUT}/): ${ids.length} sentences in ${passages.length} passages written for the measurement, scored whole.`);
const labelSets = LABELLERS.map((name) => {
  const file = `${HELD_OUT}/labels-${name}.tsv`;
  return fs.existsSync(file) ? { name, file, labels: readLabels(fs.readFileSync(file, "utf8")) } : { name, file, labels: null };
});
for (const set of labelSets) {
  if (!set.labels) {
    console.log(`  labeller ${set.name}: ${set.file} is missing (see ${HELD_OUT}/RULE.md for how to label)`);
    continue;
  }
  const missing = ids.filter((id) => !set.labels!.has(id));
  console.log(`  labeller ${set.name} (${set.file}${missing.length ? `; ${missing.length} sentences unlabelled` : ""}):`);
  report(measureHeldOut(ids, suggested, set.labels));
}
const [first, second] = labelSets;
if (first?.labels && second?.labels) {
  const both = ids.filter((id) => first.labels!.has(id) && second.labels!.has(id));
  const { kappa, observed } = cohenKappa(both.map((id) => first.labels!.get(id)!), both.map((id) => second.labels!.get(id)!));
  console.log(`  agreement of the two labellers on ${both.length} sentences: ${percent(observed)}, Cohen's kappa ${kappa.toFixed(2)}`);
  const agreed = new Map(both.filter((id) => first.labels!.get(id) === second.labels!.get(id)).map((id) => [id, first.labels!.get(id)!]));
  console.log(`  on the ${agreed.size} sentences both labellers agree on:`);
  report(measureHeldOut(ids, suggested, agreed));
}

const raw = fs.readFileSync(PROGRAM, "utf8");
const document = parseDocument(raw);
const target = (kind: "section" | "comment", blocks: ReturnType<typeof toStoredBlocks>) => ({
  kind,
  text: canonicalText(blocks),
  blocks: blocks.map((block): ContextBlock => (block.type === "rule" ? { type: "rule" } : { type: block.type, text: blockText(block) ?? "" })),
});
const targets = [
  ...document.sections.map((section) => target("section", toStoredBlocks(section.blocks, document.sources))),
  ...document.comments.map((comment) => target("comment", toStoredBlocks(comment.blocks, document.sources))),
];
suggestClaims("The model loads on first use, which this sentence pays for in 2024.");

const runs = 5;
const timings: number[] = [];
let counts = { section: 0, comment: 0 };
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  counts = { section: 0, comment: 0 };
  for (const target of targets) counts[target.kind] += suggestClaims(target.text, { blocks: target.blocks }).length;
  timings.push(performance.now() - started);
}
const commentTargets = targets.filter((target) => target.kind === "comment");
const commentTexts = commentTargets.map((target) => target.text);
const commentTimes = commentTargets.map(({ text, blocks }) => {
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) suggestClaims(text, { blocks });
  return (performance.now() - started) / runs;
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const characters = targets.reduce((sum, target) => sum + target.text.length, 0);
console.log(
  `\n3. Program page (${path.basename(PROGRAM)}, ${Buffer.byteLength(raw)} bytes; ${targets.length} targets, ${characters} characters of canonical text):`,
);
console.log(`  suggestions: ${counts.section} in ${document.sections.length} sections, ${counts.comment} in ${document.comments.length} comments`);
console.log(`  suggestClaims over all targets: median ${median(timings).toFixed(0)} ms of ${runs} runs (min ${Math.min(...timings).toFixed(0)} ms)`);
console.log(
  `  per comment: median ${median(commentTimes).toFixed(1)} ms (median comment ${median(commentTexts.map((text) => text.length))} characters), longest ${Math.max(...commentTimes).toFixed(1)} ms`,
);

await moderatorDecisions();

/** Precision per signal from the moderators' decisions: of the decided suggestions a signal fired on, how many were promoted. */
async function moderatorDecisions() {
  console.log("\n4. Moderators' decisions (promoted = a moderator judged it an unsourced claim; discarded = not):");
  if (!process.env.DATABASE_URL) {
    console.log("  DATABASE_URL is not set: run with the app's database to read them (DATABASE_URL=… npm run claims:precision).");
    return;
  }
  const { decisionsBySignal } = await import("../app/models/suggestion.server");
  const { prisma } = await import("../app/utils/db.server");
  try {
    const { overall, signals } = await decisionsBySignal();
    if (overall.decided === 0) {
      console.log("  none yet.");
      return;
    }
    const line = (name: string, row: { promoted: number; decided: number; precision: number; interval: [number, number] }) =>
      console.log(`  ${name.padEnd(16)} ${String(row.promoted).padStart(5)} of ${String(row.decided).padEnd(5)} promoted: ${percent(row.precision)} ${interval(row.interval)}`);
    line("all", overall);
    for (const [signal, row] of signals) line(signal, row);
  } finally {
    await prisma.$disconnect();
  }
}
