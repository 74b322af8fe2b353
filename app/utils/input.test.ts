import { describe, expect, it } from "vitest";
import { idSchema, maxBodyBytes, xmlSafe } from "~/utils/input";
import { VersionedCache } from "~/utils/page-cache.server";

describe("xmlSafe", () => {
  it("drops the characters XML 1.0 forbids and keeps TAB, line breaks, bidi marks and astral characters", () => {
    expect(xmlSafe("a\u0000b\u0007c\u001bd\u0008e\ufffe\uffff\ud800f")).toBe("abcdef");
    expect(xmlSafe("tab\tlf\ncr\r\u200f\u202e😀")).toBe("tab\tlf\ncr\r\u200f\u202e😀");
  });
});

describe("ids and body limits", () => {
  it("bounds ids to PostgreSQL's integer", () => {
    expect(idSchema("no").safeParse("2147483647").success).toBe(true);
    expect(idSchema("no").safeParse("2147483648").success).toBe(false);
    expect(idSchema("no").safeParse("9999999999999").success).toBe(false);
  });

  it("reads an id in digits only: no hexadecimal, exponent, fraction or sign", () => {
    for (const written of ["0x10", "1e3", "12.0", "+12", "-1", "0", "", "12abc", "Infinity", "1_000"]) {
      const parsed = idSchema("That comment does not exist.").safeParse(written);
      expect(parsed.success, written).toBe(false);
      expect(parsed.error?.issues[0]?.message, written).toBe("That comment does not exist.");
    }
    expect(idSchema("no").parse(" 12 ")).toBe(12);
    expect(idSchema("no").parse("012")).toBe(12);
    expect(idSchema("no").parse(12)).toBe(12);
  });

  it("gives forms 64 KB and the import its uploads", () => {
    expect(maxBodyBytes("/login")).toBe(64 * 1024);
    expect(maxBodyBytes("/admin/import")).toBeGreaterThan(50 * 1024 * 1024);
  });
});

describe("the page caches' byte budget", () => {
  it("evicts the least recently used entries past the budget, whatever their count", () => {
    const cache = new VersionedCache<string>((value) => value.length, 200, 1000);
    for (let i = 0; i < 10; i += 1) cache.set(`/episodes/x?utm=${i}`, "v1", "x".repeat(300));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.size).toBe(3);
    expect(cache.get("/episodes/x?utm=9", "v1")).toBeDefined();
    expect(cache.get("/episodes/x?utm=0", "v1")).toBeUndefined();
    cache.set("/big", "v1", "x".repeat(5000));
    expect(cache.get("/big", "v1")).toBeUndefined();
  });
});
