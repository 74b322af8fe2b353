import { isRealDate, monthNumber } from "./time";

/** A citation date: ISO when the day is known, the year alone otherwise, and the text as written. */
export interface CitationDate {
  date: string | null;
  year: number | null;
  dateText: string;
}

const NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTH_YEAR_NUMERIC = /^(\d{1,2})\/(\d{4})$/;
const MONTH_NAME_DATE = /^(?:[A-Za-z]{3,9}\.?,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_MONTH_NAME_DATE = /^(?:[A-Za-z]{3,9}\.?,?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;
const MONTH_NAME_YEAR = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;
const YEAR_ONLY = /^(?:(?:Copyright|©|\(c\))\s*)?(\d{4})$/i;
const COPYRIGHT = /^(?:Copyright|©)\s*(\d{4})\b/i;

function iso(year: number, month: number, day: number): string | null {
  if (!isRealDate(year, month, day)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function plausibleYear(year: number): boolean {
  return year >= 1400 && year <= 2999;
}

/**
 * Parses a date as written in a citation: "9/04/2015" and "03/22/2024" (US month-first), "March 22, 2024",
 * "7/2002", "Copyright 2014 by …". Returns null when the text is not a date.
 */
export function parseCitationDate(raw: string): CitationDate | null {
  const text = raw.trim().replace(/[.\s]+$/, "");
  if (text === "") return null;

  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [, month = "", day = "", year = ""] = numeric;
    const date = iso(Number(year), Number(month), Number(day));
    return date ? { date, year: Number(year), dateText: text } : null;
  }

  const monthYear = MONTH_YEAR_NUMERIC.exec(text);
  if (monthYear) {
    const [, month = "", year = ""] = monthYear;
    if (Number(month) < 1 || Number(month) > 12 || !plausibleYear(Number(year))) return null;
    return { date: null, year: Number(year), dateText: text };
  }

  const named = MONTH_NAME_DATE.exec(text);
  if (named) {
    const [, monthName = "", day = "", year = ""] = named;
    const month = monthNumber(monthName);
    const date = month === null ? null : iso(Number(year), month, Number(day));
    return date ? { date, year: Number(year), dateText: text } : null;
  }

  const dayFirst = DAY_MONTH_NAME_DATE.exec(text);
  if (dayFirst) {
    const [, day = "", monthName = "", year = ""] = dayFirst;
    const month = monthNumber(monthName);
    const date = month === null ? null : iso(Number(year), month, Number(day));
    return date ? { date, year: Number(year), dateText: text } : null;
  }

  const namedMonthYear = MONTH_NAME_YEAR.exec(text);
  if (namedMonthYear) {
    const [, monthName = "", year = ""] = namedMonthYear;
    // "Copyright 2000" has the same shape; it falls through to the year-only rules.
    if (monthNumber(monthName) !== null && plausibleYear(Number(year))) {
      return { date: null, year: Number(year), dateText: text };
    }
  }

  const yearOnly = YEAR_ONLY.exec(text) ?? COPYRIGHT.exec(text);
  if (yearOnly) {
    const year = Number(yearOnly[1]);
    if (!plausibleYear(year)) return null;
    // "Copyright 2014 by Peter Levenda" is kept as "Copyright 2014": the rest names the holder, not the date.
    return { date: null, year, dateText: yearOnly[0].trim() };
  }
  return null;
}
