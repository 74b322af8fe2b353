import { describe, expect, it } from "vitest";
import { outletLabel } from "./source-format";

describe("outletLabel", () => {
  it("leaves out an outlet that only repeats the byline (“by Kyiv Post” in the Kyiv Post)", () => {
    expect(outletLabel({ authors: ["Kyiv Post"], outlet: "Kyiv Post", originalOutlet: null })).toBeNull();
    expect(outletLabel({ authors: ["kyiv post "], outlet: "Kyiv Post", originalOutlet: null })).toBeNull();
  });

  it("keeps an outlet beside real authors, and says where a reprint came from", () => {
    expect(outletLabel({ authors: ["Jane Doe"], outlet: "Kyiv Post", originalOutlet: null })).toBe("Kyiv Post");
    expect(outletLabel({ authors: [], outlet: "Yahoo News", originalOutlet: "The Telegraph" })).toBe("The Telegraph via Yahoo News");
    expect(outletLabel({ authors: [], outlet: null, originalOutlet: null })).toBeNull();
  });
});
