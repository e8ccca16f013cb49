import { db } from "../db";
import type { Tx } from "./send";

import { SECRET_KINDS, type MailStatus } from "./statuses";

export { MAIL_STATUSES, type MailStatus } from "./statuses";
export const MAIL_PAGE = 100;

/**
 * The outbox for admins, newest first: optionally only one status and/or the mail of one address
 * (part of it, case-insensitive). Bodies are the redacted copies: recovery codes are never shown.
 */
export function listMail(filter: { status?: MailStatus; to?: string } = {}, take = MAIL_PAGE) {
  const to = filter.to?.trim().toLowerCase();
  return db.outboxMessage.findMany({
    where: { ...(filter.status && { status: filter.status }), ...(to && { to: { contains: to } }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, to: true, subject: true, kind: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, createdAt: true, sentAt: true, text: true },
  });
}

/** Counts for the dashboard: messages waiting, of which those that failed at least once and wait for another try, and those given up. */
export async function mailHealth() {
  const [queued, retrying, failed] = await Promise.all([
    db.outboxMessage.count({ where: { status: { in: ["queued", "sending"] } } }),
    db.outboxMessage.count({ where: { status: "queued", attempts: { gt: 0 } } }),
    db.outboxMessage.count({ where: { status: "failed" } }),
  ]);
  return { queued, retrying, failed };
}

/**
 * Sends a failed message back to the queue, due now, with a new 24 h of retries. A mail that
 * carried recovery codes is refused: its codes are gone, and the user regenerates instead.
 * Returns the message, or null when it is not (or no longer) failed, or carried codes.
 */
export async function requeueFailed(tx: Tx, id: string) {
  const now = new Date();
  const { count } = await tx.outboxMessage.updateMany({
    where: { id, status: "failed", kind: { notIn: [...SECRET_KINDS] } },
    data: { status: "queued", nextAttemptAt: now, retriedAt: now, lastError: null },
  });
  return count === 1 ? tx.outboxMessage.findUnique({ where: { id }, select: { id: true, to: true, kind: true } }) : null;
}
