// On `npm start`: imports the documents in seeds/ not imported yet by this parser (by content hash and
// parser version): a seed read by an older parser is imported again, which updates its episode.
import fs from "node:fs";
import path from "node:path";
import { PARSER_VERSION } from "../app/import/parse";
import { contentHash, importDocument } from "../app/models/import/index.server";
import { prisma } from "../app/utils/db.server";

export async function importSeedDirectory(directory: string, timeZone: string, log: (line: string) => void) {
  if (!fs.existsSync(directory)) return;
  const files = fs.readdirSync(directory).filter((name) => name.endsWith(".txt")).sort();
  for (const name of files) {
    const bytes = fs.readFileSync(path.join(directory, name));
    const known = await prisma.import.findFirst({
      where: { contentHash: contentHash(bytes), parserVersion: PARSER_VERSION, outcome: { not: "failed" } },
      select: { id: true },
    });
    if (known) continue;
    try {
      const result = await importDocument({ fileName: name, bytes, timeZone });
      log(`imported ${name}: ${result.outcome}, ${result.counts.sections} sections, ${result.counts.comments} comments → /episodes/${result.episode.slug}`);
    } catch (error) {
      log(`could not import ${name}: ${(error as Error).message}`);
    }
  }
}
