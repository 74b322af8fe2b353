import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { createSession, generateSessionToken, invalidateSession } from "~/models/session.server";
import { AccountTakenError, createMember, findSignUpConflicts } from "~/models/users/index.server";
import {
  PASSWORD_MIN_LENGTH,
  SIGN_UP_USERNAME_MAX_LENGTH,
  SIGN_UP_USERNAME_MIN_LENGTH,
  SignUpSchema,
} from "~/schemas/auth";
import { getSession, getUser, safeRedirect } from "~/utils/auth.server";
import { readFormData } from "~/utils/http";
import { consume, ensureNotLimited, RateLimitedError, retryAfter, retryAfterHeaders } from "~/utils/rate-limit.server";
import { sessionCookie } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sign up — Footnote" }];

/** A 429 keeps its Retry-After in the HTML answer too. */
export const headers = retryAfterHeaders;

// A bot that fills the hidden field learns nothing about why it failed.
const NOT_COMPLETED = "Sign-up could not be completed.";
const USERNAME_TAKEN = "That username is taken. Choose another.";
const EMAIL_TAKEN = "An account already uses that email address.";
const IMPORTED_AUTHOR = "That name belongs to an imported author.";
const lookalikeOf = (name: string) => `That username could be mistaken for “${name}”, an existing member. Choose another.`;

/** The hidden field only bots fill in. */
export const HONEYPOT_FIELD = "website";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  if (await getUser(request)) throw redirect(safeRedirect(redirectTo));
  return { redirectTo };
}

type SignUpErrors = { username?: string; password?: string; confirmPassword?: string; email?: string; form?: string };
type SignUpFields = { username: string; email: string };

/** A failed attempt: the form again with its messages and the typed values, never the passwords. */
function failure(status: number, fields: SignUpFields, errors: SignUpErrors, headers?: HeadersInit) {
  return data({ fields, errors }, { status, headers });
}

function rateLimited(error: RateLimitedError, fields: SignUpFields) {
  return failure(429, fields, { form: error.message }, retryAfter(error));
}

