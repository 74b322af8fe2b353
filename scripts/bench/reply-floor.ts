// The reference of `npm run bench:post`: the least a server must do to post a reply on Footnote's schema,
// with no framework — node:http and one pg pool. It reads the form, looks up the session as Footnote does
// (the SHA-256 of the cookie's token, Lucia's design) and inserts the comment with its local number in
// one prepared statement, which runs the same triggers; then it answers a line of JSON. No validation,
// rate limit, parent check, notification or job: what Footnote spends above this is what they and Remix
// cost. Measured beside Footnote in the same run, from outside (scripts/bench/post.ts), as nginx is beside
// the pages in `npm run bench:read`: absolute figures drift from machine to machine, the ratio less.
import http from "node:http";
import { createHash } from "node:crypto";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const timings: number[] = [];

const SESSION = `SELECT s."userId" FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = $1 AND s."expiresAt" > now() AND u."suspendedAt" IS NULL`;
const INSERT = `
  INSERT INTO "Comment" ("episodeId", "ordinal", "parentId", "rootId", "authorId", "format", "body", "postedAt", "updatedAt")
  SELECT e.id, "footnote_next_local_ordinal"(e.id), p.id, COALESCE(p."rootId", p.id), $3::int, 'markdown', $4, now(), now() FROM "Episode" e JOIN "Comment" p ON p.id = $2::int AND p."episodeId" = e.id WHERE e.slug = $1
  RETURNING id, ordinal`;

function readBody(req: http.IncomingMessage) {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  const start = process.hrtime.bigint();
  res.on("finish", () => timings.push(Number(process.hrtime.bigint() - start) / 1e6));
  const answer = (status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  try {
    const slug = /^\/episodes\/([^/]+)$/.exec(req.url ?? "")?.[1];
    if (req.method !== "POST" || !slug) return answer(404, { error: "not found" });
    const form = new URLSearchParams(await readBody(req));
    const token = /(?:^|;\s*)footnote_session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
    if (!token) return answer(401, { error: "sign in" });
    const session = await pool.query({ name: "floor-session", text: SESSION, values: [createHash("sha256").update(token).digest("hex")] });
    const userId = session.rows[0]?.userId as number | undefined;
    if (userId === undefined) return answer(401, { error: "sign in" });
    const inserted = await pool.query({ name: "floor-insert", text: INSERT, values: [slug, Number(form.get("parentId")), userId, form.get("body") ?? ""] });
    answer(200, { comment: inserted.rows[0] });
  } catch (error) {
    answer(500, { error: (error as Error).message });
  }
});

server.listen(Number(process.env.PORT), () => process.send?.("ready"));
process.on("message", (message) => {
  if (message === "timings") process.send?.({ timings: timings.splice(0) });
});
process.on("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
