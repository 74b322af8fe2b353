// The one way Footnote shows an instant (components/ui/time.tsx): a stable UTC form from the server, then
// in the browser a relative form ("3 hours ago") with the exact time in the reader's own zone on hover.

/** "2026-11-22 10:04 UTC": one fixed rendering of an instant, the same on the server and in the browser. */
export function formatUtc(date: Date) {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Formatters by locale, zone and style, made once: making one costs far more than using it (a page of
 * comments formats an instant per comment). The zones seen are few, the server's UTC and a reader's own.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    // Zones come from the browser's own settings: a bound keeps a strange client from growing the map.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, (made = make()));
  }
  return made;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/**
 * "just now", "3 minutes ago", "yesterday", "2 weeks ago", "in 5 minutes" (a clock a little behind the
 * server's). Each unit is counted whole, so "3 hours ago" means at least three hours.
 */
export function formatRelative(date: Date, now: Date, locale = "en") {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const elapsed = Math.abs(seconds);
  if (elapsed < 45) return "just now";
  const words = formatter(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return words.format(Math.trunc(seconds / size), unit);
  }
  return words.format(seconds < 0 ? -1 : 1, "minute");
}

/** "Sunday, November 29, 2026 at 11:30 PM UTC": the exact time in `timeZone` (the reader's by default). */
export function formatExact(date: Date, { timeZone, locale = "en-US" }: { timeZone?: string; locale?: string } = {}) {
  // A page shows the same comments' times to every reader: each is formatted once (Intl is slow).
  const key = `${date.getTime()}|${locale}|${timeZone ?? ""}`;
  let text = exactTexts.get(key);
  if (text === undefined) {
    const exact = formatter(`exact|${locale}|${timeZone ?? ""}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone }));
    text = `${exact.format(date)} ${zoneAbbreviation(date, timeZone, locale)}`;
    if (exactTexts.size >= EXACT_TEXTS_KEPT) exactTexts.clear();
    exactTexts.set(key, text);
  }
  return text;
}

/** At most this many formatted times are kept (a few hundred KB), then the memo starts again. */
const EXACT_TEXTS_KEPT = 10_000;
const exactTexts = new Map<string, string>();

function zoneAbbreviation(date: Date, timeZone: string | undefined, locale: string) {
  const zone = formatter(`zone|${locale}|${timeZone ?? ""}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }));
  const parts = zone.formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone ?? "";
}

/** A Date from loader data, which may arrive as a Date or as its ISO string. */
export function toDate(value: Date | string) {
  return value instanceof Date ? value : new Date(value);
}

export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** "September 4, 2015" for a calendar date (stored at UTC midnight): a day, the same in every zone. */
export function formatCalendarDate(date: Date | string) {
  const day = toDate(date);
  return `${MONTH_NAMES[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
}
