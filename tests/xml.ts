// Well-formed XML 1.0, as a strict reader checks it: the parser's validation, and no character XML 1.0
// forbids (https://www.w3.org/TR/xml/#charsets), written raw or as a character reference.
import { XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";

const FORBIDDEN_RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function forbiddenReference(text: string) {
  for (const match of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = match[1]!.startsWith("x") ? Number.parseInt(match[1]!.slice(1), 16) : Number(match[1]);
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return match[0];
  }
  return null;
}

export function xmlProblem(text: string): string | null {
  const raw = FORBIDDEN_RAW.exec(text);
  if (raw) return `forbidden character U+${raw[0].codePointAt(0)!.toString(16).padStart(4, "0")} at ${raw.index}`;
  const reference = forbiddenReference(text);
  if (reference) return `forbidden character reference ${reference}`;
  const valid = XMLValidator.validate(text);
  return valid === true ? null : `${valid.err.code}: ${valid.err.msg} (line ${valid.err.line})`;
}

export function expectWellFormedXml(text: string) {
  expect(xmlProblem(text)).toBeNull();
}
