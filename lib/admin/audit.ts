import { z } from "zod";
import type { AuditEventName } from "../audit";
import { db } from "../db";
import { cleanText } from "../form";
import type { Prisma } from "../generated/sqlite/client";
import { findUserByEmail } from "../users";
import { isCalendarDay } from "../dates";
import { settingGroupOf } from "../settings";
import { confirmationFactorOf, type ConfirmationFactor } from "../auth/sessions";

export const AUDIT_PER_PAGE = 50;

// Every event, for the filter; a new event name fails the type check here until it is listed.
const EVENTS: Record<AuditEventName, true> = {
  "two_factor.enabled": true,
  "two_factor.disabled": true,
  "two_factor.changed": true,
  "two_factor.app_added": true,
  "recovery_codes.regenerated": true,
  "recovery_code.used": true,
  "two_factor.failed": true,
  "two_factor.blocked": true,
  "two_factor.locked": true,
  "two_factor.unlocked": true,
  "two_factor.reset": true,
  sign_in: true,
  sign_out_everywhere: true,
  "enrollment.deferred": true,
  "policy.changed": true,
  "reset_request.created": true,
  "reset_request.resolved": true,
  "reset_request.rejected": true,
  "users.exported": true,
  "reminders.sent": true,
  "sign_in.failed": true,
  "sign_in.throttled": true,
  "session.ended": true,
  sign_out_others: true,
  "password.changed": true,
  "mail.retried": true,
  "deadline.extended": true,
  "exemption.granted": true,
  "exemption.removed": true,
  "checkup.completed": true,
  "support_recovery.requested": true,
  "support_recovery.declined": true,
  "support_recovery.disowned": true,
  "temporary_access.issued": true,
  "temporary_access.revoked": true,
  "temporary_access.used": true,
  "reset_request.info_requested": true,
  "passkey.added": true,
  "passkey.renamed": true,
  "passkey.removed": true,
  "passkey.counter_refused": true,
  "trusted_browser.added": true,
  "trusted_browser.forgotten": true,
};
export const AUDIT_EVENTS = Object.keys(EVENTS) as AuditEventName[];

/** The key of an event's label under console.events (next-intl reads dots as nesting). */
export const eventLabelKey = (event: string) => event.replace(/\./g, "_");

const IsoDay = z.string().refine(isCalendarDay);

