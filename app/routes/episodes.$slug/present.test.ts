import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatCommentTime, sourceCard } from "./present";

describe("formatCommentTime", () => {
  it("prints the time as the original page did, in the episode's zone, with the zone and the offset instant", () => {
    expect(formatCommentTime(new Date("2024-03-23T00:57:00Z"), "America/Los_Angeles")).toEqual({
      text: "March 22, 2024, 5:57 pm",
      title: "March 22, 2024, 5:57 pm PDT (America/Los_Angeles)",
      iso: "2024-03-22T17:57:00-07:00",
    });
  });

  it("uses standard time in winter and 12 for noon and midnight", () => {
    expect(formatCommentTime(new Date("2024-12-10T06:10:00Z"), "America/Los_Angeles").title).toBe(
      "December 9, 2024, 10:10 pm PST (America/Los_Angeles)",
    );
    expect(formatCommentTime(new Date("2024-06-01T07:05:00Z"), "America/Los_Angeles").text).toBe("June 1, 2024, 12:05 am");
    expect(formatCommentTime(new Date("2024-06-01T19:00:00Z"), "America/Los_Angeles").text).toBe("June 1, 2024, 12:00 pm");
  });

  it("reads the same instant in another zone", () => {
    expect(formatCommentTime(new Date("2024-03-23T00:57:00Z"), "Europe/Berlin")).toMatchObject({
      text: "March 23, 2024, 1:57 am",
      iso: "2024-03-23T01:57:00+01:00",
    });
  });
});

describe("source cards", () => {
  const source = {
    id: 1,
    kind: "book" as const,
    title: "Dollars for Terror",
    authors: ["Richard Labeviere"],
    outlet: null,
    originalOutlet: null,
    publisher: "Algora Press",
    date: null,
    dateText: null,
    year: null,
    isbn: "1822941066",
    url: null,
  };

  it("says a full date in words whatever the reader's zone (dates are stored at UTC midnight)", () => {
    expect(formatCalendarDate(new Date("2015-09-04T00:00:00Z"))).toBe("September 4, 2015");
    expect(sourceCard({ ...source, date: new Date("2015-09-04T00:00:00Z"), dateText: "9/04/2015" }).dateLabel).toBe("September 4, 2015");
  });

  it("falls back to the date as written, then to the year", () => {
    expect(sourceCard({ ...source, dateText: "Copyright 2000", year: 2000 }).dateLabel).toBe("Copyright 2000");
    expect(sourceCard({ ...source, year: 2014 }).dateLabel).toBe("2014");
    expect(sourceCard(source).dateLabel).toBeNull();
  });
});
