// Evidence that holds (issue 17): a proposed source's quote is checked against the source by a job — an
// imported article from the database, a web page fetched from a fixture server this test starts, under
// the SSRF policy — and a page re-checked later is marked when it is gone or no longer has the quote.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pendingJobs } from "~/models/jobs.server";
import { prisma } from "~/utils/db.server";
import { FETCH_LIMITS, fetchCitedPage, isPublicAddress } from "~/utils/safe-fetch.server";
import { signedIn } from "../factories";
import { testApp } from "../http";
import { runJobs } from "../jobs";
import { apiClaim, claimPage, commentFlag, decide, flag, pastGrace, propose, queuePage, seeded } from "./claims/helpers";

const ARTICLE_HTML = `<!doctype html><html><head><title>Border report — The Daily Fixture</title></head><body>
<nav><a href="/">Home</a> · <a href="/world">World</a></nav>
<article><h1>Border report</h1>
<p>The ministry confirmed on Tuesday that 4,500 soldiers had been sent to the region \u2014 the largest deployment since 2015.</p>
<p>Officials described the move as \u201cpurely defensive,\u201d  and said   it would last until the spring.</p>
<p>Opposition leaders called the decision reckless and demanded a vote in parliament before any further troops are sent.</p>
</article><footer>© The Daily Fixture</footer></body></html>`;
const EXACT = "The ministry confirmed on Tuesday that 4,500 soldiers had been sent to the region";
const TYPED = 'Officials described the move as "purely defensive," and said it would last until the spring.';
const PARAPHRASE = "The ministry said on Tuesday that 4,500 troops had been sent to the region";
const INVENTED = "The defence minister resigned after the parliament rejected the budget in March.";

const MB = 1024 * 1024;
let state = { laterGone: false, changed: false };
let server: http.Server;
let other: http.Server;
let base: string;
let otherBase: string;

function listen(handler: http.RequestListener) {
  const created = http.createServer(handler);
  return new Promise<http.Server>((resolve) => created.listen(0, "127.0.0.1", () => resolve(created)));
}

beforeAll(async () => {
  other = await listen((_request, response) => response.writeHead(200, { "content-type": "text/plain" }).end(`Internal admin page. ${EXACT}.`));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  server = await listen((request, response) => {
    const path = request.url ?? "/";
    if (path === "/article") return response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE_HTML);
    if (path === "/to-loopback") return response.writeHead(302, { location: `${otherBase}/admin` }).end();
    if (path === "/to-metadata")
      return response
        .writeHead(302, {
          location: "http://169.254.169.254/latest/meta-data/",
        })
        .end();
    if (path.startsWith("/loop")) return response.writeHead(302, { location: `/loop${Number(path.slice(5) || 0) + 1}` }).end();
    if (path === "/image") return response.writeHead(200, { "content-type": "image/png" }).end("not text");
    if (path === "/later") {
      if (state.laterGone) return response.writeHead(404, { "content-type": "text/html" }).end("<p>Not found</p>");
      return response
        .writeHead(200, { "content-type": "text/html" })
        .end(state.changed ? ARTICLE_HTML.replace(EXACT, "The ministry would not comment") : ARTICLE_HTML);
    }
    if (path === "/big") {
      // 20 MB of text: a sentence at the start, another past 5 MB, written as the client reads.
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      const filler = `${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(18)}\n`;
      let written = 0;
      const write = () => {
        while (written < 20 * MB) {
          const chunk = written === 0 ? `${EXACT}.\n${filler}` : written > 6 * MB && written < 6 * MB + filler.length * 2 ? `${INVENTED}\n${filler}` : filler;
          written += Buffer.byteLength(chunk);
          if (!response.write(chunk)) return response.once("drain", write);
        }
        response.end();
      };
      response.on("error", () => {});
      return write();
    }
    response.writeHead(404).end();
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => other.close(resolve));
});

afterEach(() => {
  delete process.env.EVIDENCE_ALLOW_PRIVATE_HOSTS;
  state = { laterGone: false, changed: false };
});

/** The fixture server's own address and port, and only those, as the test-only override allows. */
function allowFixture() {
  process.env.EVIDENCE_ALLOW_PRIVATE_HOSTS = new URL(base).host;
}

/** A member flags comment 3 of the program and proposes `source` with `quote`; the claim page as they see it. */
async function proposeWith(source: Record<string, string | number>, quote: string) {
  const seed = await seeded();
  const member = await signedIn("member");
  const { body: flagged } = await flag(commentFlag(seed), member.cookie);
  const answer = await propose(flagged.claimId, { ...source, quote }, member.cookie);
  expect(answer.status).toBe(303);
  const claimId = flagged.claimId as number;
  const check = async () => (await claimPage(claimId, member.cookie)).body.claim.proposals[0].quoteCheck;
  return { claimId, member, check };
}

