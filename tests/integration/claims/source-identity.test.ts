// Issue 10, item 2: a source has an identity that a title cannot hijack. Over HTTP, as members propose
// sources on /claims/:id.
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { sourceKey } from "~/import/sources";
import { flagClaim } from "~/models/claims/index.server";
import { prisma } from "~/utils/db.server";
import { signedIn } from "../../factories";
import { testApp } from "../../http";
import { whileLocked } from "../../locks";

let sections = 0;

/** An open claim on a fresh section, flagged by a member of its own. */
async function openClaim() {
  sections += 1;
  const episode = await prisma.episode.upsert({ where: { slug: "identity" }, create: { kind: "post", slug: "identity", title: "Identity" }, update: {}, select: { id: true } });
  const text = `Claim number ${sections}: the attackers came from Tajikistan.`;
  const section = await prisma.section.create({
    data: { episodeId: episode.id, position: sections, label: String(sections), blocks: [{ type: "paragraph", text }] as Prisma.InputJsonValue, plainText: text },
    select: { id: true },
  });
  const { user } = await signedIn("member");
  const { claimId } = await flagClaim({ user, target: { type: "section", id: section.id }, exact: "the attackers came from Tajikistan", reason: "no_source" });
  return claimId;
}

type NewSource = { url: string; title: string; outlet?: string; date?: string; confirmSourceId?: string };

async function propose(claimId: number, cookie: string, source: NewSource, quote = "The attackers came from Tajikistan.") {
  const app = await testApp();
  return app.post(`/claims/${claimId}`, { intent: "propose-source", sourceId: "", quote, outlet: "", date: "", ...source }, { cookie });
}

async function proposedSource(claimId: number) {
  const proposals = await prisma.sourceProposal.findMany({ where: { claimId }, select: { source: { select: { id: true, url: true, title: true } } } });
  return proposals.map((proposal) => proposal.source);
}

describe("sources have an identity that cannot be hijacked (issue 10, item 2)", { timeout: 120_000 }, () => {
  it("a proposal whose title and outlet match another source's keeps the address the member typed", async () => {
    const [first, second] = [await openClaim(), await openClaim()];
    const attacker = await signedIn("member");
    const member = await signedIn("member");
    const title = "Why ISIS attacked Russia";
    expect((await propose(first, attacker.cookie, { url: "https://attacker.example/fake-report", title, outlet: "Reuters" })).status).toBe(303);
    expect((await propose(second, member.cookie, { url: "https://www.reuters.com/world/why-isis-attacked-russia", title: "Why ISIS Attacked Russia!", outlet: "Reuters" })).status).toBe(303);
    const [stored] = await proposedSource(second);
    expect(stored!.url).toBe("https://www.reuters.com/world/why-isis-attacked-russia");
    expect(stored!.id).not.toBe((await proposedSource(first))[0]!.id);
  });

  it("all-CJK and punctuation-only titles of different addresses stay different sources", async () => {
    const { cookie } = await signedIn("member");
    const titles = ["莫斯科音乐厅袭击事件", "伊斯兰国宣布负责", "???", "!!!"];
    const claims: number[] = [];
    for (const [index, title] of titles.entries()) {
      const claimId = await openClaim();
      claims.push(claimId);
      expect((await propose(claimId, cookie, { url: `https://news${index}.example/story`, title })).status).toBe(303);
    }
    const sources = (await Promise.all(claims.map(proposedSource))).flat();
    expect(sources.map((source) => source.title)).toEqual(titles);
    expect(new Set(sources.map((source) => source.id)).size).toBe(4);
  });

  it("a proposal with the address of a source already in the library shows that source and asks before attaching it", async () => {
    const [first, second] = [await openClaim(), await openClaim()];
    const author = await signedIn("member");
    const member = await signedIn("member");
    expect((await propose(first, author.cookie, { url: "https://www.reuters.com/world/report/", title: "Moscow attack: what we know", outlet: "Reuters" })).status).toBe(303);
    const [existing] = await proposedSource(first);

    // The same page, written differently: the member is shown the library's source, nothing is attached yet.
    const asked = await propose(second, member.cookie, { url: "http://reuters.com/world/report", title: "A different title" });
    expect(asked.status).toBe(409);
    const html = await asked.text();
    expect(html).toContain("already in the library");
    expect(html).toContain("Moscow attack: what we know");
    expect(html).toContain(`name="confirmSourceId" value="${existing!.id}"`);
    expect(await proposedSource(second)).toEqual([]);

    // Confirmed (the form's button, no JavaScript needed): the proposal points to that source.
    const confirmed = await propose(second, member.cookie, { url: "http://reuters.com/world/report", title: "A different title", confirmSourceId: String(existing!.id) });
    expect(confirmed.status).toBe(303);
    expect(await proposedSource(second)).toEqual([existing]);
  });

  it("two identical proposals at the same moment never answer 500: one is attached, the other is shown the source", async () => {
    const claims = [await openClaim(), await openClaim()];
    const members = [await signedIn("member"), await signedIn("member")];
    const source = { url: "https://apnews.com/article/moscow-concert-hall", title: "Gunmen attack Moscow concert hall", outlet: "AP" };
    // Both requests look the address up and find nothing, then wait to write the source.
    const answers = await whileLocked(
      (tx) => tx.$executeRaw`LOCK TABLE "Source" IN SHARE MODE`,
      2,
      () => claims.map((claimId, index) => propose(claimId, members[index]!.cookie, source)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 409]);
    expect(await prisma.source.count({ where: { url: source.url } })).toBe(1);
  });
});

