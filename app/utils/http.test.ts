import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorsOf, formFailure, parseForm, text } from "~/utils/http";

const Schema = z
  .object({
    username: z.string().trim().min(1, "Enter your username."),
    password: z.string().min(10, "A password has at least 10 characters."),
    redirectTo: z.string().optional(),
  })
  .superRefine((value, context) => {
    if (value.username === "root") context.addIssue({ code: "custom", path: [], message: "Not this form." });
  });

function form(fields: Record<string, string | Blob>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("the form layer's server half", () => {
  it("text() reads a typed value, and a missing field or a file as empty", () => {
    expect(text("typed")).toBe("typed");
    expect(text(null)).toBe("");
    expect(text(new File(["x"], "x.txt"))).toBe("");
  });

  it("errorsOf() keeps the first message of each named field and puts every other issue under form", () => {
    const Checks = z.object({
      username: z.string().min(3, "At least 3 characters.").regex(/^[a-z]+$/, "Letters only."),
      password: z.string().min(10, "At least 10 characters."),
      redirectTo: z.string("Not a path."),
    });
    const parsed = Checks.safeParse({ username: "A!", password: "short", redirectTo: 7 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.filter((issue) => issue.path[0] === "username")).toHaveLength(2);
    expect(errorsOf(parsed.error!, ["username", "password"])).toEqual({
      username: "At least 3 characters.",
      password: "At least 10 characters.",
      form: "Not a path.",
    });
  });

  it("parseForm() answers the value, or the messages and only the fields it keeps: never a password", async () => {
    const refused = await parseForm(form({ username: "ada", password: "short" }), Schema, { fields: ["username", "password"], keep: ["username"] });
    expect(refused).toMatchObject({ ok: false, errors: { password: "A password has at least 10 characters." }, fields: { username: "ada" } });
    expect(JSON.stringify(refused.fields)).not.toContain("short");

    const root = await parseForm(form({ username: "root", password: "long enough!" }), Schema, { fields: ["username", "password"] });
    expect(root).toMatchObject({ ok: false, errors: { form: "Not this form." } });

    const accepted = await parseForm(form({ username: " ada ", password: "long enough!" }), Schema, { fields: ["username", "password"], with: { redirectTo: "/x" } });
    expect(accepted).toMatchObject({ ok: true, value: { username: "ada", password: "long enough!", redirectTo: "/x" } });
  });

  it("parseForm() reads a request through the input boundary: a NUL is a 400, not a message", async () => {
    const request = new Request("http://localhost/", { method: "POST", body: form({ username: "a\u0000b", password: "x" }) });
    await expect(parseForm(request, Schema, { fields: ["username"] })).rejects.toMatchObject({ status: 400 });
  });

  it("formFailure() answers the status, the messages beside the fields and the kept values", () => {
    const answer = formFailure(409, { fields: { url: "https://example.org" } }, { form: "Already settled." }, { extra: { match: 3 } }) as unknown as {
      data: unknown;
      init: ResponseInit;
    };
    expect(answer.init.status).toBe(409);
    expect(answer.data).toEqual({ match: 3, errors: { form: "Already settled." }, fields: { url: "https://example.org" } });
  });
});
