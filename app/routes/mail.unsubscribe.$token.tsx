// The unsubscribe link of every mail (RFC 8058): a POST here — the mail program's one click, with
// "List-Unsubscribe=One-Click", or the button on this page — stops all mail, without signing in; the token
// in the address is the proof. A GET only shows the button: link scanners that open every link change nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { findUnsubscribe, unsubscribe } from "~/models/mail.server";
import { invariantResponse, parseParams } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Unsubscribe — Footnote" }, { name: "robots", content: "noindex" }];

const ParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "This unsubscribe link is not one Footnote sent.") });

export async function loader({ params }: LoaderFunctionArgs) {
  const { token } = parseParams(params, ParamsSchema);
  const found = await findUnsubscribe(token);
  invariantResponse(found, "This unsubscribe link is not one Footnote sent.", { status: 404 });
  return { ...found, done: false };
}

export async function action({ params }: ActionFunctionArgs) {
  const { token } = parseParams(params, ParamsSchema);
  const found = await findUnsubscribe(token);
  invariantResponse(found, "This unsubscribe link is not one Footnote sent.", { status: 404 });
  await unsubscribe(token);
  return { ...found, subscribed: false, done: true };
}

export default function UnsubscribePage() {
  const loaded = useLoaderData<typeof loader>();
  return (
    <Card className="mx-auto max-w-lg space-y-4 p-6">
      <h1 className="font-serif text-2xl font-semibold">Mail from Footnote</h1>
      {loaded.subscribed ? (
        <>
          <p>Stop all mail to {loaded.username}: notifications, digests, everything. You can choose mail again in your notification settings.</p>
          <Form method="post">
            <Button type="submit">Unsubscribe</Button>
          </Form>
        </>
      ) : (
        <p role="status">
          {loaded.username} is unsubscribed: Footnote sends no more mail. To get mail again, choose it in{" "}
          <Link to="/settings/notifications">notification settings</Link>.
        </p>
      )}
    </Card>
  );
}
