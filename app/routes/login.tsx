import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, failureOf, FormError, SubmitButton, useIsPending } from "~/components/forms";
import { Card } from "~/components/ui/card";
import { usernameKey, verifyCredentials } from "~/models/users/index.server";
import { SignInSchema } from "~/schemas/auth";
import { getUser, handleNewSession, safeRedirect } from "~/utils/auth.server";
import { formFailure, parseForm, readFormData } from "~/utils/http";
import {
  clearSignInFailures,
  consume,
  ensureSignInAllowed,
  RateLimitedError,
  recordSignInFailure,
  retryAfter,
  retryAfterHeaders,
} from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Sign in — Footnote" }];

/** A 429 keeps its Retry-After in the HTML answer too. */
export const headers = retryAfterHeaders;

// One message for an unknown username and a wrong password, so the form does not reveal which names exist.
const WRONG_CREDENTIALS = "The username or password is incorrect.";
const SUSPENDED = "This account is suspended.";

/** The fields with messages beside them; only the username is sent back as typed, never the password. */
const FIELDS = ["username", "password"] as const;
const KEEP = ["username"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  if (await getUser(request)) throw redirect(safeRedirect(redirectTo));
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const submission = await parseForm(form, SignInSchema, { fields: FIELDS, keep: KEEP });
  const rateLimited = (error: RateLimitedError) => formFailure(429, submission, { form: error.message }, { headers: retryAfter(error) });

  try {
    // Every attempt counts against the address, whether or not the form is valid.
    await consume("signInByIp", context.clientIp);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimited(error);
    throw error;
  }
  if (!submission.ok) return formFailure(400, submission, submission.errors);

  // Wrong passwords slow down only this username from this address (ADR 0012): the owner, from anywhere
  // else, still signs in, and an account is never locked.
  const key = usernameKey(submission.value.username);
  try {
    await ensureSignInAllowed(key, context.clientIp);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimited(error);
    throw error;
  }

  const user = await verifyCredentials(submission.value);
  if (!user) {
    await recordSignInFailure(key, context.clientIp);
    return formFailure(400, submission, { form: WRONG_CREDENTIALS });
  }
  if (user.suspendedAt) return formFailure(403, submission, { form: SUSPENDED });

  await clearSignInFailures(key, context.clientIp);
  return handleNewSession(request, user.id, submission.value.redirectTo);
}

export default function SignInPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { errors, fields } = failureOf<(typeof FIELDS)[number]>(actionData);

  // After a failed attempt the password is cleared and focus goes where the reader must act next.
  useEffect(() => {
    if (!actionData) return;
    if (passwordRef.current) passwordRef.current.value = "";
    const target = failureOf<(typeof FIELDS)[number]>(actionData).errors.username ? usernameRef.current : passwordRef.current;
    target?.focus();
  }, [actionData]);

  return (
    <div className="mx-auto w-full max-w-sm sm:pt-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">Members comment, flag claims and propose sources.</p>

      <Card padding="lg" className="mt-6 shadow-sm">
        <Form method="post" noValidate aria-describedby={errors.form ? "form-error" : undefined} className="space-y-5">
          <FormError id="form-error" error={errors.form} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field
            ref={usernameRef}
            name="username"
            label="Username"
            error={errors.username}
            type="text"
            required
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            defaultValue={fields.username}
          />
          <Field ref={passwordRef} name="password" label="Password" error={errors.password} type="password" required autoComplete="current-password" />
          <SubmitButton pending={pending} pendingLabel="Signing in…" className="w-full">
            Sign in
          </SubmitButton>
        </Form>
      </Card>
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-300">
        No account yet? <Link to={`/signup?${new URLSearchParams({ redirectTo })}`} className="underline">Create one</Link>.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
