import { describe, expect, it } from "vitest";
import { parseCitationDate } from "./dates";

describe("parseCitationDate", () => {
  it("reads US month-first numeric dates", () => {
    expect(parseCitationDate("9/04/2015.")).toEqual({ date: "2015-09-04", year: 2015, dateText: "9/04/2015" });
    expect(parseCitationDate("03/22/2024")).toEqual({ date: "2024-03-22", year: 2024, dateText: "03/22/2024" });
  });

  it("reads written-out dates", () => {
    expect(parseCitationDate("March 22, 2024")?.date).toBe("2024-03-22");
    expect(parseCitationDate("Fri March 22, 2024")?.date).toBe("2024-03-22");
    expect(parseCitationDate("21 November 2019")?.date).toBe("2019-11-21");
    expect(parseCitationDate("Dec. 3, 2024")?.date).toBe("2024-12-03");
  });

  it("keeps a partial date as text with its year", () => {
    expect(parseCitationDate("7/2002")).toEqual({ date: null, year: 2002, dateText: "7/2002" });
    expect(parseCitationDate("Copyright 2000")).toEqual({ date: null, year: 2000, dateText: "Copyright 2000" });
    expect(parseCitationDate("Copyright 2014 by Peter Levenda")).toEqual({
      date: null,
      year: 2014,
      dateText: "Copyright 2014",
    });
  });

  it("rejects what is not a date", () => {
    expect(parseCitationDate("The Daily Beast")).toBeNull();
    expect(parseCitationDate("13/45/2020")).toBeNull();
    expect(parseCitationDate("")).toBeNull();
  });
});
