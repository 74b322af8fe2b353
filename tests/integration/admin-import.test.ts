import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/admin.import/route";
import { prisma } from "~/utils/db.server";
import { formRequest, signedIn, testContext } from "../factories";
import { PROGRAM_FILE, seedBytes } from "../fixtures/seeds";

function uploadForm(files: { name: string; bytes: Uint8Array }[], timeZone = "America/Los_Angeles") {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("timeZone", timeZone);
  for (const file of files) form.append("files", new File([Buffer.from(file.bytes)], file.name, { type: "text/plain" }));
  return form;
}

async function run(form: FormData, cookie?: string) {
  const result = await action({ request: formRequest("/admin/import", form, cookie), params: {}, context: testContext });
  return result as Response;
}

async function thrown(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a thrown Response");
    },
    (error: unknown) => error as Response,
  );
}

describe("who may import", () => {
  it("sends an anonymous reader of /admin/import to the sign-in page", async () => {
    const response = await thrown(loader({ request: new Request("http://localhost/admin/import"), params: {}, context: testContext }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fimport");
  });

  it.each(["member", "moderator"] as const)("refuses a %s with 403", async (role) => {
    const { cookie } = await signedIn(role);
    const page = await thrown(loader({ request: new Request("http://localhost/admin/import", { headers: { Cookie: cookie } }), params: {}, context: testContext }));
    expect(page.status).toBe(403);
    const post = await thrown(run(uploadForm([{ name: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) }]), cookie));
    expect(post.status).toBe(403);
  });

  it("refuses a suspended admin with 403", async () => {
    const { cookie } = await signedIn("admin", { suspended: true });
    const post = await thrown(run(uploadForm([{ name: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) }]), cookie));
    expect(post.status).toBe(403);
  });

  it("answers an anonymous POST with 401", async () => {
    const post = await thrown(run(uploadForm([{ name: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) }])));
    expect(post.status).toBe(401);
    expect(await prisma.episode.count()).toBe(0);
  });
});

describe("an admin importing from the web", () => {
  it("previews without writing, then imports what was previewed, recorded with who imported it", async () => {
    const { user, cookie } = await signedIn("admin");
    const preview = await run(uploadForm([{ name: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) }]), cookie);
    expect(preview.status).toBe(200);
    const data = await preview.json();
    expect(data.stage).toBe("preview");
    expect(data.previews[0]).toMatchObject({ kind: "program", counts: { sections: 21, comments: 9, threads: 7 } });
    expect(data.previews[0].outline.slice(0, 3)).toEqual([
      expect.objectContaining({ ordinal: 1, depth: 0 }),
      expect.objectContaining({ ordinal: 2, depth: 1, authorName: "Dave Emory" }),
      expect.objectContaining({ ordinal: 3, depth: 2 }),
    ]);
    expect(await prisma.episode.count()).toBe(0);

    const confirm = new FormData();
    confirm.set("intent", "import");
    for (const file of data.carry) confirm.append("upload", file.id);
    const done = await (await run(confirm, cookie)).json();
    expect(done.results).toEqual([expect.objectContaining({ fileName: PROGRAM_FILE, outcome: "created" })]);
    expect(await prisma.comment.count()).toBe(9);

    const page = await loader({ request: new Request("http://localhost/admin/import", { headers: { Cookie: cookie } }), params: {}, context: testContext });
    expect(page.imports).toEqual([expect.objectContaining({ fileName: PROGRAM_FILE, outcome: "created", importedBy: { username: user.username } })]);
  });

  it("shows a refused file in the preview with its reason and does not offer to import it", async () => {
    const { cookie } = await signedIn("admin");
    const data = await (await run(uploadForm([{ name: "empty.txt", bytes: new Uint8Array() }, { name: "binary.txt", bytes: Uint8Array.from([1, 0, 2]) }]), cookie)).json();
    expect(data.previews).toEqual([
      { fileName: "empty.txt", refused: "empty.txt is empty." },
      { fileName: "binary.txt", refused: "binary.txt looks like a binary file, not a text document." },
    ]);
    expect(data.carry).toEqual([]);
  });

  it.each([
    ["no file", [], "Choose at least one .txt file to import."],
    ["a file that is not .txt", [{ name: "page.html", bytes: Buffer.from("<p>x</p>") }], "page.html: Only .txt files (plain-text captures) can be imported."],
  ])("answers %s with 400 and a readable message", async (_case, files, message) => {
    const { cookie } = await signedIn("admin");
    const response = await run(uploadForm(files as { name: string; bytes: Uint8Array }[]), cookie);
    expect(response.status).toBe(400);
    // The message is said beside the files field (and in one line for a reader of the JSON); the time zone comes back as typed.
    expect(await response.json()).toEqual({ stage: "invalid", message, errors: { files: message }, fields: { timeZone: "America/Los_Angeles" } });
  });

  it("answers an unknown time zone with 400", async () => {
    const { cookie } = await signedIn("admin");
    const response = await run(uploadForm([{ name: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) }], "Mars/Olympus"), cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.message).toMatch(/not a time zone/);
    expect(body).toMatchObject({ errors: { timeZone: expect.stringMatching(/not a time zone/) }, fields: { timeZone: "Mars/Olympus" } });
  });

  it("answers a damaged confirmation with 400 and writes nothing", async () => {
    const { cookie } = await signedIn("admin");
    const confirm = new FormData();
    confirm.set("intent", "import");
    confirm.append("upload", "%%% not an id %%%");
    const response = await run(confirm, cookie);
    expect(response.status).toBe(400);
    expect(await prisma.import.count()).toBe(0);
  });

  it("imports a preview only for the admin who uploaded it, and only once", async () => {
    const uploader = await signedIn("admin");
    const other = await signedIn("admin");
    const data = await (await run(uploadForm([{ name: PROGRAM_FILE, bytes: seedBytes(PROGRAM_FILE) }]), uploader.cookie)).json();
    const confirm = new FormData();
    confirm.set("intent", "import");
    confirm.append("upload", data.carry[0].id);
    const stolen = await (await run(confirm, other.cookie)).json();
    expect(stolen.results).toEqual([expect.objectContaining({ outcome: "failed", message: expect.stringMatching(/expired or was already imported/) })]);
    expect(await prisma.episode.count()).toBe(0);
    expect((await (await run(confirm, uploader.cookie)).json()).results[0].outcome).toBe("created");
    expect((await (await run(confirm, uploader.cookie)).json()).results[0].outcome).toBe("failed");
    expect(await prisma.pendingImport.count()).toBe(0);
  });

  it("answers a file over 5 MB with 413 and a readable message", async () => {
    const { cookie } = await signedIn("admin");
    const response = await run(uploadForm([{ name: "big.txt", bytes: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61) }]), cookie);
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(/larger than 5 MB/);
  });
});
