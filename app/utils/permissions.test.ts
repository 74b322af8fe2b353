// docs/authorization.md states the permission table for people; this test keeps it equal to PERMISSIONS.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission } from "./permissions";

const COLUMNS = ["Anonymous", "Member", "Suspended member", "Moderator", "Admin"] as const;
type Column = (typeof COLUMNS)[number];

const SUBJECTS: Record<Column, Parameters<typeof can>[0]> = {
  Anonymous: null,
  Member: { role: "member", suspendedAt: null },
  "Suspended member": { role: "member", suspendedAt: new Date("2026-01-01T00:00:00Z") },
  Moderator: { role: "moderator", suspendedAt: null },
  Admin: { role: "admin", suspendedAt: null },
};

function cells(line: string) {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

/** The first Markdown table whose header starts with "Permission": each row's label → column → allowed. */
function documentedTable() {
  const text = fs.readFileSync(new URL("../../docs/authorization.md", import.meta.url), "utf8");
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^\|\s*Permission\s*\|/.test(line));
  if (start < 0) throw new Error("docs/authorization.md has no table headed “Permission”");
  const header = cells(lines[start]!);
  const rows = new Map<string, Record<string, boolean>>();
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith("|")) break;
    const row = cells(line);
    const label = row[0]!.replace(/`/g, "");
    const allowed: Record<string, boolean> = {};
    for (const column of COLUMNS) {
      const value = row[header.indexOf(column)];
      if (value !== "✓" && value !== "—") throw new Error(`row “${label}”, column “${column}”: expected ✓ or —, found “${value}”`);
      allowed[column] = value === "✓";
    }
    expect(rows.has(label), `row “${label}” appears twice`).toBe(false);
    rows.set(label, allowed);
  }
  return { header, rows };
}

describe("docs/authorization.md", () => {
  it("has a column for anonymous readers, each role and suspended accounts", () => {
    const { header } = documentedTable();
    for (const column of COLUMNS) expect(header).toContain(column);
    for (const role of ROLES) expect(header.map((cell) => cell.toLowerCase())).toContain(role);
  });

  it("lists exactly the permissions of PERMISSIONS, plus reading what is public", () => {
    const { rows } = documentedTable();
    expect([...rows.keys()].sort()).toEqual(["read everything public", ...Object.keys(PERMISSIONS)].sort());
  });

  it("grants each permission to exactly whom PERMISSIONS and can() grant it", () => {
    const { rows } = documentedTable();
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const documented = rows.get(permission);
      const actual = Object.fromEntries(COLUMNS.map((column) => [column, can(SUBJECTS[column], permission)]));
      expect(documented, permission).toEqual(actual);
    }
  });

  it("lets everyone, signed in or not, suspended or not, read what is public", () => {
    expect(documentedTable().rows.get("read everything public")).toEqual(Object.fromEntries(COLUMNS.map((column) => [column, true])));
  });
});

describe("can()", () => {
  it("grants a suspended account nothing, whatever its role", () => {
    for (const role of ROLES) {
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
        expect(can({ role, suspendedAt: new Date() }, permission)).toBe(false);
      }
    }
  });
});
