import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "./env.server";

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["0", false],
    ["1", 1],
    ["2", 2],
    ["10.0.0.1", ["10.0.0.1"]],
    ["10.0.0.1, 172.16.0.0/12", ["10.0.0.1", "172.16.0.0/12"]],
    ["loopback,::1", ["loopback", "::1"]],
  ])("accepts %j as %j", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(["true", "yes", "*", "0.0.0.0/33", "not-an-address", "11", "10.0.0.1/8/8"])("refuses %j: never trust everyone", (value) => {
    expect(parseTrustProxy(value)).toBeNull();
  });
});
