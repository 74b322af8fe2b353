// `npm run claims:precision`: how the likely-unsourced heuristic (app/utils/claim-suggestions.ts) does on
// the hand-labelled sample (tests/fixtures/claim-sample.json), how many suggestions it makes on the seed
// program page (sections and comments), and how long it takes. The figures go in docs/claims.md.
import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "../app/import/parse";
import { canonicalText, citationOffsets, toStoredBlocks } from "../app/import/stored-blocks";
import { measure, type LabelledSentence } from "../app/utils/claim-sample";
import { SUGGESTION_THRESHOLD, suggestClaims } from "../app/utils/claim-suggestions";

const PROGRAM = "seeds/ftr-863-9-11-muslim-brotherhood-earth-island-boogie-part-2.txt";
const sample = JSON.parse(fs.readFileSync("tests/fixtures/claim-sample.json", "utf8")).sentences as LabelledSentence[];

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const result = measure(sample);
console.log(`Sample: ${result.sentences} sentences, ${result.checkworthy} labelled check-worthy (threshold ${SUGGESTION_THRESHOLD})`);
console.log(`  suggested ${result.suggested}, of which check-worthy ${result.truePositives}`);
console.log(`  precision ${percent(result.precision)}, recall ${percent(result.recall)}`);

const raw = fs.readFileSync(PROGRAM, "utf8");
const document = parseDocument(raw);
const targets = [
  ...[...document.sections, ...document.comments].map((target) => {
    const blocks = toStoredBlocks(target.blocks, document.sources);
    return { kind: "ordinal" in target ? "comment" : "section", text: canonicalText(blocks), citedAt: citationOffsets(blocks) };
  }),
];
suggestClaims("The model loads on first use, which this sentence pays for in 2024.");

const runs = 5;
const timings: number[] = [];
let counts = { section: 0, comment: 0 };
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  counts = { section: 0, comment: 0 };
  for (const target of targets) counts[target.kind as "section" | "comment"] += suggestClaims(target.text, undefined, target.citedAt).length;
  timings.push(performance.now() - started);
}
const commentTexts = targets.filter((target) => target.kind === "comment").map((target) => target.text);
const commentTimes = commentTexts.map((text) => {
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) suggestClaims(text);
  return (performance.now() - started) / runs;
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const characters = targets.reduce((sum, target) => sum + target.text.length, 0);
console.log(
  `Program page (${path.basename(PROGRAM)}, ${Buffer.byteLength(raw)} bytes; ${targets.length} targets, ${characters} characters of canonical text):`,
);
console.log(`  suggestions: ${counts.section} in ${document.sections.length} sections, ${counts.comment} in ${document.comments.length} comments`);
console.log(`  suggestClaims over all targets: median ${median(timings).toFixed(0)} ms of ${runs} runs (min ${Math.min(...timings).toFixed(0)} ms)`);
console.log(
  `  per comment: median ${median(commentTimes).toFixed(1)} ms (median comment ${median(commentTexts.map((text) => text.length))} characters), longest ${Math.max(...commentTimes).toFixed(1)} ms`,
);
