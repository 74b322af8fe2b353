// Issue 15, "cheap hits" over HTTP (ADR 0022): an anonymous episode page, its single-fetch data and its
// JSON twin, once cached at their content version, are answered before Remix with a strong ETag (304 on
// revalidation), gzip or Brotli made once, and Cache-Control a shared cache may use; a signed-in reader
// still gets a page of their own. Files of public/ are served from memory.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import express from "express";
import { describe, expect, it } from "vitest";
import { frontOf } from "../../scripts/server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../factories";
import { testApp } from "../http";

/** The bytes as sent, without fetch's transparent decompression. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

async function postEpisode(slug: string) {
  return prisma.episode.create({ data: { kind: "post", slug, title: `The ${slug} thread` } });
}

const SHARED = "public, max-age=0, s-maxage=10, stale-while-revalidate=30";

/** The headers every answer carries, those answered before Express (scripts/server.ts, frontOf) included. */
function expectSecurityHeaders(headers: http.IncomingHttpHeaders) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
}

describe("an anonymous episode page cached at its version", () => {
  it("is answered with a strong ETag, the coding the reader accepts, and 304 when the reader has it", async () => {
    const app = await testApp();
    const episode = await postEpisode("cheap-page");
    const url = `${app.origin}/episodes/${episode.slug}`;
    const identity = await rawGet(url);
    const again = await rawGet(url);
    expect(again.status).toBe(200);
    expect(again.body.equals(identity.body)).toBe(true);
    expect(again.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(again.headers["cache-control"]).toBe(SHARED);
    expect(again.headers.vary).toBe("Accept-Encoding, Cookie");
    expectSecurityHeaders(again.headers);

    const br = await rawGet(url, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    const gzip = await rawGet(url, { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    // One ETag per coding (the bytes differ), each naming the same page on revalidation.
    expect(new Set([identity.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3);
    const revalidated = await rawGet(url, { "Accept-Encoding": "gzip", "If-None-Match": br.headers.etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(gzip.headers.etag);

    // The policy names the nonce the cached page's scripts carry.
    const nonce = /'nonce-([^']+)'/.exec(String(again.headers["content-security-policy"]))![1]!;
    const scripts = [...identity.body.toString().matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("is renewed by a new comment: another ETag, and the old one no longer answers 304", async () => {
    const app = await testApp();
    const episode = await postEpisode("renewed-page");
    const url = `${app.origin}/episodes/${episode.slug}`;
    await rawGet(url);
    const before = await rawGet(url);
    const { cookie } = await signedIn("member");
    expect((await app.post(`/episodes/${episode.slug}`, { intent: "post-comment", body: "A new comment.", js: "1" }, { cookie })).status).toBe(200);
    // The server's listener is told by PostgreSQL after the commit, on a connection of its own, a moment
    // after the answer to the post may have left: asked again after each answer, at most 20 times (the
    // first answer is fresh on a quiet machine; tests/integration/two-processes.test.ts says why).
    let after = await rawGet(url, { "If-None-Match": before.headers.etag! });
    for (let attempt = 1; after.status === 304 && attempt < 20; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      after = await rawGet(url, { "If-None-Match": before.headers.etag! });
    }
    expect(after.status).toBe(200);
    expect(after.body.toString()).toContain("A new comment.");
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it("is not what a signed-in reader gets: their page is private and rendered for them", async () => {
    const app = await testApp();
    const episode = await postEpisode("private-page");
    const anonymous = await app.get(`/episodes/${episode.slug}`);
    await anonymous.text();
    const { cookie } = await signedIn("member");
    const mine = await app.get(`/episodes/${episode.slug}`, { cookie });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(mine.headers.get("ETag")).toBeNull();
    expect(mine.headers.get("Content-Security-Policy")).not.toBe(anonymous.headers.get("Content-Security-Policy"));
    expect(await mine.text()).toContain('name="body"');
  });

  it("keeps its single-fetch data (client-side navigation) once per version too", async () => {
    const app = await testApp();
    const episode = await postEpisode("cheap-data");
    const url = `${app.origin}/episodes/${episode.slug}.data`;
    const first = await rawGet(url);
    const second = await rawGet(url);
    expect(second.status).toBe(200);
    expect(second.headers["content-type"]).toBe("text/x-script");
    expect(second.headers["x-remix-response"]).toBe("yes");
    expect(second.body.equals(first.body)).toBe(true);
    expect((await rawGet(url, { "If-None-Match": second.headers.etag! })).status).toBe(304);
  });
});

describe("the JSON twin", () => {
  it("is kept per version, revalidates with 304, and is the same bytes for a signed-in reader, kept private", async () => {
    const app = await testApp();
    const episode = await postEpisode("cheap-json");
    const url = `${app.origin}/api/episodes/${episode.slug}`;
    const first = await rawGet(url, { "Accept-Encoding": "gzip" });
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(first.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(first.headers["cache-control"]).toBe(SHARED);
    expect(JSON.parse(zlib.gunzipSync(first.body).toString())).toMatchObject({ slug: episode.slug, commentCount: 0 });
    expect((await rawGet(url, { "Accept-Encoding": "gzip", "If-None-Match": first.headers.etag! })).status).toBe(304);

    const { cookie } = await signedIn("member");
    const signedInAnswer = await rawGet(url, { "Accept-Encoding": "gzip", Cookie: cookie });
    expect(signedInAnswer.headers["cache-control"]).toBe("private, no-cache");
    expect(signedInAnswer.body.equals(first.body)).toBe(true);
    expect((await rawGet(`${app.origin}/api/episodes/no-such-episode`)).status).toBe(404);
  });
});

describe("answers made for one request", () => {
  it("are compressed when large, and a small one (a reply's answer) goes out as it is, with its length", async () => {
    const app = await testApp();
    const episode = await postEpisode("small-answers");
    const { cookie } = await signedIn("member");
    const accept = { "Accept-Encoding": "gzip, deflate, br" };
    const reply = await app.post(`/episodes/${episode.slug}.data`, { intent: "post-comment", body: "A small answer.", js: "1" }, { cookie, headers: accept });
    expect(reply.status).toBe(200);
    // Under the compression threshold (1 KB): gzipping it cost more than sending it (scripts/server.ts, writeBody).
    expect(reply.headers.get("Content-Encoding")).toBeNull();
    const body = await reply.text();
    expect(Number(reply.headers.get("Content-Length"))).toBe(Buffer.byteLength(body));
    expect(body).toContain("L1");
    const page = await app.get(`/episodes/${episode.slug}`, { cookie, headers: accept });
    expect(page.headers.get("Content-Encoding")).toBe("br");
    expect(await page.text()).toContain("A small answer.");
  });
});

describe("files of public/", () => {
  it("are served from memory with an ETag; fingerprinted assets are immutable; an unknown address goes on to the app", async () => {
    const app = await testApp();
    const icon = await rawGet(`${app.origin}/favicon.svg`, { "Accept-Encoding": "gzip" });
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toBe("image/svg+xml");
    expect(icon.headers["cache-control"]).toBe("public, max-age=3600");
    expect(icon.headers["content-encoding"]).toBe("gzip");
    expectSecurityHeaders(icon.headers);
    expect((await rawGet(`${app.origin}/favicon.svg`, { "If-None-Match": icon.headers.etag! })).status).toBe(304);

    const page = await (await app.get("/")).text();
    const script = /src="(\/build\/[^"]+\.js)"/.exec(page)?.[1] ?? /href="(\/build\/[^"]+\.js)"/.exec(page)![1]!;
    const asset = await rawGet(`${app.origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    expect((await rawGet(`${app.origin}/build/no-such-file.js`)).status).toBe(404);
  });
});

describe("the boundary in front of Express", () => {
  it("hands a request on to Express when a handler in front fails before answering", async () => {
    const app = express();
    app.get("/hello", (_req, res) => res.type("text/plain").send("from Express"));
    const failing = () => {
      throw new Error("a handler in front failed");
    };
    const server = http.createServer(frontOf(app, { handlers: [failing, (_req, _res, next) => next()] }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await rawGet(`http://127.0.0.1:${port}/hello`);
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toBe("from Express");
      expectSecurityHeaders(answer.headers);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("refuses an address that names nothing before any cached answer, with a readable message and the same headers", async () => {
    const app = await testApp();
    const episode = await postEpisode("front-boundary");
    const url = `${app.origin}/episodes/${episode.slug}`;
    expect((await rawGet(url)).status).toBe(200);
    expect((await rawGet(url)).status).toBe(200);
    for (const [address, message] of [
      [`${url}?utm=%00`, "NUL character"],
      [`${url}%ZZ`, "broken %-escape"],
      [`${app.origin}/favicon.svg?x=%00`, "NUL character"],
      [`${app.origin}/api/episodes/${episode.slug}?%00`, "NUL character"],
    ] as const) {
      const refused = await rawGet(address);
      expect(refused.status, address).toBe(400);
      expect(refused.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(refused.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expectSecurityHeaders(refused.headers);
      expect(refused.body.toString()).toContain(message);
    }
  });
});
