import { describe, expect, it } from "vitest";
import { formatExact, formatRelative, formatUtc } from "./time-format";

const now = new Date("2026-11-30T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("formatUtc", () => {
  it("renders the same minute on every machine", () => {
    expect(formatUtc(new Date("2026-11-29T23:30:59Z"))).toBe("2026-11-29 23:30 UTC");
  });
});

describe("formatRelative", () => {
  it("says just now for the last seconds, and for a browser clock slightly behind the server's", () => {
    expect(formatRelative(ago(10), now)).toBe("just now");
    expect(formatRelative(ago(-20), now)).toBe("just now");
  });

  it("counts whole minutes, hours and days", () => {
    expect(formatRelative(ago(60), now)).toBe("1 minute ago");
    expect(formatRelative(ago(3 * 3600 + 59 * 60), now)).toBe("3 hours ago");
    expect(formatRelative(ago(24 * 3600 + 5), now)).toBe("yesterday");
    expect(formatRelative(ago(3 * 24 * 3600), now)).toBe("3 days ago");
  });

  it("switches to weeks, months and years for older things", () => {
    expect(formatRelative(ago(15 * 24 * 3600), now)).toBe("2 weeks ago");
    expect(formatRelative(ago(70 * 24 * 3600), now)).toBe("2 months ago");
    expect(formatRelative(new Date("2024-03-23T00:57:00Z"), now)).toBe("2 years ago");
  });

  it("speaks of the future too", () => {
    expect(formatRelative(ago(-5 * 60), now)).toBe("in 5 minutes");
  });
});

describe("formatExact", () => {
  it("gives the full date and minute in the reader's zone, with the zone's name", () => {
    expect(formatExact(new Date("2026-11-29T23:30:00Z"), { timeZone: "UTC" })).toBe("Sunday, November 29, 2026 at 11:30 PM UTC");
    expect(formatExact(new Date("2024-03-23T00:57:00Z"), { timeZone: "America/Los_Angeles" })).toBe("Friday, March 22, 2024 at 5:57 PM PDT");
    expect(formatExact(new Date("2024-03-23T00:57:00Z"), { timeZone: "Europe/Berlin" })).toBe("Saturday, March 23, 2024 at 1:57 AM GMT+1");
  });
});