describe("the identity written in SQL (which re-keyed the stored sources) and the app's agree", () => {
  const samples: Parameters<typeof sourceKey>[0][] = [
    { kind: "web", title: "x", authors: [], outlet: null, date: null, year: null, isbn: null, url: "  HTTPS://WWW.Reuters.COM/World/Report/?Q=A#top \n" },
    { kind: "web", title: "x", authors: [], outlet: null, date: null, year: null, isbn: null, url: "http://news.example/a;b//" },
    { kind: "article", title: "“Why ISIS Attacked Russia” — A Q&A; Part 1…", authors: ["Ann"], outlet: "The  Taipei\u00a0Times", date: "2024-03-26", year: 2024, isbn: null, url: null },
    { kind: "article", title: "莫斯科音乐厅袭击事件", authors: [], outlet: "新华社", date: null, year: 2024, isbn: null, url: null },
    { kind: "web", title: "?!?", authors: [], outlet: null, date: null, year: null, isbn: null, url: null },
    { kind: "web", title: "Ça Été Évident: ÉTÉ", authors: [], outlet: "\\Back`slash|", date: null, year: null, isbn: null, url: null },
    { kind: "book", title: "Dollars for Terror: The United States and Islam", authors: ["Richard Labeviere", "O'Brien"], outlet: null, date: null, year: 2000, isbn: null, url: null },
    { kind: "book", title: "Dollars for Terror", authors: ["Richard Labeviere"], outlet: null, date: null, year: 2000, isbn: "1822941066", url: "https://ignored.example" },
  ];
  it("gives the same key for titles, outlets, names and addresses of every kind", async () => {
    for (const sample of samples) {
      const [row] = await prisma.$queryRaw<{ key: string }[]>`
        SELECT footnote_source_identity(${sample.kind}, ${sample.title}, ${sample.authors}::text[], ${sample.outlet}, ${sample.date}::date, ${sample.year}::int, ${sample.isbn}, ${sample.url}) AS key`;
      expect(row!.key).toBe(sourceKey(sample));
    }
    expect(sourceKey(samples[0]!)).toBe("url:reuters.com/World/Report/?Q=A");
    expect(sourceKey(samples[4]!)).toBe("text:?!?||");
  });
});