const page = (path: string, title = "Border report") => ({
  url: `${base}${path}`,
  title,
});

/** Time passes: the re-check scheduled for tomorrow is due now. */
async function recheckDue() {
  await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'recheck-source')`;
}

describe("checking a quote against the source", { timeout: 120_000 }, () => {
  it("answers the proposal before the check ran: the claim page says checking… until the job ran", async () => {
    allowFixture();
    const app = await testApp();
    const { check, claimId, member } = await proposeWith(page("/article"), EXACT);
    const claimHtml = async () => (await app.get(`/claims/${claimId}`, { cookie: member.cookie })).text();
    expect(await check()).toMatchObject({
      status: "checking",
      label: "Checking the quote against the source… (checking…)",
    });
    expect(await claimHtml()).toContain("checking…");
    // The check waits in the queue (beside the watchers' notification of the proposal, ADR 0035).
    expect((await pendingJobs()).filter((job) => job.task === "check-quote")).toEqual([{ task: "check-quote", count: 1, failing: 0 }]);
    expect(await prisma.sourceSnapshot.count()).toBe(0);

    await runJobs();
    const done = await check();
    expect(done).toMatchObject({
      status: "exact",
      label: "Quote found in the source ✓ (exact)",
      textKind: "web",
      differences: [],
    });
    const html = await claimHtml();
    expect(html).toContain("Quote found in the source ✓ (exact)");
    expect(html).not.toContain("checking…");
    expect(done.selector).toEqual({
      type: "TextQuoteSelector",
      exact: EXACT,
      prefix: expect.any(String),
      suffix: " \u2014 the largest deployment since ",
    });
    expect(done.after).toContain("the largest deployment since 2015.");
    expect(done.jumpUrl).toBe(`${base}/article#:~:text=The%20ministry%20confirmed%20on,sent%20to%20the%20region`);
    const snapshot = await prisma.sourceSnapshot.findFirstOrThrow();
    expect(snapshot).toMatchObject({
      finalUrl: `${base}/article`,
      httpStatus: 200,
      title: "Border report — The Daily Fixture",
      truncated: false,
    });
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.text).not.toContain("Home"); // Readability kept the article, not the navigation
    // The next fetch of the page is scheduled, not run now.
    expect(await pendingJobs()).toEqual([{ task: "recheck-source", count: 1, failing: 0 }]);
  });

  it("finds a quote typed with straight quotes and single spaces exactly, the page's curly quotes and spaces notwithstanding", async () => {
    allowFixture();
    const { check } = await proposeWith(page("/article"), TYPED);
    await runJobs();
    const done = await check();
    expect(done.status).toBe("exact");
    expect(done.selector.exact).toBe("Officials described the move as \u201cpurely defensive,\u201d and said it would last until the spring.");
  });

  it("finds a paraphrase with differences, and shows them", async () => {
    allowFixture();
    const { check } = await proposeWith(page("/article"), PARAPHRASE);
    await runJobs();
    const done = await check();
    expect(done.status).toBe("approximate");
    expect(done.label).toBe("Quote found in the source with differences");
    expect(done.differences).toEqual([
      { quote: "said", source: "confirmed" },
      { quote: "troops", source: "soldiers" },
    ]);
  });

  it("does not find an invented quote; a moderator must say why to accept it, and it waits on top of the queue", async () => {
    allowFixture();
    const seed = await seeded();
    const member = await signedIn("member");
    const moderator = await signedIn("moderator");
    // An older, more flagged claim with a good source…
    const { body: first } = await flag(commentFlag(seed), member.cookie);
    await flag(commentFlag(seed), (await signedIn("member")).cookie);
    await propose(first.claimId, { ...page("/article"), quote: EXACT }, member.cookie);
    // …and a newer one with an invented quote.
    const { body: second } = await flag(
      {
        ...commentFlag(seed, "Pterrafractyl"),
        exact: seed.comment3.body.slice(0, 40),
      },
      member.cookie
    );
    const { id: sourceId } = await prisma.source.findFirstOrThrow({
      where: { url: `${base}/article` },
      select: { id: true },
    });
    expect((await propose(second.claimId, { sourceId, quote: INVENTED }, member.cookie)).status).toBe(303);
    await runJobs();

    const queue = await queuePage("", moderator.cookie);
    expect(queue.body.items.map((item: { id: number }) => item.id)).toEqual([second.claimId, first.claimId]);
    const doubtful = queue.body.items[0].proposals[0];
    expect(doubtful.quoteCheck).toMatchObject({
      status: "not_found",
      label: "Quote not found in the source ✗",
      needsAttention: true,
    });

    const refused = await decide(moderator.cookie, second.claimId, `accept-source:${doubtful.id}`, "Good enough");
    expect(refused.status).toBe(400);
    expect(refused.body.errors.quoteReason).toBe("Quote not found in the source ✗. Say why you accept it anyway: the reason is shown in the claim's history.");
    expect(
      await prisma.claim.findUniqueOrThrow({
        where: { id: second.claimId },
        select: { state: true },
      })
    ).toEqual({ state: "source_proposed" });

    const accepted = await decide(moderator.cookie, second.claimId, `accept-source:${doubtful.id}`, "Good enough", {
      quoteReason: "The printed edition has this sentence.",
    });
    expect(accepted.status).toBe(200);
    const event = await prisma.claimEvent.findFirstOrThrow({
      where: { claimId: second.claimId, action: "source-accepted" },
      select: { reason: true },
    });
    expect(event.reason).toBe("Good enough — Quote not found in the source ✗; accepted because: The printed edition has this sentence.");

    await pastGrace();
    const json = await apiClaim(String(second.claimId));
    expect(json.body.acceptedQuoteCheck).toEqual({
      status: "not_found",
      label: "Quote not found in the source ✗",
    });
    expect(json.body.proposals[0].quoteCheck).toMatchObject({
      status: "not_found",
      snapshot: { httpStatus: 200, finalUrl: `${base}/article` },
    });
  });

  it("finds a sentence of the imported Taipei Times article in Footnote's own text, with a link to it", async () => {
    const seed = await seeded();
    const member = await signedIn("member");
    const article = await prisma.source.findFirstOrThrow({
      where: {
        title: "Why ISIS attacked Russia — and why Moscow blames Kyiv",
        url: null,
      },
      select: { id: true },
    });
    const { body: flagged } = await flag(commentFlag(seed), member.cookie);
    await propose(
      flagged.claimId,
      {
        sourceId: article.id,
        quote: "All of the alleged Crocus City Hall attackers are from Tajikistan.",
      },
      member.cookie
    );
    await runJobs();
    const [proposal] = (await claimPage(flagged.claimId, member.cookie)).body.claim.proposals;
    expect(proposal.quoteCheck).toMatchObject({
      status: "exact",
      textKind: "footnote",
      snapshot: null,
    });
    expect(proposal.quoteCheck.jumpUrl).toBe(
      `/episodes/${
        (await prisma.episode.findFirstOrThrow({ where: { kind: "article" } })).slug
      }#section-body:~:text=All%20of%20the%20alleged,attackers%20are%20from%20Tajikistan.`
    );
    expect(await prisma.sourceSnapshot.count()).toBe(0); // nothing was fetched
  });
});

