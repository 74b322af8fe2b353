// The hand-labelled sample of seed sentences (tests/fixtures/claim-sample.json) and how the heuristic
// in claim-suggestions.ts scores on it: precision (of the sentences suggested, how many are check-worthy)
// and recall (of the check-worthy ones, how many are suggested). Shared by the script and the unit test.
import { suggestClaims } from "~/utils/claim-suggestions";

export type LabelledSentence = { seed: "program" | "article"; sentence: string; checkworthy: boolean };

export function measure(sample: readonly LabelledSentence[], threshold?: number) {
  let suggested = 0;
  let truePositives = 0;
  let checkworthy = 0;
  for (const { sentence, checkworthy: label } of sample) {
    const hit = suggestClaims(sentence, threshold).length > 0;
    if (label) checkworthy += 1;
    if (hit) suggested += 1;
    if (hit && label) truePositives += 1;
  }
  return {
    sentences: sample.length,
    checkworthy,
    suggested,
    truePositives,
    precision: suggested ? truePositives / suggested : 0,
    recall: checkworthy ? truePositives / checkworthy : 0,
  };
}