// Anything unreadable in the address is left out of the filter.
export const AuditQuery = z.object({
  user: z.string().transform(cleanText).pipe(z.string().trim().max(320)).catch(""),
  event: z.enum(AUDIT_EVENTS as [AuditEventName, ...AuditEventName[]]).or(z.literal("")).catch(""),
  admin: z.string().transform(cleanText).pipe(z.string().trim().max(320)).catch(""),
  from: IsoDay.or(z.literal("")).catch(""),
  to: IsoDay.or(z.literal("")).catch(""),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export function readAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  return AuditQuery.parse(params);
}

export function auditHref(query: AuditQuery, page = query.page): string {
  const params = new URLSearchParams();
  for (const key of ["user", "event", "admin", "from", "to"] as const) if (query[key]) params.set(key, query[key]);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin/audit?${search}` : "/admin/audit";
}

async function idOf(email: string): Promise<string | null | undefined> {
  if (!email) return undefined;
  const user = await findUserByEmail(email);
  return user?.id ?? null;
}

/** One page of the audit log, newest first; `from` and `to` are whole UTC days, both included. */
export async function searchAudit(query: AuditQuery) {
  const [userId, actorId] = await Promise.all([idOf(query.user), idOf(query.admin)]);
  // An email that is no account's matches no event.
  if (userId === null || actorId === null) return { events: [], total: 0, page: query.page, pages: 1 };
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.from) createdAt.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) createdAt.lt = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000);
  const where: Prisma.AuditEventWhereInput = {
    ...(userId && { userId }),
    ...(actorId && { actorId }),
    ...(query.event && { event: query.event }),
    ...((query.from || query.to) && { createdAt }),
  };
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * AUDIT_PER_PAGE, take: AUDIT_PER_PAGE }),
  ]);
  return { events: await withEmails(rows), total, page: query.page, pages: Math.max(1, Math.ceil(total / AUDIT_PER_PAGE)) };
}

type AuditRow = { id: string; createdAt: Date; event: string; userId: string | null; actorId: string | null; ip: string | null; userAgent: string | null; details: unknown };

/** The events with the emails of their account and actor, looked up in one query. */
export async function withEmails(rows: AuditRow[]) {
  // Support recovery names the admin who asked for it besides the one who approved it (the actor).
  const requesterOf = (r: AuditRow): string | null => {
    const requestedBy = detailsOf({ details: typeof r.details === "string" ? r.details : r.details ? JSON.stringify(r.details) : null }).requestedBy;
    return typeof requestedBy === "string" && requestedBy !== r.actorId ? requestedBy : null;
  };
  const ids = [...new Set(rows.flatMap((r) => [r.userId, r.actorId, requesterOf(r)]).filter((id): id is string => !!id))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } }) : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    event: r.event,
    userId: r.userId,
    actorId: r.actorId,
    userEmail: r.userId ? (emails.get(r.userId) ?? null) : null,
    actorEmail: r.actorId ? (emails.get(r.actorId) ?? null) : null,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    requesterName: ((id) => (id ? (names.get(id) ?? emails.get(id) ?? null) : null))(requesterOf(r)),
    ip: r.ip,
    userAgent: r.userAgent,
    details: typeof r.details === "string" ? r.details : r.details ? JSON.stringify(r.details) : null,
  }));
}

export type AuditLine = Awaited<ReturnType<typeof withEmails>>[number];

/** A sentence that says what an audit event means: a key under console.sentences and its values. */
/** `confirmedWith`: the second factor that confirmed a change with the password (a key under console.audit.confirmedWith). */
export type AuditSentence = { key: string; values: Record<string, string | number>; checks?: string[]; reason?: string; confirmedWith?: ConfirmationFactor };

const detailsOf = (line: { details: string | null }): Record<string, unknown> => {
  try {
    const parsed: unknown = line.details ? JSON.parse(line.details) : {};
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

type SentenceLine = Pick<AuditLine, "event" | "details" | "actorName" | "actorEmail"> & { requesterName?: string | null };

/**
 * What happened, for support staff ("Recovery code used: 9 left", "Reset by Ana: called back on
 * a number on file"): the message key and values to translate, the identity checks of a reset
 * (keys under console.reset.checks), the reason support typed, and the second factor that
 * confirmed a change. Unknown shapes fall back to the event's name alone.
 */
export function auditSentence(line: SentenceLine): AuditSentence {
  const d = detailsOf(line);
  const sentence = eventSentence(line, d);
  const confirmedWith = confirmationFactorOf(d.confirmedWith);
  return confirmedWith ? { ...sentence, confirmedWith } : sentence;
}

function eventSentence(line: SentenceLine, d: Record<string, unknown>): AuditSentence {
  const actor = line.actorName ?? line.actorEmail ?? "—";
  const requester = line.requesterName ?? "none";
  const checks = Array.isArray(d.verification) ? d.verification.map(String) : [];
  const reason = typeof d.reason === "string" ? d.reason : undefined;
  const key = eventLabelKey(line.event);
  switch (line.event) {
    case "recovery_code.used":
      return { key, values: { remaining: Number(d.remaining ?? 0) } };
    case "two_factor.failed":
      return { key, values: { method: d.method === "recovery" || d.method === "access_code" ? d.method : "totp", drift: Number(d.driftMinutes ?? 0) } };
    case "two_factor.reset":
    case "temporary_access.issued":
      return { key, values: { actor, requester }, checks, reason };
    case "support_recovery.disowned":
      return { key, values: { sessions: Number(d.sessions ?? 0), locked: d.locked ? "yes" : "no" } };
    case "support_recovery.requested":
      return { key, values: { actor, kind: d.kind === "reset" ? "reset" : "access_code" }, checks, reason };
    case "support_recovery.declined":
    case "temporary_access.revoked":
    case "reset_request.info_requested":
      return { key, values: { actor: line.actorName || line.actorEmail ? actor : "none" } };
    case "two_factor.unlocked":
    case "reset_request.resolved":
    case "reset_request.rejected":
    case "users.exported":
      return { key, values: { actor } };
    case "policy.changed":
      return { key, values: { actor, settings: d.source === "start" ? "start" : settingGroupOf(d), forgotten: Number(d.forgottenTrustedBrowsers ?? 0) } };
    case "sign_out_everywhere":
      return { key, values: { actor: line.actorName || line.actorEmail ? actor : "", sessions: Number(d.sessions ?? 0) } };
    case "sign_in": {
      const factors = Array.isArray(d.factors) ? d.factors.map(String) : [];
      const factor = (["temporary_access", "passkey", "trusted_browser", "recovery", "totp"] as const).find((f) => factors.includes(f)) ?? "password";
      return { key, values: { factor } };
    }
    case "deadline.extended":
    case "exemption.granted":
      return { key, values: { actor }, reason: typeof d.reason === "string" ? d.reason : undefined };
    case "exemption.removed":
      return { key, values: { actor } };
    case "checkup.completed":
      return { key, values: { codes: d.hasRecoveryCodes ? "kept" : "lost" } };
    case "reminders.sent":
      return { key, values: { actor, sent: Number(d.sent ?? 0), days: Number(d.daysLeft ?? 0) } };
    default:
      return { key, values: {} };
  }
}
