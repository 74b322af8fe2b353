// One place for everything a member follows (issue 18): every watch with its level, how mail comes
// (immediately, a daily digest, never) once the address is verified, and the private Atom feed.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { Button } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/card";
import { Choice } from "~/components/ui/input";
import { WatchControl } from "~/components/watch-control";
import { readNotificationSettings, requestEmailVerification, revokeFeedToken, rotateFeedToken, setEmailDelivery } from "~/models/mail.server";
import { listWatches } from "~/models/watch.server";
import { NotificationSettingsSchema } from "~/schemas/watch";
import { requireUser } from "~/utils/auth.server";
import { siteOrigin } from "~/utils/feeds.server";
import { requireForm } from "~/utils/http";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Notification settings — Footnote" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [watches, settings] = await Promise.all([listWatches(user.id), readNotificationSettings(user.id)]);
  return {
    watches,
    email: settings.user.email,
    verified: settings.verified,
    verificationSent: !settings.verified && settings.verifyEmail !== null && settings.verifyEmail === settings.user.email,
    emailDelivery: settings.emailDelivery,
    feedUrl: settings.feedToken ? `${siteOrigin(request)}/feeds/notifications/${settings.feedToken}` : null,
  };
}

const DELIVERY = [
  { value: "immediate", label: "Immediately", help: "One mail shortly after each notification (several at once are gathered)." },
  { value: "daily", label: "Daily digest", help: "One mail a day with everything new, at 07:00 UTC." },
  { value: "none", label: "Never", help: "No mail; the bell, the notifications page and the feed still show everything." },
] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await requireForm(request, NotificationSettingsSchema);
  const back = (description: string) => redirectWithToast("/settings/notifications", { description });
  switch (form.intent) {
    case "email-delivery":
      await setEmailDelivery(user.id, form.emailDelivery);
      return back(`Mail: ${DELIVERY.find((choice) => choice.value === form.emailDelivery)!.label.toLowerCase()}.`);
    case "send-verification": {
      const sent = await requestEmailVerification(user.id);
      return back(sent === null ? "There is no unverified address to verify." : "A link to confirm your address is on its way. Nothing else is mailed until you follow it.");
    }
    case "rotate-feed":
      await rotateFeedToken(user.id);
      return back("Your private feed has a new address; the old one no longer works.");
    case "revoke-feed":
      await revokeFeedToken(user.id);
      return back("Your private feed is switched off; its address no longer works.");
  }
}

export default function NotificationSettingsPage() {
  const { watches, email, verified, verificationSent, emailDelivery, feedUrl } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <PageHeader eyebrow="Settings" title="Notifications">
        What you follow, and how you hear about it. The <Link to="/notifications">notifications page</Link> lists everything.
      </PageHeader>

      <section aria-labelledby="watches" className="space-y-3">
        <h2 id="watches" className="font-serif text-xl font-semibold">
          What you watch
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-300">
          Watching: every new comment (gathered per episode) and every change of a claim’s state. Tracking: only replies to you and mentions of you,
          the default in a thread once you comment in it. Muted: nothing. A thread’s level wins over its episode’s.
        </p>
        {watches.length === 0 ? (
          <EmptyState>You watch nothing yet. Use “Notifications for this episode” on an episode, a claim or a thread.</EmptyState>
        ) : (
          <Card as="ul" divided>
            {watches.map((watch) => (
              <li key={watch.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <p className="min-w-0 flex-1">
                  <span className="text-xs font-semibold uppercase tracking-wide text-stone-500">{watch.type}</span>{" "}
                  <Link to={watch.href}>{watch.label}</Link>
                </p>
                <WatchControl targetType={watch.type} targetId={watch.targetId} level={watch.level} label={`Notifications for ${watch.label}`} compact />
              </li>
            ))}
          </Card>
        )}
      </section>

      <section aria-labelledby="mail" className="space-y-3">
        <h2 id="mail" className="font-serif text-xl font-semibold">
          E-mail
        </h2>
        {email === null ? (
          <p>Your account has no e-mail address, so Footnote mails you nothing.</p>
        ) : verified ? (
          <p>
            Mail goes to <strong>{email}</strong> (verified).
          </p>
        ) : (
          <div className="space-y-2">
            <p>
              <strong>{email}</strong> is not verified yet: Footnote mails it nothing but the verification link.
              {verificationSent ? " A link was sent; follow it, or ask for a new one." : null}
            </p>
            <Form method="post">
              <Button name="intent" value="send-verification" variant="secondary" size="sm">
                {verificationSent ? "Send a new verification link" : "Send me a verification link"}
              </Button>
            </Form>
          </div>
        )}
        <Form method="post" className="space-y-2">
          <fieldset className="space-y-2">
            <legend className="font-medium">How often mail may come</legend>
            {DELIVERY.map((choice) => (
              <label key={choice.value} className="flex items-start gap-2">
                <Choice type="radio" name="emailDelivery" value={choice.value} defaultChecked={emailDelivery === choice.value} className="mt-1" />
                <span>
                  {choice.label} <span className="text-sm text-stone-600 dark:text-stone-300">— {choice.help}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Button name="intent" value="email-delivery" size="sm">
            Save mail choice
          </Button>
        </Form>
      </section>

      <section aria-labelledby="feed" className="space-y-3">
        <h2 id="feed" className="font-serif text-xl font-semibold">
          Private feed
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-300">
          An Atom feed of your notifications for a feed reader. Its address is a secret: anyone who has it reads your notifications. Make a new
          one, or switch it off, whenever you like.
        </p>
        {feedUrl ? (
          <p>
            <a href={feedUrl} className="break-all">
              {feedUrl}
            </a>
          </p>
        ) : null}
        <Form method="post" className="flex flex-wrap gap-2">
          <Button name="intent" value="rotate-feed" variant="secondary" size="sm">
            {feedUrl ? "Make a new address (the old one stops working)" : "Create my private feed"}
          </Button>
          {feedUrl ? (
            <Button name="intent" value="revoke-feed" variant="secondary" size="sm">
              Switch the feed off
            </Button>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
