// Builds the held-out sample's sentence list (tests/fixtures/claim-heldout/sentences.json) and the sheet the
// labellers read (to-label.md) from passages.txt. Sentences are cut by wink-nlp, one paragraph (line) at a
// time, exactly as the heuristic cuts them, so a label and a suggestion meet on the same span.
import fs from "node:fs";
import { readPassages, sentenceSpans } from "../app/utils/claim-sample";

const DIR = "tests/fixtures/claim-heldout";
const passages = readPassages(fs.readFileSync(`${DIR}/passages.txt`, "utf8"));
const sentences = passages.flatMap((passage) =>
  sentenceSpans(passage.text).map((span, index) => ({ id: `${passage.id}-s${index + 1}`, passage: passage.id, ...span })),
);
fs.writeFileSync(`${DIR}/sentences.json`, `${JSON.stringify({ sentences }, null, 2)}\n`);
const sheet = passages.map((passage) => {
  const own = sentences.filter((sentence) => sentence.passage === passage.id);
  return [`## ${passage.id} (${passage.kind})`, "", "```", passage.text, "```", "", ...own.map((s) => `- \`${s.id}\` ${s.sentence}`), ""].join("\n");
});
fs.writeFileSync(
  `${DIR}/to-label.md`,
  `# Held-out sample: ${sentences.length} sentences in ${passages.length} passages\n\nLabel each sentence ID by RULE.md.\n\n${sheet.join("\n")}`,
);
console.log(`${sentences.length} sentences in ${passages.length} passages`);
