import { db } from "./db";
import type { Client } from "./auth/sessions";
import type { Prisma } from "./generated/sqlite/client";

export type AuditEventName =
  | "two_factor.enabled"
  | "two_factor.disabled"
  | "two_factor.changed"
  | "two_factor.app_added"
  | "recovery_codes.regenerated"
  | "recovery_code.used"
  | "two_factor.failed"
  | "two_factor.blocked"
  | "two_factor.locked"
  | "two_factor.unlocked"
  | "two_factor.reset"
  | "sign_in"
  | "sign_out_everywhere"
  | "enrollment.deferred"
  | "policy.changed"
  | "reset_request.created"
  | "reset_request.resolved"
  | "reset_request.rejected"
  | "users.exported"
  | "reminders.sent"
  | "sign_in.failed"
  | "sign_in.throttled"
  | "session.ended"
  | "sign_out_others"
  | "password.changed"

  | "mail.retried"
  | "deadline.extended"
  | "exemption.granted"
  | "exemption.removed"
  | "checkup.completed"
  | "support_recovery.requested"
  | "support_recovery.declined"
  | "support_recovery.disowned"
  | "temporary_access.issued"
  | "temporary_access.revoked"
  | "temporary_access.used"
  | "reset_request.info_requested"
  | "passkey.added"
  | "passkey.renamed"
  | "passkey.removed"
  | "passkey.counter_refused"
  | "trusted_browser.added"
  | "trusted_browser.forgotten";

export type AuditEntry = {
  event: AuditEventName;
  /** Whose account it concerns. */
  userId?: string | null;
  /** Who did it, when not the account's owner (an admin, support). */
  actorId?: string | null;
  client?: Client;
  details?: Record<string, unknown>;
};

/** Writes one audit event; through `tx` to make it part of the transaction of the change it records. */
export async function record({ event, userId, actorId, client, details }: AuditEntry, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      event,
      userId: userId ?? null,
      actorId: actorId ?? null,
      ip: client?.ip?.slice(0, 64) ?? null,
      userAgent: client?.userAgent?.slice(0, 512) ?? null,
      details: details ? JSON.stringify(details) : null,
    },
  });
}

/** The account's most recent events first, with `details` parsed back. */
export async function listForUser(userId: string, take = 50) {
  const events = await db.auditEvent.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  return events.map((e) => ({ ...e, details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : null }));
}
