// Issue 11, item 10: the import CLI's report names each file, shows its warnings in full and sums up.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFiles } from "../../scripts/import-files";
import { PROGRAM_FILE } from "../fixtures/seeds";

describe("npm run import", () => {
  it("prints each file's name with its progress, every warning in full, and a summary", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-import-"));
    const post = path.join(dir, "a-plain-post.txt");
    fs.writeFileSync(post, "A plain post\n\nIts only paragraph, long enough to be read as one.\n");
    const lines: string[] = [];
    const rows = await importFiles([path.join("seeds", PROGRAM_FILE), post, path.join(dir, "missing.txt")], "America/Los_Angeles", (line) => lines.push(line));
    const output = lines.join("\n");

    expect(output).toContain(`[1/3] ${PROGRAM_FILE}: created → /episodes/`);
    expect(output).toContain("[2/3] a-plain-post.txt: created → /episodes/a-plain-post");
    expect(output).toMatch(/\[3\/3\] missing\.txt: failed: /);
    expect(output).not.toContain("{file}");
    // The plain post's warning, word for word.
    expect(output).toContain("  warning (line 1): a-plain-post.txt: unrecognised document layout: imported as a title and plain paragraphs");
    expect(rows.map((row) => row.outcome)).toEqual(["created", "created", "failed"]);
    expect(output).toMatch(/3 files: 2 created, 0 updated, 0 unchanged, 1 failed; \d+ warnings shown above\./);
  });
});
