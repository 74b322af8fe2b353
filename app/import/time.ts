/** A wall-clock reading with no zone attached. Months are 1-based. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

export const DEFAULT_TIME_ZONE = "America/Los_Angeles";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** 1-based month for an English month name or its three-letter (or "Sept") abbreviation, else null. */
export function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)) && month.startsWith(lower));
  if (index >= 0) return index + 1;
  return lower === "sept" ? 9 : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** true when Intl knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallAsUtcMillis(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
}

/** The wall clock shown in `timeZone` at `instant` (ms since epoch). */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (−420 for PDT). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return Math.round((wallAsUtcMillis(wallTimeAt(wholeSecond, timeZone)) - wholeSecond) / 60_000);
}

const HOUR = 3_600_000;

/**
 * The instant a wall-clock reading in `timeZone` denotes.
 * Rule (as Temporal's "compatible"): in the autumn overlap the earlier instant (daylight time) wins;
 * a time inside the spring gap is moved forward by the gap (2:30 am → 3:30 am daylight time).
 */
export function zonedWallTimeToInstant(wall: WallTime, timeZone: string): number {
  const local = wallAsUtcMillis(wall);
  // Offsets a day either side bracket any single transition.
  const before = offsetMinutesAt(local - 24 * HOUR, timeZone);
  const after = offsetMinutesAt(local + 24 * HOUR, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset * 60_000)
    .filter((instant) => wallAsUtcMillis(wallTimeAt(instant, timeZone)) === local)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return earliest;
  return local - before * 60_000;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, "0");
}

/** "+HH:MM" / "-HH:MM" for an offset in minutes. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 for `instant` as read in `timeZone`, with that zone's offset: "2024-03-22T17:57:00-07:00". */
export function formatInstantInZone(instant: number, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second ?? 0)}`;
  return `${date}T${time}${formatOffset(offset)}`;
}

/** Wall-clock reading in a zone → ISO 8601 with the zone's offset at that moment. */
export function zonedWallTimeToIso(wall: WallTime, timeZone: string): string {
  return formatInstantInZone(zonedWallTimeToInstant(wall, timeZone), timeZone);
}

const COMMENT_TIME =
  /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i;

/** Parses a printed comment time such as "March 22, 2024, 5:57 pm"; null when it is not one. */
export function parseWallClock(text: string): WallTime | null {
  const match = COMMENT_TIME.exec(text.trim());
  if (!match) return null;
  const [, monthName = "", day = "", year = "", hour = "", minute = "", second, meridiem = ""] = match;
  const month = monthNumber(monthName);
  const hour12 = Number(hour);
  if (month === null || hour12 < 1 || hour12 > 12 || Number(minute) > 59) return null;
  const wall: WallTime = {
    year: Number(year),
    month,
    day: Number(day),
    hour: (hour12 % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0),
    minute: Number(minute),
    second: second === undefined ? 0 : Number(second),
  };
  return isRealDate(wall.year, wall.month, wall.day) ? wall : null;
}

/** true for a calendar date that exists (no 31 April, 29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
