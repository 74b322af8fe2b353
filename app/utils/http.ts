/** Throws a Response (rendered by the error boundary) when `condition` is falsy. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers } });
  }
}

export function jsonResponse(data: unknown, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

/** The submitted form; a body that is not a form reads as an empty one, so validation answers 400 instead of a crash. */
export async function readFormData(request: Request) {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
