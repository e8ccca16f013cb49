import type { Prisma } from "../generated/sqlite/client";
import { db } from "../db";
import { encryptSecret } from "../two-factor/secrets";
import { nudgeDeliverer } from "./deliverer";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The template it was rendered from, shown to admins ("twoFactorEnabled", "reminder"…). */
  kind?: string;
  /** What the outbox shows (and keeps after delivery) instead of text and html, when they hold secrets (recovery codes). */
  outboxCopy?: { text: string; html: string };
};

/** A Prisma client or the client of an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type Tx = Prisma.TransactionClient;

/**
 * Writes `mail` to the outbox through `tx`, so it commits or rolls back with the change it
 * reports (the transactional outbox pattern). A mail with secrets keeps its full body encrypted
 * (AES-256-GCM, the TOTP secrets' key) and only the redacted copy in clear. Delivery happens
 * after the commit (lib/mail/deliverer.ts): call `nudgeDeliverer()` once the transaction is done.
 * Returns the message's id; throws only what the database throws.
 */
export async function enqueueMail(tx: Tx, mail: Mail): Promise<string> {
  const { outboxCopy, kind, to, subject, text, html } = mail;
  const row = await tx.outboxMessage.create({
    data: {
      to,
      subject,
      kind: kind ?? "other",
      text: outboxCopy?.text ?? text,
      html: outboxCopy?.html ?? html,
      sealed: outboxCopy ? encryptSecret(JSON.stringify({ text, html })) : null,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * The mail of a change that writes nothing else: queued on its own, then the deliverer is nudged.
 * Never waits on, nor fails because of, the mail provider. Returns the outbox message's id.
 */
export async function sendMail(mail: Mail): Promise<{ delivery: "queued"; id: string }> {
  const id = await enqueueMail(db, mail);
  nudgeDeliverer();
  return { delivery: "queued", id };
}

/**
 * `enqueueMail` for many mails in one statement (a reminder run's batch), through `tx`. Mails with
 * secrets are refused: they go one by one through `enqueueMail`, which seals them.
 */
export async function enqueueMails(tx: Tx, mails: Mail[]): Promise<number> {
  if (mails.some((m) => m.outboxCopy)) throw new Error("enqueueMails: a mail with secrets goes through enqueueMail");
  const { count } = await tx.outboxMessage.createMany({ data: mails.map(({ kind, to, subject, text, html }) => ({ to, subject, kind: kind ?? "other", text, html })) });
  return count;
}
