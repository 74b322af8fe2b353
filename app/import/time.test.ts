import { describe, expect, it } from "vitest";
import { formatOffset, isValidTimeZone, parseWallClock, zonedWallTimeToIso, type WallTime } from "./time";

const LA = "America/Los_Angeles";

function isoFor(text: string, timeZone = LA): string {
  const wall = parseWallClock(text);
  if (!wall) throw new Error(`not a time: ${text}`);
  return zonedWallTimeToIso(wall, timeZone);
}

describe("parseWallClock", () => {
  it("reads the comment byline format", () => {
    expect(parseWallClock("March 22, 2024, 5:57 pm")).toEqual<WallTime>({
      year: 2024,
      month: 3,
      day: 22,
      hour: 17,
      minute: 57,
      second: 0,
    });
  });

  it("maps 12 am to midnight and 12 pm to noon", () => {
    expect(parseWallClock("December 9, 2024, 12:05 am")?.hour).toBe(0);
    expect(parseWallClock("December 9, 2024, 12:30 pm")?.hour).toBe(12);
  });

  it("rejects impossible dates and non-times", () => {
    expect(parseWallClock("February 30, 2024, 1:00 pm")).toBeNull();
    expect(parseWallClock("13:00")).toBeNull();
    expect(parseWallClock("March 22, 2024, 13:57 pm")).toBeNull();
  });
});

describe("zonedWallTimeToIso (America/Los_Angeles, 2024)", () => {
  it("uses PDT in March after the change and PST in December", () => {
    expect(isoFor("March 22, 2024, 5:57 pm")).toBe("2024-03-22T17:57:00-07:00");
    expect(isoFor("December 9, 2024, 10:10 pm")).toBe("2024-12-09T22:10:00-08:00");
  });

  it("is still PST just before the spring change and PDT just after it", () => {
    expect(isoFor("March 10, 2024, 1:30 am")).toBe("2024-03-10T01:30:00-08:00");
    expect(isoFor("March 10, 2024, 3:30 am")).toBe("2024-03-10T03:30:00-07:00");
  });

  it("moves a time inside the spring gap forward by the gap (2:30 am does not exist)", () => {
    expect(isoFor("March 10, 2024, 2:30 am")).toBe("2024-03-10T03:30:00-07:00");
  });

  it("resolves the repeated autumn hour to its first occurrence (daylight time)", () => {
    expect(isoFor("November 3, 2024, 1:30 am")).toBe("2024-11-03T01:30:00-07:00");
    expect(isoFor("November 3, 2024, 2:30 am")).toBe("2024-11-03T02:30:00-08:00");
    expect(isoFor("November 3, 2024, 12:59 am")).toBe("2024-11-03T00:59:00-07:00");
  });

  it("works for other zones, including half-hour offsets", () => {
    expect(isoFor("March 31, 2024, 1:30 am", "Europe/London")).toBe("2024-03-31T02:30:00+01:00");
    expect(isoFor("July 1, 2024, 9:00 am", "Asia/Kolkata")).toBe("2024-07-01T09:00:00+05:30");
    expect(isoFor("July 1, 2024, 9:00 am", "UTC")).toBe("2024-07-01T09:00:00+00:00");
  });
});

describe("time zone helpers", () => {
  it("formats offsets", () => {
    expect(formatOffset(-420)).toBe("-07:00");
    expect(formatOffset(330)).toBe("+05:30");
    expect(formatOffset(0)).toBe("+00:00");
  });

  it("knows which zone names are valid", () => {
    expect(isValidTimeZone(LA)).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
