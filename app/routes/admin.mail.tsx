// What Footnote mailed (issue 18): without SMTP_URL nothing leaves the machine and this is where the mail
// is read (the "catcher"); with it, the same list shows what went out, what is retried and what was withheld.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { Card, EmptyState } from "~/components/ui/card";
import { listMail } from "~/models/mail.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Mail — Admin — Footnote" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:read-mail");
  const mails = await listMail({ take: 50 });
  return {
    smtp: Boolean(process.env.SMTP_URL || getEnv().SMTP_URL),
    mails: mails.map((mail) => ({
      ...mail,
      status: mail.sentAt ? (mail.transport === "catcher" ? "caught" : "sent") : mail.transport === "withheld" ? "withheld (unsubscribed)" : mail.lastError ? `retrying: ${mail.lastError}` : "waiting",
      createdAt: mail.createdAt.toISOString(),
      sentAt: mail.sentAt?.toISOString() ?? null,
    })),
  };
}

export default function AdminMailPage() {
  const { smtp, mails } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader eyebrow="Admin" title="Mail">
        {smtp
          ? "Mail goes out through the SMTP server in SMTP_URL. The newest 50 mails, with what became of each."
          : "No SMTP_URL is set, so no mail leaves this machine: it is caught here. The newest 50 mails."}
      </PageHeader>
      {mails.length === 0 ? (
        <EmptyState>No mail yet.</EmptyState>
      ) : (
        <Card as="ul" divided>
          {mails.map((mail) => (
            <li key={mail.id} className="space-y-1 px-4 py-3">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{mail.subject}</span> <span className="text-sm text-stone-600 dark:text-stone-300">to {mail.to}</span>
                </summary>
                <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-stone-100 p-3 text-sm dark:bg-stone-800">{mail.text}</pre>
              </details>
              <p className="text-xs text-stone-500 dark:text-stone-400">
                {mail.kind} · {mail.status} · written <time dateTime={mail.createdAt}>{mail.createdAt.slice(0, 16).replace("T", " ")} UTC</time>
              </p>
            </li>
          ))}
        </Card>
      )}
    </div>
  );
}