describe("fetching a cited page safely", { timeout: 120_000 }, () => {
  it("refuses loopback, private, link-local, CGNAT, metadata, unspecified and multicast addresses, IPv4 and IPv6", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ["::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"]) expect(isPublicAddress(address), address).toBe(true);
  });

  it("with the override off, the fixture server on 127.0.0.1 itself is refused, and the claim says why", async () => {
    expect(await fetchCitedPage(`${base}/article`)).toMatchObject({
      ok: false,
      kind: "refused",
      reason: "127.0.0.1 is not a public address: refused.",
    });
    expect(await fetchCitedPage(`http://localhost:${new URL(base).port}/article`)).toMatchObject({
      ok: false,
      kind: "refused",
      reason: expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), which is not a public address: refused\.$/),
    });
    expect(await fetchCitedPage(`${base}/to-metadata`)).toMatchObject({
      ok: false,
      kind: "refused",
    });

    const { check } = await proposeWith(page("/article"), EXACT);
    await runJobs();
    expect(await check()).toMatchObject({
      status: "unreachable",
      label: expect.stringMatching(/^Source unreachable since /),
      reason: "127.0.0.1 is not a public address: refused.",
    });
    expect(await prisma.sourceSnapshot.count()).toBe(0);
  });

  it("refuses a redirect to 127.0.0.1 (another port) or to 169.254.169.254, even with the fixture allowed", async () => {
    allowFixture();
    expect(await fetchCitedPage(`${base}/to-loopback`)).toMatchObject({
      ok: false,
      kind: "refused",
      reason: "127.0.0.1 is not a public address: refused.",
      finalUrl: `${otherBase}/admin`,
    });
    expect(await fetchCitedPage(`${base}/to-metadata`)).toMatchObject({
      ok: false,
      kind: "refused",
      reason: "169.254.169.254 is not a public address: refused.",
      finalUrl: "http://169.254.169.254/latest/meta-data/",
    });
    expect(await fetchCitedPage(`${base}/loop0`)).toMatchObject({
      ok: false,
      kind: "refused",
      reason: `More than ${FETCH_LIMITS.maxRedirects} redirects.`,
    });
    expect(await fetchCitedPage(`${base}/image`)).toMatchObject({
      ok: false,
      kind: "refused",
      reason: "Only HTML and plain text are read, not image/png.",
    });
    expect(await fetchCitedPage("file:///etc/passwd")).toMatchObject({
      ok: false,
      kind: "refused",
      reason: "Only http and https addresses are fetched, not file:",
    });

    const { check } = await proposeWith(page("/to-metadata"), EXACT);
    await runJobs();
    expect(await check()).toMatchObject({
      status: "unreachable",
      reason: "169.254.169.254 is not a public address: refused.",
    });
  });

  it("cuts a 20 MB page at 5 MB: the beginning is kept and checked, what lies past the cut is not found", async () => {
    allowFixture();
    const fetched = await fetchCitedPage(`${base}/big`);
    expect(fetched).toMatchObject({
      ok: true,
      truncated: true,
      byteLength: 5 * MB,
    });

    const { check } = await proposeWith(page("/big", "Big page"), EXACT);
    await runJobs();
    const done = await check();
    expect(done.status).toBe("exact");
    expect(done.snapshot).toMatchObject({
      truncated: true,
      byteLength: 5 * MB,
    });
    const snapshot = await prisma.sourceSnapshot.findFirstOrThrow({
      select: { text: true },
    });
    expect(snapshot.text).not.toContain(INVENTED);
  });

  it("marks a page that later answers 404 as gone on its re-check, on the claim and in the queue", async () => {
    allowFixture();
    const moderator = await signedIn("moderator");
    const { claimId, check } = await proposeWith(page("/later"), EXACT);
    await runJobs();
    expect((await check()).status).toBe("exact");
    expect((await queuePage("", moderator.cookie)).body.items[0].proposals[0].quoteCheck.needsAttention).toBe(false);
    // A member watches the claim: each failed check is told to them, once (issue 18).
    const watcher = await signedIn("member");
    await prisma.watch.create({ data: { userId: watcher.user.id, claimId, level: "watching" } });
    const toldWatcher = async () =>
      (await prisma.notification.findMany({ where: { userId: watcher.user.id, kind: "source-check-failed" }, select: { claimId: true } })).length;
    expect(await toldWatcher()).toBe(0);

    state.laterGone = true;
    await recheckDue();
    await runJobs();
    const gone = await check();
    // The quote was found in the last snapshot; the page is gone since the re-check.
    expect(gone).toMatchObject({
      status: "exact",
      unreachableReason: "The server answered 404: the page is not there.",
      needsAttention: true,
    });
    expect(gone.unreachableSince).toBeInstanceOf(Date);
    const queued = (await queuePage("", moderator.cookie)).body.items[0];
    expect(queued.id).toBe(claimId);
    expect(queued.proposals[0].quoteCheck.needsAttention).toBe(true);
    // The re-check keeps going: the next one is scheduled.
    expect(await pendingJobs()).toEqual([{ task: "recheck-source", count: 1, failing: 0 }]);
    expect(await toldWatcher()).toBe(1);
    expect(await prisma.claimEvent.findFirst({ where: { claimId, action: "source-check-failed" }, select: { reason: true } })).toEqual({
      reason: "The cited page is gone: The server answered 404: the page is not there.",
    });

    // Back, but without the quote: no longer unreachable, the quote lost since this re-check.
    state = { laterGone: false, changed: true };
    await recheckDue();
    await runJobs();
    const lost = await check();
    expect(lost).toMatchObject({
      status: "not_found",
      unreachableSince: null,
      needsAttention: true,
    });
    expect(lost.label).toMatch(/^Quote not found in the source ✗ — it was on the page until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(await toldWatcher()).toBe(2);
  });

  it("lists an accepted source whose page went away above the queue", async () => {
    allowFixture();
    const moderator = await signedIn("moderator");
    const { claimId, check } = await proposeWith(page("/later"), EXACT);
    await runJobs();
    const { id } = await prisma.sourceProposal.findFirstOrThrow({
      select: { id: true },
    });
    expect((await decide(moderator.cookie, claimId, `accept-source:${id}`, "Matches the page")).status).toBe(200);
    expect((await queuePage("", moderator.cookie)).body.brokenEvidence).toEqual([]);

    state.laterGone = true;
    await recheckDue();
    await runJobs();
    expect((await check()).needsAttention).toBe(true);
    const broken = (await queuePage("", moderator.cookie)).body.brokenEvidence;
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ claimId, quote: EXACT });
  });
});
