import { describe, expect, it } from "vitest";
import { cacheForAnonymous, etagOf, respondWithEtag } from "~/utils/http-cache.server";
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
