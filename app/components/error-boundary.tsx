import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const MESSAGES: Record<number, string> = {
  400: "The request could not be understood.",
  401: "You need to sign in to do that.",
  403: "You are not allowed to do that.",
  404: "There is nothing at this address.",
  413: "That is more than Footnote accepts at once.",
  429: "Too many attempts. Wait a moment and try again.",
  503: "Footnote is briefly unavailable. Try again in a few seconds.",
};

/** Renders thrown Responses as readable pages and never shows a stack trace to the reader. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  let status = 500;
  let message = "Something went wrong on our side. The error was logged; please try again.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const detail = typeof error.data === "string" ? error.data : (error.data as { message?: string } | null)?.message;
    message = detail || MESSAGES[status] || error.statusText || message;
  } else if (typeof document === "undefined") {
    console.error(error);
  }
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-prose py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Error {status}</p>
      <h1 id="error-title" className="mt-2 font-serif text-3xl font-semibold">
        {status === 404 ? "Not found" : status === 503 ? "Try again in a moment" : status < 500 ? "That did not work" : "Something went wrong"}
      </h1>
      <p className="mt-4 text-stone-700 dark:text-stone-300">{message}</p>
      <p className="mt-6">
        <Link to="/">Back to the archive</Link>
      </p>
    </section>
  );
}
