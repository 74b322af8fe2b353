import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, failureOf, FormError, Honeypot, SubmitButton, useIsPending } from "~/components/forms";
import { Card } from "~/components/ui/card";
import { AccountTakenError, createMember, findSignUpConflicts } from "~/models/users/index.server";
import {
  PASSWORD_MIN_LENGTH,
  SIGN_UP_USERNAME_MAX_LENGTH,
  SIGN_UP_USERNAME_MIN_LENGTH,
  SignUpSchema,
} from "~/schemas/auth";
import { getUser, handleNewSession, safeRedirect } from "~/utils/auth.server";
import { formFailure, parseForm, text, type FormErrors } from "~/utils/http";
import { consume, ensureNotLimited, RateLimitedError, retryAfter, retryAfterHeaders } from "~/utils/rate-limit.server";

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

const FIELDS = ["username", "password", "confirmPassword", "email"] as const;
type SignUpField = (typeof FIELDS)[number];
/** Sent back as typed; the passwords never are. */
const KEEP = ["username", "email"] as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await parseForm(request, SignUpSchema, { fields: FIELDS, keep: KEEP });
  const fail = (status: number, errors: FormErrors<SignUpField>, headers?: HeadersInit) => formFailure(status, submission, errors, { headers });

  // The limit counts accounts created; an address that has used it up is refused before anything else.
  try {
    await ensureNotLimited("signUpByIp", context.clientIp);
  } catch (error) {
    if (error instanceof RateLimitedError) return fail(429, { form: error.message }, retryAfter(error));
    throw error;
  }

  if (text(submission.form.get(HONEYPOT_FIELD)) !== "") return fail(400, { form: NOT_COMPLETED });

  // Conflicts are looked up even when the form has other mistakes, so every message shows at once. The
  // imported-author check wins, so "Dave Emory" hears why the name is refused, not that it contains a space.
  const typedName = submission.fields.username.trim();
  const conflicts = await findSignUpConflicts({ username: typedName, email: submission.fields.email.trim() || null });
  const fieldErrors = submission.ok ? {} : submission.errors;
  const errors: FormErrors<SignUpField> = {
    username:
      typedName && conflicts.usernameImported
        ? IMPORTED_AUTHOR
        : (fieldErrors.username ??
          (conflicts.usernameTaken ? USERNAME_TAKEN : conflicts.lookalikeMember ? lookalikeOf(conflicts.lookalikeMember) : undefined)),
    password: fieldErrors.password,
    confirmPassword: fieldErrors.confirmPassword,
    email: fieldErrors.email ?? (conflicts.emailTaken ? EMAIL_TAKEN : undefined),
    form: fieldErrors.form,
  };
  if (!submission.ok || Object.values(errors).some(Boolean)) return fail(400, errors);

  try {
    await consume("signUpByIp", context.clientIp);
  } catch (error) {
    // Concurrent sign-ups can spend the last point between the check above and this one.
    if (error instanceof RateLimitedError) return fail(429, { form: error.message }, retryAfter(error));
    throw error;
  }

  let user;
  try {
    user = await createMember(submission.value);
  } catch (error) {
    // Another sign-up took the name or the address between the check and the insert.
    if (!(error instanceof AccountTakenError)) throw error;
    return fail(400, error.field === "email" ? { email: EMAIL_TAKEN } : { username: USERNAME_TAKEN });
  }

  // Like signing in, signing up replaces the session this browser already had.
  return handleNewSession(request, user.id, submission.value.redirectTo);
}

export default function SignUpPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  const refs = {
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirmPassword: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
  };
  const { errors, fields } = failureOf<SignUpField>(actionData);

  // After a failed attempt the passwords are cleared and focus goes to the first field with a message.
  useEffect(() => {
    if (!actionData) return;
    for (const name of ["password", "confirmPassword"] as const) {
      if (refs[name].current) refs[name].current.value = "";
    }
    const failed = failureOf<SignUpField>(actionData).errors;
    const first = FIELDS.find((name) => failed[name]);
    (first ? refs[first] : refs.password).current?.focus();
  }, [actionData]);

  const signInLink = `/login${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`;

  return (
    <div className="mx-auto w-full max-w-sm sm:pt-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Sign up</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">
        An account lets you comment, flag claims that need a source and propose sources.
      </p>

      <Card padding="lg" className="mt-6 shadow-sm">
        <Form method="post" noValidate aria-describedby={errors.form ? "form-error" : undefined} className="space-y-5">
          <FormError id="form-error" error={errors.form} />
          <input type="hidden" name="redirectTo" value={redirectTo} />

          <Field
            ref={refs.username}
            name="username"
            label="Username"
            hint={`${SIGN_UP_USERNAME_MIN_LENGTH} to ${SIGN_UP_USERNAME_MAX_LENGTH} letters, digits and _ - . characters. Shown with everything you post.`}
            error={errors.username}
            type="text"
            required
            minLength={SIGN_UP_USERNAME_MIN_LENGTH}
            maxLength={SIGN_UP_USERNAME_MAX_LENGTH}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            defaultValue={fields.username}
          />
          <Field
            ref={refs.password}
            name="password"
            label="Password"
            // The message, when there is one, already says what is needed.
            hint={errors.password ? undefined : `At least ${PASSWORD_MIN_LENGTH} characters.`}
            error={errors.password}
            type="password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            autoComplete="new-password"
          />
          <Field
            ref={refs.confirmPassword}
            name="confirmPassword"
            label="Confirm password"
            error={errors.confirmPassword}
            type="password"
            required
            autoComplete="new-password"
          />
          <Field
            ref={refs.email}
            name="email"
            label={
              <>
                Email <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span>
              </>
            }
            hint="Never shown to anyone."
            error={errors.email}
            type="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={fields.email}
          />

          <Honeypot name={HONEYPOT_FIELD} />

          <SubmitButton pending={pending} pendingLabel="Creating your account…" className="w-full">
            Create account
          </SubmitButton>
        </Form>
      </Card>

      <p className="mt-4 text-center text-sm text-stone-600 dark:text-stone-300">
        Already have an account? <Link to={signInLink} className="underline">Sign in</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
