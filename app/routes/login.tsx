import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { createSession, generateSessionToken, invalidateSession } from "~/models/session.server";
import { usernameKey, verifyCredentials } from "~/models/users/index.server";
import { SignInSchema } from "~/schemas/auth";
import { getSession, getUser, safeRedirect } from "~/utils/auth.server";
import { readFormData } from "~/utils/http";
import {
  clearSignInFailures,
  consume,
  ensureSignInAllowed,
  RateLimitedError,
  recordSignInFailure,
  retryAfter,
  retryAfterHeaders,
} from "~/utils/rate-limit.server";
import { sessionCookie } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in — Footnote" }];

/** A 429 keeps its Retry-After in the HTML answer too. */
export const headers = retryAfterHeaders;

// One message for an unknown username and a wrong password, so the form does not reveal which names exist.
const WRONG_CREDENTIALS = "The username or password is incorrect.";
const SUSPENDED = "This account is suspended.";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  if (await getUser(request)) throw redirect(safeRedirect(redirectTo));
  return { redirectTo };
}

type SignInErrors = { username?: string; password?: string; form?: string };

/** A failed attempt: the form again with its messages and the typed username, never the password. */
function failure(status: number, username: string, errors: SignInErrors, headers?: HeadersInit) {
  return data({ fields: { username }, errors }, { status, headers });
}

function rateLimited(error: RateLimitedError, username: string) {
  return failure(429, username, { form: error.message }, retryAfter(error));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const typedUsername = form.get("username");
  const username = typeof typedUsername === "string" ? typedUsername : "";

  try {
    // Every attempt counts against the address, whether or not the form is valid.
    await consume("signInByIp", context.clientIp);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimited(error, username);
    throw error;
  }

  const parsed = SignInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return failure(400, username, { username: fieldErrors.username?.[0], password: fieldErrors.password?.[0] });
  }

  // Wrong passwords slow down only this username from this address (ADR 0012): the owner, from anywhere
  // else, still signs in, and an account is never locked.
  const key = usernameKey(parsed.data.username);
  try {
    await ensureSignInAllowed(key, context.clientIp);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimited(error, username);
    throw error;
  }

  const user = await verifyCredentials(parsed.data);
  if (!user) {
    await recordSignInFailure(key, context.clientIp);
    return failure(400, username, { form: WRONG_CREDENTIALS });
  }
  if (user.suspendedAt) return failure(403, username, { form: SUSPENDED });

  await clearSignInFailures(key, context.clientIp);
  // A sign-in replaces the session this browser already had, so it does not linger in the database.
  const previous = await getSession(request);
  if (previous) await invalidateSession(previous.session.id);
  const token = generateSessionToken();
  const session = await createSession(token, user.id);
  return redirect(safeRedirect(parsed.data.redirectTo), {
    status: 303,
    headers: { "Set-Cookie": sessionCookie(token, session.expiresAt) },
  });
}

const inputClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "placeholder:text-stone-400 focus-visible:border-accent-600 aria-[invalid=true]:border-red-600 " +
  "dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";

export default function SignInPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formAction?.startsWith("/login") === true;
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errors: SignInErrors = actionData?.errors ?? {};

  // After a failed attempt the password is cleared and focus goes where the reader must act next.
  useEffect(() => {
    if (!actionData) return;
    if (passwordRef.current) passwordRef.current.value = "";
    const target = actionData.errors.username ? usernameRef.current : passwordRef.current;
    target?.focus();
  }, [actionData]);

  return (
    <div className="mx-auto w-full max-w-sm sm:pt-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">Members comment, flag claims and propose sources.</p>

      <Form
        method="post"
        noValidate
        aria-describedby={errors.form ? "form-error" : undefined}
        className="mt-6 space-y-5 rounded-lg border border-stone-200 bg-white p-5 shadow-sm sm:p-6 dark:border-stone-800 dark:bg-stone-900"
      >
        {errors.form ? (
          <p
            id="form-error"
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {errors.form}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />

        <div>
          <label htmlFor="username" className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Username
          </label>
          <input
            ref={usernameRef}
            id="username"
            name="username"
            type="text"
            required
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            defaultValue={actionData?.fields.username}
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={errors.username ? "username-error" : undefined}
            className={inputClass}
          />
          {errors.username ? (
            <p id="username-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.username}
            </p>
          ) : null}
        </div>

        <div>
          <label htmlFor="password" className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Password
          </label>
          <input
            ref={passwordRef}
            id="password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-error" : undefined}
            className={inputClass}
          />
          {errors.password ? (
            <p id="password-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.password}
            </p>
          ) : null}
        </div>

        <button
          type="submit"
          disabled={submitting}
          className="w-full rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 disabled:cursor-wait disabled:opacity-70 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100"
        >
          {submitting ? "Signing in…" : "Sign in"}
        </button>
      </Form>
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-300">
        No account yet? <Link to={`/signup?${new URLSearchParams({ redirectTo })}`} className="underline">Create one</Link>.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
