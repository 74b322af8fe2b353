import { describe, expect, it } from "vitest";
import { SIGN_IN_MAX_WAIT_SECONDS, signInWaitSeconds } from "./rate-limit.server";

describe("signInWaitSeconds", () => {
  it("lets five failures pass, then doubles the wait, up to 15 minutes", () => {
    expect([1, 2, 3, 4].map(signInWaitSeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(signInWaitSeconds)).toEqual([2, 4, 8, 16]);
    expect(signInWaitSeconds(14)).toBe(SIGN_IN_MAX_WAIT_SECONDS);
    expect(signInWaitSeconds(1000)).toBe(SIGN_IN_MAX_WAIT_SECONDS);
  });
});
