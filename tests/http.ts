// Integration tests over real HTTP: the built app served by scripts/server.ts (Express + Remix, the same
// stack as `npm start`) on a free port of this worker, on the worker's own database. The build is made
// (or refreshed) once per run by tests/setup/global-setup.ts.
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import { startServer } from "../scripts/server";

export interface HttpOptions extends Omit<RequestInit, "body"> {
  /** Session cookie (`footnote_session=…`), as `signedIn()` returns it. */
  cookie?: string;
  /** Sent as multipart/form-data (a FormData or plain fields), with our Origin, as a browser's form would be. */
  form?: FormData | Record<string, string | Blob>;
  body?: RequestInit["body"];
}

export interface TestApp {
  origin: string;
  /** A request to the app; redirects are not followed, so their status and Location can be checked. */
  request(path: string, options?: HttpOptions): Promise<Response>;
  get(path: string, options?: HttpOptions): Promise<Response>;
  post(path: string, form: FormData | Record<string, string | Blob>, options?: HttpOptions): Promise<Response>;
}

let running: Promise<{ app: TestApp; close: () => Promise<void> }> | undefined;

async function start() {
  // No job runner in the server: a test runs the queued jobs itself when it wants their effect (tests/jobs.ts).
  const server = await startServer({ port: 0, log: () => {}, jobConcurrency: 0 });
  const { port } = server.server.address() as AddressInfo;
  return { app: httpClient(`http://localhost:${port}`), close: server.close };
}

/** A client of the app served at `origin` (this file's server, or an app process a test started itself). */
export function httpClient(origin: string): TestApp {
  const request: TestApp["request"] = (path, { cookie, form, headers, ...init } = {}) => {
    const merged = new Headers(headers);
    if (cookie) merged.set("Cookie", cookie);
    let body = init.body;
    if (form) {
      body = form instanceof FormData ? form : toFormData(form);
      if (!merged.has("Origin")) merged.set("Origin", origin);
    }
    return fetch(new URL(path, origin), { redirect: "manual", ...init, method: init.method ?? (form ? "POST" : "GET"), headers: merged, body });
  };
  return {
    origin,
    request,
    get: (path, options) => request(path, { ...options, method: "GET" }),
    post: (path, form, options) => request(path, { ...options, form, method: "POST" }),
  };
}

function toFormData(fields: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

/** The app of this test file, started on first use and closed after the file's tests. */
export async function testApp(): Promise<TestApp> {
  running ??= start();
  return (await running).app;
}

afterAll(async () => {
  if (running) await (await running).close();
});
