// What `npm run import` does once it has a database: each file imported in turn, a progress line per
// file with its name, every warning in full, and a summary table. Exported for the tests.
import fs from "node:fs";
import path from "node:path";

export interface ImportRow {
  file: string;
  outcome: string;
  episode: string;
  comments?: number;
  added?: number;
  warnings?: number;
}

/** Imports `files`; `write` receives the progress and the report, line by line. Returns the summary rows. */
export async function importFiles(files: string[], timeZone: string, write: (line: string) => void) {
  const { importDocument, ImportRefusedError } = await import("../app/models/import/index.server");
  const rows: ImportRow[] = [];
  for (const [index, file] of files.entries()) {
    const name = path.basename(file);
    const step = `[${index + 1}/${files.length}] ${name}`;
    write(`${step}: reading…`);
    try {
      const bytes = fs.readFileSync(file);
      write(`${step}: parsing and writing ${formatSize(bytes.byteLength)}…`);
      const result = await importDocument({ fileName: name, bytes, timeZone });
      write(`${step}: ${result.outcome} → /episodes/${result.episode.slug}`);
      for (const warning of result.warnings) write(`  warning${warning.line ? ` (line ${warning.line})` : ""}: ${warning.message}`);
      rows.push({
        file: name,
        outcome: result.outcome,
        episode: `/episodes/${result.episode.slug}`,
        comments: result.counts.comments,
        added: result.changes.commentsAdded,
        warnings: result.warnings.length,
      });
    } catch (error) {
      const message = error instanceof ImportRefusedError ? error.message : (error as Error).message;
      write(`${step}: failed: ${message}`);
      rows.push({ file: name, outcome: "failed", episode: message });
    }
  }
  write("");
  write(summaryTable(rows));
  const count = (outcome: string) => rows.filter((row) => row.outcome === outcome).length;
  write(
    `${rows.length} file${rows.length === 1 ? "" : "s"}: ${count("created")} created, ${count("updated")} updated, ` +
      `${count("unchanged")} unchanged, ${count("failed")} failed; ` +
      `${rows.reduce((sum, row) => sum + (row.warnings ?? 0), 0)} warnings shown above.`,
  );
  return rows;
}

function formatSize(bytes: number) {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function summaryTable(rows: ImportRow[]) {
  const columns = ["file", "outcome", "episode", "comments", "added", "warnings"] as const;
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? "")));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((line) => line[index]!.length)));
  const line = (values: readonly string[]) => values.map((value, index) => value.padEnd(widths[index]!)).join("  ").trimEnd();
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}
