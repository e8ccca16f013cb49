import { record, type AuditEntry } from "./audit";
import { db } from "./db";
import { nudgeDeliverer } from "./mail/deliverer";
import { enqueueMail, type Mail, type Tx } from "./mail/send";

/** What one change did, and what the audit trail and the user are told about it. */
export type Report<T> = {
  /** What the caller gets back. */
  value: T;
  /** The audit event; none when the change turned out not to happen (e.g. it lost a race). */
  audit?: AuditEntry;
  /** The mail to the account's owner (lib/mail/templates.ts renderMail); none to send no mail. */
  mail?: Mail | null;
};

/**
 * Runs one change of an account in a single database transaction together with its audit event
 * and its mail (the transactional outbox pattern): either all three are written or none, so
 * nothing is reported that did not happen and nothing happens unreported. `act` makes the change
 * through `tx` and says what to record and mail. Once committed, the mail deliverer is nudged
 * (delivery never delays the caller). `options.isolationLevel` as in Prisma. Returns `act`'s value; throws what `act` or the database
 * throws, after rolling everything back.
 */
export async function reportedChange<T>(act: (tx: Tx) => Promise<Report<T>>, options?: { isolationLevel?: "Serializable" }): Promise<T> {
  const { value, mailed } = await db.$transaction(async (tx) => {
    const { value, audit, mail } = await act(tx);
    if (audit) await record(audit, tx);
    if (mail) await enqueueMail(tx, mail);
    return { value, mailed: !!mail };
  }, options);
  if (mailed) nudgeDeliverer();
  return value;
}
