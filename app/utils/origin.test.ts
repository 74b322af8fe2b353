import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

describe("isSameOrigin", () => {
  it("accepts the site's own origin", () => {
    expect(isSameOrigin("http://localhost:3000", "localhost:3000")).toBe(true);
    expect(isSameOrigin("https://footnote.example", "footnote.example")).toBe(true);
  });

  it("compares host names without regard to case", () => {
    expect(isSameOrigin("https://Footnote.Example", "footnote.EXAMPLE")).toBe(true);
  });

  it("treats a default port written in the Host header as the same site", () => {
    expect(isSameOrigin("https://footnote.example", "footnote.example:443")).toBe(true);
    expect(isSameOrigin("http://footnote.example", "footnote.example:80")).toBe(true);
  });

  it("lets a request without an Origin header through", () => {
    expect(isSameOrigin(undefined, "footnote.example")).toBe(true);
    expect(isSameOrigin(null, "footnote.example")).toBe(true);
  });

  it("refuses another site", () => {
    expect(isSameOrigin("https://evil.example", "footnote.example")).toBe(false);
    expect(isSameOrigin("https://footnote.example.evil.example", "footnote.example")).toBe(false);
  });

  it("refuses the same name on another port", () => {
    expect(isSameOrigin("http://localhost:4000", "localhost:3000")).toBe(false);
    expect(isSameOrigin("https://footnote.example:8443", "footnote.example")).toBe(false);
  });

  it("refuses the opaque origin `null` sent by sandboxed frames and some redirects", () => {
    expect(isSameOrigin("null", "footnote.example")).toBe(false);
  });

  it("refuses an origin that is not an http(s) URL", () => {
    expect(isSameOrigin("", "footnote.example")).toBe(false);
    expect(isSameOrigin("not a url", "footnote.example")).toBe(false);
    expect(isSameOrigin("file://footnote.example", "footnote.example")).toBe(false);
  });

  it("refuses when the Host header is missing or malformed", () => {
    expect(isSameOrigin("https://footnote.example", undefined)).toBe(false);
    expect(isSameOrigin("https://footnote.example", "")).toBe(false);
    expect(isSameOrigin("https://footnote.example", "evil.example@footnote.example")).toBe(false);
    expect(isSameOrigin("https://footnote.example", "footnote.example/path")).toBe(false);
  });
});
