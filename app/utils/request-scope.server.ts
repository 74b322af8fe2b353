// What one request has already looked up, kept for the rest of that request only. The server runs each
// request in its own scope (scripts/server.ts), so the root loader and the page's loader, which Remix
// calls side by side, share one session lookup instead of making two. Outside a request (tests calling a
// loader directly, scripts) there is no scope and every lookup is made.
// The store lives on globalThis: the server and the Remix build are two copies of this module in one process.
import { AsyncLocalStorage } from "node:async_hooks";

const shared = globalThis as unknown as { __footnoteRequestScope?: AsyncLocalStorage<Map<string, Promise<unknown>>> };

export const requestScope = (shared.__footnoteRequestScope ??= new AsyncLocalStorage<Map<string, Promise<unknown>>>());

/** Runs `work` in a new, empty scope: nothing looked up before it is reused inside it. */
export function inNewRequestScope<T>(work: () => T): T {
  return requestScope.run(new Map(), work);
}

/** `lookUp()` once per request and key; a failed lookup is forgotten, so a later one tries again. */
export function oncePerRequest<T>(key: string, lookUp: () => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  if (!scope) return lookUp();
  let pending = scope.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = lookUp();
    scope.set(key, pending);
    pending.catch(() => {
      if (scope.get(key) === pending) scope.delete(key);
    });
  }
  return pending;
}

/** Forgets what this request looked up under `key` (a session ended or changed by the request itself). */
export function forgetInRequest(key: string) {
  requestScope.getStore()?.delete(key);
}