function text(value: FormDataEntryValue | null) {
  return typeof value === "string" ? value : "";
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const fields = { username: text(form.get("username")), email: text(form.get("email")) };

  // The limit counts accounts created; an address that has used it up is refused before anything else.
  try {
    await ensureNotLimited("signUpByIp", context.clientIp);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimited(error, fields);
    throw error;
  }

  if (text(form.get(HONEYPOT_FIELD)) !== "") return failure(400, fields, { form: NOT_COMPLETED });

  const parsed = SignUpSchema.safeParse(Object.fromEntries(form));
  // Conflicts are looked up even when the form has other mistakes, so every message shows at once. The
  // imported-author check wins, so "Dave Emory" hears why the name is refused, not that it contains a space.
  const typedName = fields.username.trim();
  const conflicts = await findSignUpConflicts({ username: typedName, email: fields.email.trim() || null });
  const fieldErrors: Partial<Record<keyof SignUpErrors, string[]>> = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const errors: SignUpErrors = {
    username:
      typedName && conflicts.usernameImported
        ? IMPORTED_AUTHOR
        : (fieldErrors.username?.[0] ??
          (conflicts.usernameTaken ? USERNAME_TAKEN : conflicts.lookalikeMember ? lookalikeOf(conflicts.lookalikeMember) : undefined)),
    password: fieldErrors.password?.[0],
    confirmPassword: fieldErrors.confirmPassword?.[0],
    email: fieldErrors.email?.[0] ?? (conflicts.emailTaken ? EMAIL_TAKEN : undefined),
  };
  if (!parsed.success || Object.values(errors).some(Boolean)) return failure(400, fields, errors);

  try {
    await consume("signUpByIp", context.clientIp);
  } catch (error) {
    // Concurrent sign-ups can spend the last point between the check above and this one.
    if (error instanceof RateLimitedError) return rateLimited(error, fields);
    throw error;
  }

  let user;
  try {
    user = await createMember(parsed.data);
  } catch (error) {
    // Another sign-up took the name or the address between the check and the insert.
    if (!(error instanceof AccountTakenError)) throw error;
    return failure(400, fields, error.field === "email" ? { email: EMAIL_TAKEN } : { username: USERNAME_TAKEN });
  }

  // Like signing in, signing up replaces the session this browser already had.
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

const FIELD_ORDER = ["username", "password", "confirmPassword", "email"] as const;

export default function SignUpPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formAction?.startsWith("/signup") === true;
  const refs = {
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirmPassword: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
  };
  const errors: SignUpErrors = actionData?.errors ?? {};

  // After a failed attempt the passwords are cleared and focus goes to the first field with a message.
  useEffect(() => {
    if (!actionData) return;
    for (const name of ["password", "confirmPassword"] as const) {
      if (refs[name].current) refs[name].current.value = "";
    }
    const first = FIELD_ORDER.find((name) => actionData.errors[name]);
    (first ? refs[first] : refs.password).current?.focus();
  }, [actionData]);

  const signInLink = `/login${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`;

  return (
    <div className="mx-auto w-full max-w-sm sm:pt-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Sign up</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">
        An account lets you comment, flag claims that need a source and propose sources.
      </p>

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

        <Field
          name="username"
          label="Username"
          hint={`${SIGN_UP_USERNAME_MIN_LENGTH} to ${SIGN_UP_USERNAME_MAX_LENGTH} letters, digits and _ - . characters. Shown with everything you post.`}
          error={errors.username}
        >
          {(describedBy) => (
            <input
              ref={refs.username}
              id="username"
              name="username"
              type="text"
              required
              minLength={SIGN_UP_USERNAME_MIN_LENGTH}
              maxLength={SIGN_UP_USERNAME_MAX_LENGTH}
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              defaultValue={actionData?.fields.username}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
            />
          )}
        </Field>

        <Field
          name="password"
          label="Password"
          // The message, when there is one, already says what is needed.
          hint={errors.password ? undefined : `At least ${PASSWORD_MIN_LENGTH} characters.`}
          error={errors.password}
        >
          {(describedBy) => (
            <input
              ref={refs.password}
              id="password"
              name="password"
              type="password"
              required
              minLength={PASSWORD_MIN_LENGTH}
              autoComplete="new-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
            />
          )}
        </Field>

        <Field name="confirmPassword" label="Confirm password" error={errors.confirmPassword}>
          {(describedBy) => (
            <input
              ref={refs.confirmPassword}
              id="confirmPassword"
              name="confirmPassword"
              type="password"
              required
              autoComplete="new-password"
              aria-invalid={errors.confirmPassword ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
            />
          )}
        </Field>

        <Field
          name="email"
          label={
            <>
              Email <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span>
            </>
          }
          hint="Never shown to anyone."
          error={errors.email}
        >
          {(describedBy) => (
            <input
              ref={refs.email}
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              defaultValue={actionData?.fields.email}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
            />
          )}
        </Field>

        {/* For bots only: people never see or reach this field; anything typed in it refuses the sign-up. */}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor={HONEYPOT_FIELD}>Website</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <button
          type="submit"
          disabled={submitting}
          className="w-full rounded-md bg-accent-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-600 disabled:cursor-wait disabled:opacity-70 dark:bg-accent-300 dark:text-stone-950 dark:hover:bg-accent-100"
        >
          {submitting ? "Creating your account…" : "Create account"}
        </button>
      </Form>

      <p className="mt-4 text-center text-sm text-stone-600 dark:text-stone-300">
        Already have an account? <Link to={signInLink} className="underline">Sign in</Link>
      </p>
    </div>
  );
}

function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  // The message comes first in the description, so a screen reader says what is wrong before the hint.
  const describedBy = [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label}
      </label>
      {children(describedBy)}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
