import { describe, expect, it } from "vitest";
import {
  answerFromRepresentation,
  cacheForAnonymous,
  chooseCoding,
  encodedBody,
  etagFor,
  etagOf,
  isNotModified,
  representationOf,
  respondWithEtag,
} from "~/utils/http-cache.server";
import { SESSION_COOKIE } from "~/utils/session.server";

const page = (headers: Record<string, string> = {}) => new Request("http://localhost/episodes/x", { headers });

describe("HTTP caching for anonymous readers", () => {
  it("answers with an ETag and must-revalidate, then 304 for the same bytes", async () => {
    const first = respondWithEtag(page(), "<html>9 comments</html>", { status: 200, headers: new Headers() });
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    const etag = first.headers.get("ETag")!;
    const again = respondWithEtag(page({ "If-None-Match": etag }), "<html>9 comments</html>", { status: 200, headers: new Headers() });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("never answers 304 once the page changed, e.g. after a new comment", () => {
    const etag = etagOf("<html>9 comments</html>");
    const changed = respondWithEtag(page({ "If-None-Match": etag }), "<html>10 comments</html>", { status: 200, headers: new Headers() });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });

  it("leaves signed-in readers' responses alone", async () => {
    const response = new Response("{}", { headers: { "Content-Type": "application/json" } });
    const result = await cacheForAnonymous(page({ Cookie: `${SESSION_COOKIE}=abc` }), response);
    expect(result.headers.get("ETag")).toBeNull();
  });
});

describe("kept representations (ADR 0022)", () => {
  it("send Brotli, then gzip, by the client's q-values, and nothing a client refuses", () => {
    expect(chooseCoding("gzip, deflate, br")).toBe("br");
    expect(chooseCoding("gzip")).toBe("gzip");
    expect(chooseCoding("br;q=0.5, gzip")).toBe("gzip");
    expect(chooseCoding("br;q=0, gzip;q=0")).toBe("identity");
    expect(chooseCoding("*")).toBe("br");
    expect(chooseCoding("identity")).toBe("identity");
    expect(chooseCoding(null)).toBe("identity");
  });

  it("answer 304 to an If-None-Match naming the same bytes in any coding, weak or strong, and 200 to another page", async () => {
    const page = representationOf("<html>9 comments</html>", "text/html; charset=utf-8");
    for (const tag of [etagFor(page, "identity"), etagFor(page, "gzip"), `W/${etagFor(page, "br")}`, `"other", ${etagFor(page, "br")}`, "*"]) {
      expect(isNotModified(tag, page), tag).toBe(true);
    }
    const changed = representationOf("<html>10 comments</html>", "text/html; charset=utf-8");
    expect(isNotModified(etagFor(page, "gzip"), changed)).toBe(false);
    const answer = await answerFromRepresentation(page, { method: "GET", acceptEncoding: "gzip", ifNoneMatch: etagFor(page, "br") }, {});
    expect(answer).toMatchObject({ status: 304, body: null, headers: { etag: etagFor(page, "gzip") } });
  });

  it("compress a page once, whatever the number of readers", async () => {
    const page = representationOf("<p>a paragraph</p>".repeat(1000), "text/html; charset=utf-8");
    const [first, second] = await Promise.all([encodedBody(page, "br"), encodedBody(page, "br")]);
    expect(second).toBe(first);
    expect(await encodedBody(page, "br")).toBe(first);
    expect(first.length).toBeLessThan(page.identity.length / 10);
  });
});
