// What the claim tests share: requests to the claim routes, the seeded program and article, and a moderator's decision.
import { importDocument } from "~/models/import/index.server";
import { loader as apiClaimLoader } from "~/routes/api.claims.$id";
import { loader as apiClaimsLoader } from "~/routes/api.claims";
import { action as claimAction, loader as claimLoader } from "~/routes/claims.$id";
import { action as flagAction } from "~/routes/claims._index";
import { action as moderationAction, loader as moderationLoader } from "~/routes/moderation._index/route";
import { loader as rootLoader } from "~/root";
import { prisma } from "~/utils/db.server";
import { outcomeOf, testContext } from "../../factories";
import { ARTICLE_FILE, PROGRAM_FILE, seedBytes } from "../../fixtures/seeds";

// These tests are about anchoring: read the markers as everyone sees them once the grace period is over.
export const AFTER_GRACE = new Date(Date.now() + 2 * 60 * 60 * 1000);

export type Fields = Record<string, string | number | (string | number)[]>;

export function body(fields: Fields) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params;
}

export function post(path: string, fields: Fields, cookie?: string) {
  return new Request(`http://localhost${path}`, { method: "POST", body: body(fields), headers: cookie ? { Cookie: cookie } : {} });
}

export function get(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export const flag = (fields: Fields, cookie?: string) => outcomeOf(() => flagAction({ request: post("/claims?index", fields, cookie), params: {}, context: testContext }));
export const propose = (claimId: number, fields: Fields, cookie?: string) =>
  outcomeOf(() => claimAction({ request: post(`/claims/${claimId}`, { intent: "propose-source", ...fields }, cookie), params: { id: String(claimId) }, context: testContext }));
export const moderate = (fields: Fields, cookie?: string) => outcomeOf(() => moderationAction({ request: post("/moderation?index", fields, cookie), params: {}, context: testContext }));
export const queuePage = (search = "", cookie?: string) => outcomeOf(() => moderationLoader({ request: get(`/moderation${search}`, cookie), params: {}, context: testContext }));
export const claimPage = (id: number, cookie?: string) => outcomeOf(() => claimLoader({ request: get(`/claims/${id}`, cookie), params: { id: String(id) }, context: testContext }));
export const apiList = (search = "") => outcomeOf(() => apiClaimsLoader({ request: get(`/api/claims${search}`), params: {}, context: testContext }));
export const apiClaim = (id: string) => outcomeOf(() => apiClaimLoader({ request: get(`/api/claims/${id}`), params: { id }, context: testContext }));

/** The toast a redirect set, as the root loader of the page it leads to shows it, and whether that loader cleared it. */
export async function toastOf(headers: Headers, location: string, cookie: string) {
  const toastCookie = headers.getSetCookie().find((value) => value.startsWith("footnote_toast="))!.split(";")[0]!;
  const root = await outcomeOf(() => rootLoader({ request: get(location, `${cookie}; ${toastCookie}`), params: {}, context: testContext }));
  return {
    shown: root.body.toast as { description: string } | null,
    cleared: root.headers.getSetCookie().some((value) => /^footnote_toast=;.*Max-Age=0/i.test(value)),
  };
}

export const TAJIKISTAN = "who appears to be from Tajikistan";
export const TAIPEI_TIMES = {
  url: "https://www.taipeitimes.com/News/editorials/archives/2024/03/30/2003815580",
  title: "Why ISIS attacked Russia — and why Moscow blames Kyiv",
  outlet: "Taipei Times",
  date: "2024-03-30",
};
export const TAIPEI_QUOTE = "All of the alleged Crocus City Hall attackers are from Tajikistan.";

/** The program and the article as imported, comment 3 of FTR #863 (Pterrafractyl's) and section 4. */
/** Moves every claim's creation before the grace period, as if CLAIM_GRACE_MINUTES had passed. */
export async function pastGrace() {
  await prisma.claim.updateMany({ data: { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
}

export async function seeded() {
  await importDocument({ fileName: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) });
  await importDocument({ fileName: ARTICLE_FILE, bytes: seedBytes(ARTICLE_FILE) });
  const program = await prisma.episode.findFirstOrThrow({ where: { number: 863 }, select: { id: true, slug: true, title: true } });
  const article = await prisma.episode.findFirstOrThrow({ where: { kind: "article" }, select: { id: true, slug: true } });
  const comment3 = await prisma.comment.findFirstOrThrow({
    where: { episodeId: program.id, ordinal: 3 },
    select: { id: true, body: true, revision: true, importedAuthor: { select: { name: true } } },
  });
  const section4 = await prisma.section.findFirstOrThrow({ where: { episodeId: program.id, label: "4" }, select: { id: true, plainText: true } });
  const section5 = await prisma.section.findFirstOrThrow({ where: { episodeId: program.id, label: "5" }, select: { id: true, plainText: true } });
  const articleSection = await prisma.section.findFirstOrThrow({ where: { episodeId: article.id }, orderBy: { position: "asc" }, select: { id: true, plainText: true } });
  return { program, article, comment3, section4, section5, articleSection };
}

export type Seeded = Awaited<ReturnType<typeof seeded>>;

export function commentFlag(seed: Seeded, exact = TAJIKISTAN, extra: Fields = {}): Fields {
  return { intent: "flag-claim", targetType: "comment", targetId: seed.comment3.id, exact, reason: "no_source", js: 1, ...extra };
}

/** A moderator's decision from the queue, with the version the moderator saw. */
export async function decide(cookie: string, claimId: number, decision: string, reason: string, extra: Fields = {}) {
  const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
  return moderate({ intent: "resolve-claim", claimId, version, decision, reason, ...extra }, cookie);
}

export const events = (claimId: number) =>
  prisma.claimEvent.findMany({ where: { claimId }, orderBy: { id: "asc" }, select: { action: true, fromState: true, toState: true, reason: true, actorId: true } });
