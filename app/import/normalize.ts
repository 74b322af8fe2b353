/** One input line after whitespace normalisation, with its 1-based number in the original text. */
export interface SourceLine {
  number: number;
  /** Normalised text with leading indentation kept and trailing whitespace removed. */
  text: string;
  /** Count of leading spaces (after tabs became spaces). */
  indent: number;
  /** `text` without its indentation; "" for a blank line. */
  content: string;
}

const LINE_BREAK = /\r\n|\r|\n/;
// Control characters other than tab/newline cannot be stored in Postgres text (NUL) or rendered.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ODD_SPACES = /[\u00A0\u202F\u2007\u2009\u200A\u3000\t]/g;
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;

/** Normalises one line: odd spaces and tabs become spaces, invisible characters go, trailing blanks are trimmed. */
export function normalizeLineText(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(CONTROL_CHARS, "")
    .replace(ZERO_WIDTH, "")
    .replace(ODD_SPACES, " ")
    .trimEnd();
}

/** Splits a document into normalised lines; CRLF, CR and LF all end a line and a leading BOM is dropped. */
export function normalizeDocument(text: string): SourceLine[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  return body.split(LINE_BREAK).map((raw, index) => {
    const normalized = normalizeLineText(raw);
    const content = normalized.trimStart();
    return {
      number: index + 1,
      text: normalized,
      indent: normalized.length - content.length,
      content,
    };
  });
}

/** Numbers of the lines that hold text after normalisation: the lines the parser must account for. */
export function nonEmptyLineNumbers(lines: readonly SourceLine[]): number[] {
  return lines.filter((line) => line.content !== "").map((line) => line.number);
}
