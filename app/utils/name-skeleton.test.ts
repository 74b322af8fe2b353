import { describe, expect, it } from "vitest";
import { nameSkeleton } from "./name-skeleton";

describe("nameSkeleton", () => {
  it.each([
    ["PterrafractyI", "Pterrafractyl"], // capital i for small L
    ["DaveEm0ry", "DaveEmory"], // zero for O, across case
    ["Dave_Emory", "dave emory"],
    ["Dаve Emory", "Dave Emory"], // Cyrillic а
    ["Ｄａｖｅ Ｅｍｏｒｙ", "Dave Emory"], // full-width
    ["Dave\u200BEmory", "DaveEmory"], // zero-width space
    ["DAVEEMORY", "daveemory"],
    ["Davern", "Davem"], // rn for m
    ["member1", "memberl"],
  ])("%s looks like %s", (a, b) => {
    expect(nameSkeleton(a)).toBe(nameSkeleton(b));
  });

  it.each([
    ["DaveEmory", "DaveEmery"],
    ["ada", "ada2"],
    ["José", "Jose"],
  ])("%s does not look like %s", (a, b) => {
    expect(nameSkeleton(a)).not.toBe(nameSkeleton(b));
  });
});
