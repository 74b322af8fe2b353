// The link of a verification mail: the GET shows a button, the POST verifies the address (no GET
// changes data). No sign-in needed: the token is the proof that the mail reached the address.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { confirmVerification, findVerification } from "~/models/mail.server";
import { invariantResponse, parseParams } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Confirm your address — Footnote" }, { name: "robots", content: "noindex" }];

const UNKNOWN = "This verification link is not valid any more: ask for a new one in your notification settings.";
const ParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, UNKNOWN) });

export async function loader({ params }: LoaderFunctionArgs) {
  const { token } = parseParams(params, ParamsSchema);
  const found = await findVerification(token);
  invariantResponse(found?.current, UNKNOWN, { status: 404 });
  return { email: found.email, verified: found.verified };
}

export async function action({ params }: ActionFunctionArgs) {
  const { token } = parseParams(params, ParamsSchema);
  invariantResponse(await confirmVerification(token), UNKNOWN, { status: 404 });
  return { verified: true };
}

export default function VerifyPage() {
  const { email, verified } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <Card className="mx-auto max-w-lg space-y-4 p-6">
      <h1 className="font-serif text-2xl font-semibold">Confirm your address</h1>
      {answer?.verified || verified ? (
        <p role="status">
          {email} is verified. Mail now comes as you chose in <Link to="/settings/notifications">notification settings</Link>.
        </p>
      ) : (
        <>
          <p>Confirm that {email} is yours and may receive Footnote’s notifications.</p>
          <Form method="post">
            <Button type="submit">Confirm {email}</Button>
          </Form>
        </>
      )}
    </Card>
  );
}
