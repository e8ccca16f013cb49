import { Resend } from "resend";
import { config } from "../config";
import { db } from "../db";
import { logger } from "../logger";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What the dev outbox keeps instead of text and html, when they hold secrets (recovery codes). */
  outboxCopy?: { text: string; html: string };
};

/** The one way mail leaves the product: Resend when RESEND_API_KEY is set, the dev outbox otherwise. */
export async function sendMail(mail: Mail): Promise<{ delivery: "resend" | "outbox"; id: string }> {
  const { RESEND_API_KEY, MAIL_FROM } = config();
  if (!RESEND_API_KEY) {
    const { outboxCopy, ...message } = mail;
    const row = await db.outboxMessage.create({ data: { ...message, ...outboxCopy } });
    return { delivery: "outbox", id: row.id };
  }
  // The SDK reads RESEND_BASE_URL itself: tests point it at a local fake of the Resend API.
  const resend = new Resend(RESEND_API_KEY);
  const { data, error } = await resend.emails.send({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  if (error || !data) {
    logger.error({ err: error, to: mail.to, subject: mail.subject }, "mail: Resend refused the message");
    throw new Error(`Resend refused the message: ${error?.message ?? "no id returned"}`);
  }
  return { delivery: "resend", id: data.id };
}

export function listOutbox(take = 100) {
  return db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}
