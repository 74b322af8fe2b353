// The one way mail leaves Footnote: nodemailer over SMTP_URL. Without SMTP_URL nothing leaves: the Mail
// row the job sends from is the catch, shown to admins at /admin/mail (ADR 0035).
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "~/utils/env.server";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Fixed per stored mail, so a receiver can tell a resend after a crash from a new mail. */
  messageId: string;
  headers: Record<string, string>;
};

let transporter: { url: string; transport: Transporter } | null = null;

function transportFor(url: string) {
  if (transporter?.url !== url) transporter = { url, transport: nodemailer.createTransport(url) };
  return transporter.transport;
}

/** Delivers a mail; "catcher" when no SMTP server is configured. Throws when the server refuses it. */
export async function deliverMail(mail: OutgoingMail): Promise<"smtp" | "catcher"> {
  // Read at every send, not cached at boot: tests point it at their own SMTP server.
  const url = process.env.SMTP_URL || getEnv().SMTP_URL;
  if (!url) return "catcher";
  await transportFor(url).sendMail({
    from: process.env.MAIL_FROM || getEnv().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
  });
  return "smtp";
}
