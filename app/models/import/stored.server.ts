// Helpers both writers (sections and comments) use to compare what is stored with what was parsed.
import type { StoredBlock } from "~/import/stored-blocks";

/** Deep equality of JSON values; jsonb does not keep key order, so stringify with sorted keys. */
export function sameJson(a: unknown, b: unknown) {
  return stableStringify(a) === stableStringify(b);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The citation rows of a section's or comment's blocks: one per citation whose source is in the library. */
export function citationRows(blocks: StoredBlock[], sourceIds: Map<string, number>) {
  return blocks.flatMap((block, blockIndex) => {
    if (block.type !== "citation") return [];
    const sourceId = sourceIds.get(block.sourceKey);
    return sourceId === undefined ? [] : [{ sourceId, blockIndex, pages: block.pages, raw: block.raw, backReference: block.backReference }];
  });
}
