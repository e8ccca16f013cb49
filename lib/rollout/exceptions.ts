import type { Client } from "../auth/sessions";
import { formatMoment } from "../dates";
import { db } from "../db";
import { renderMail } from "../mail/templates";
import { reportedChange } from "../reported-change";
import type { Account } from "../users";

// Exceptions to the rollout that support makes for one account: a later personal deadline, or an
// exemption (a service account). Each is kept with its reason, audited, and never silent.

/** Longest reason kept for an extension or an exemption. */
export const EXCEPTION_REASON_MAX = 500;

type By = { actorId?: string; client: Client };

/** The furthest a personal deadline may be set, in days from now; longer needs an exemption (listed, with its reason). */
export const MAX_EXTENSION_DAYS = 366;

/**
 * Gives the account a personal deadline `until` (an instant, later than now), with the reason;
 * audited and mailed to the user (the moment in `timeZone`, named), in one transaction. A user
 * who has 2FA already is refused ("enrolled"); an admin too ("admin": admins always need 2FA);
 * a moment more than MAX_EXTENSION_DAYS away too ("tooFar").
 */
export async function extendDeadline(user: Account & { role: string; twoFactorEnabledAt: Date | null; personalDeadline: Date | null }, until: Date, reason: string, timeZone: string, by: By): Promise<{ ok: true } | { ok: false; reason: "enrolled" | "admin" | "past" | "tooFar" }> {
  if (user.role === "admin") return { ok: false, reason: "admin" };
  if (user.twoFactorEnabledAt) return { ok: false, reason: "enrolled" };
  if (until.getTime() <= Date.now()) return { ok: false, reason: "past" };
  // A deadline years away would be an exemption that the overview's list of exemptions never shows.
  if (until.getTime() > Date.now() + MAX_EXTENSION_DAYS * 86_400_000) return { ok: false, reason: "tooFar" };
  await reportedChange(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { personalDeadline: until, personalDeadlineReason: reason, enrollmentDeferredUntil: null } });
    return {
      value: null,
      audit: { event: "deadline.extended", userId: user.id, actorId: by.actorId, client: by.client, details: { until: until.toISOString(), before: user.personalDeadline?.toISOString() ?? null, reason } },
      mail: renderMail("deadlineExtended", user, { date: formatMoment(until, user.locale, timeZone), reason }),
    };
  });
  return { ok: true };
}

/**
 * Marks the account exempt from the rollout (with the reason) or lifts it (`reason` null);
 * audited. Admins are never exempt ("admin").
 */
export async function setExemption(user: Account & { role: string }, reason: string | null, by: By): Promise<{ ok: true } | { ok: false; reason: "admin" }> {
  if (user.role === "admin" && reason !== null) return { ok: false, reason: "admin" };
  await reportedChange(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: reason === null ? { exemptAt: null, exemptReason: null } : { exemptAt: new Date(), exemptReason: reason } });
    return { value: null, audit: { event: reason === null ? "exemption.removed" : "exemption.granted", userId: user.id, actorId: by.actorId, client: by.client, details: reason === null ? undefined : { reason } } };
  });
  return { ok: true };
}

/** Every exempt account, for the overview: who, since when, why. */
export function exemptAccounts(take = 100) {
  return db.user.findMany({ where: { exemptAt: { not: null } }, select: { id: true, email: true, name: true, exemptAt: true, exemptReason: true }, orderBy: { exemptAt: "desc" }, take });
}
