import { record } from "./audit";
import { IDENTITY_CHECKS, type IdentityCheck } from "./admin/identity-checks";
import { closeOpenRequests, openRequestReference, RECOVERY_NOTES } from "./admin/requests";
import { revokeSessions, type Client } from "./auth/sessions";
import { mailTime } from "./dates";
import { db } from "./db";
import type { Tx } from "./mail/send";
import { renderMail } from "./mail/templates";
import { reportedChange } from "./reported-change";
import { needsSecondAdmin, recoverySettings } from "./recovery-settings";
import { removeSecondFactor } from "./two-factor/manage";
import { activeCodeOf, disownLink, formatAccessCode, hashAccessCode, newAccessCode, readDisownToken } from "./two-factor/temporary-access";
import type { Account } from "./users";

// Support's way back in for someone who lost their second factor, from the dashboard or the
// command line: a temporary access code (the default) or the old hard reset. Both need how the
// identity was checked and a reason, may wait for a second admin, close the account's open
// requests and mail the owner a "This wasn't me" link. Each step acts, audits and queues its
// mail in one transaction.

export type RecoveryKind = "access_code" | "reset";
/** The admin acting, or null for the command line (an operator on the server). */
export type Actor = { id: string; name: string } | null;
type By = { actor: Actor; client: Client };
type Target = Account & { twoFactorEnabledAt: Date | null };

export type RecoveryInput = { kind: RecoveryKind; verification: IdentityCheck[]; reason: string; lifetimeHours?: number };

export type RecoveryOutcome =
  /** Waits for a second admin's approval. */
  | { ok: true; pending: true; recoveryId: string }
  /** Carried out: `code` (formatted, the only time it exists in clear) for an access code; `signedOut` for a reset. */
  | { ok: true; pending: false; recoveryId: string; code?: string; expiresAt?: Date; signedOut?: number }
  | { ok: false; reason: "self" | "own" | "not-enabled" | "lifetime" | "verification" | "gone" | "pending" };


/**
 * Starts a recovery for `user`: checks the input (at least one identity check, a reason, a
 * lifetime of 1 hour up to the settings' maximum), refuses an admin's own account and an account
 * without 2FA; then, when a second admin is needed and an admin asked, records it as pending;
 * otherwise carries it out at once. Throws only what the database throws.
 */
export async function startRecovery(user: Target, input: RecoveryInput, by: By): Promise<RecoveryOutcome> {
  if (by.actor?.id === user.id) return { ok: false, reason: "self" };
  if (!user.twoFactorEnabledAt) return { ok: false, reason: "not-enabled" };
  if (by.actor && (!input.verification.length || input.verification.some((v) => !IDENTITY_CHECKS.includes(v)))) return { ok: false, reason: "verification" };
  const settings = await recoverySettings();
  const hours = input.lifetimeHours ?? 1;
  if (input.kind === "access_code" && (!Number.isInteger(hours) || hours < 1 || hours > settings.maxCodeHours)) return { ok: false, reason: "lifetime" };
  const data = {
    userId: user.id,
    kind: input.kind,
    verification: JSON.stringify(input.verification),
    reason: input.reason,
    lifetimeMinutes: input.kind === "access_code" ? hours * 60 : null,
    requestedById: by.actor?.id ?? null,
  };
  // One recovery awaiting approval per account: a second would be approved on top of the first.
  if (await db.supportRecovery.count({ where: { userId: user.id, status: "pending" } })) return { ok: false, reason: "pending" };
  if (by.actor && (await needsSecondAdmin(settings, user.id))) {
    const recovery = await db.$transaction(async (tx) => {
      const recovery = await tx.supportRecovery.create({ data });
      await record({ event: "support_recovery.requested", userId: user.id, actorId: by.actor?.id, client: by.client, details: { recoveryId: recovery.id, kind: input.kind, verification: input.verification, reason: input.reason, hours: data.lifetimeMinutes ? hours : undefined } }, tx);
      return recovery;
    });
    return { ok: true, pending: true, recoveryId: recovery.id };
  }
  // Created and carried out in one transaction: a crash in between leaves nothing to approve.
  return carryOut({ create: data }, user, by, false);
}

/**
 * A second admin approves a pending recovery: refused when they asked for it themselves ("own")
 * or it is for their own account ("self"), or when it is no longer pending ("gone"). The code,
 * when it is one, is returned to the approver only.
 */
export async function approveRecovery(recoveryId: string, approver: NonNullable<Actor>, client: Client): Promise<RecoveryOutcome> {
  const recovery = await db.supportRecovery.findUnique({ where: { id: recoveryId } });
  if (!recovery || recovery.status !== "pending") return { ok: false, reason: "gone" };
  if (recovery.userId === approver.id) return { ok: false, reason: "self" };
  if (recovery.requestedById === approver.id) return { ok: false, reason: "own" };
  const user = await db.user.findUnique({ where: { id: recovery.userId } });
  if (!user) return { ok: false, reason: "gone" };
  if (!user.twoFactorEnabledAt) return { ok: false, reason: "not-enabled" };
  return carryOut({ id: recovery.id }, user, { actor: approver, client }, true);
}

/** A second admin refuses a pending recovery; false when it was no longer pending. */
export async function declineRecovery(recoveryId: string, admin: NonNullable<Actor>, client: Client): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.supportRecovery.updateMany({ where: { id: recoveryId, status: "pending", userId: { not: admin.id } }, data: { status: "declined", endedAt: new Date(), endedById: admin.id } });
    if (count !== 1) return false;
    const recovery = await tx.supportRecovery.findUniqueOrThrow({ where: { id: recoveryId } });
    await record({ event: "support_recovery.declined", userId: recovery.userId, actorId: admin.id, client, details: { recoveryId, kind: recovery.kind } }, tx);
    return true;
  });
}

type NewRecovery = { userId: string; kind: RecoveryKind; verification: string; reason: string; lifetimeMinutes: number | null; requestedById: string | null };

/** Issues the code or resets, for a pending recovery (`id`, an approval) or a new one (`create`, no approval needed). */
async function carryOut(which: { id: string } | { create: NewRecovery }, user: Target, by: By, approval: boolean): Promise<RecoveryOutcome> {
  const recovery = "id" in which ? await db.supportRecovery.findUniqueOrThrow({ where: { id: which.id } }) : which.create;
  const code = recovery.kind === "access_code" ? newAccessCode() : null;
  const codeHash = code ? await hashAccessCode(code) : null;
  const now = new Date();
  // The maximum in force now, should it have been lowered while the request waited.
  const minutes = recovery.lifetimeMinutes ? Math.min(recovery.lifetimeMinutes, (await recoverySettings()).maxCodeHours * 60) : null;
  const expiresAt = minutes ? new Date(now.getTime() + minutes * 60_000) : null;
  let recoveryId = "id" in which ? which.id : "";
  const outcome = await reportedChange<{ signedOut?: number } | null>(async (tx) => {
    const carried = { status: code ? "active" : "done", approvedById: by.actor?.id ?? null, approvedAt: now, codeHash, expiresAt, lifetimeMinutes: minutes };
    if ("create" in which) recoveryId = (await tx.supportRecovery.create({ data: { ...which.create, ...carried } })).id;
    else {
      // Of two approvals of one request, one wins.
      const { count } = await tx.supportRecovery.updateMany({ where: { id: recoveryId, status: "pending" }, data: carried });
      if (count !== 1) return { value: null };
    }
    const reference = await openRequestReference(tx, user.id);
    await closeOpenRequests(tx, user.id, by.actor?.id ?? null, RECOVERY_NOTES[recovery.kind as RecoveryKind]);
    const link = disownLink(recoveryId);
    const who = by.actor && approval ? await requesterName(tx, recovery.requestedById) : (by.actor?.name ?? "none");
    const details = { recoveryId, verification: JSON.parse(recovery.verification), reason: recovery.reason, requestedBy: recovery.requestedById, approvedBy: approval ? by.actor?.id : undefined };
    if (code) {
      // One active code per account: a new one replaces the old.
      await tx.supportRecovery.updateMany({ where: { userId: user.id, kind: "access_code", status: "active", id: { not: recoveryId } }, data: { status: "replaced", endedAt: now, endedById: by.actor?.id ?? null } });
      // The second factor is in doubt: no browser skips it any more (lib/auth/trusted-browser.ts).
      await tx.trustedBrowser.deleteMany({ where: { userId: user.id } });
      return {
        value: { signedOut: undefined },
        audit: { event: "temporary_access.issued", userId: user.id, actorId: by.actor?.id, client: by.client, details: { ...details, expiresAt: expiresAt!.toISOString() } },
        mail: renderMail("accessCodeIssued", user, { who, time: mailTime(now, user.locale), until: mailTime(expiresAt!, user.locale), reference: reference ?? "none", link }),
      };
    }
    const signedOut = await removeSecondFactor(tx, user.id);
    return {
      value: { signedOut },
      audit: { event: "two_factor.reset", userId: user.id, actorId: by.actor?.id, client: by.client, details },
      mail: renderMail("supportReset", user, { who, reason: recovery.reason, reference: reference ?? "none", link }),
    };
  });
  if (!outcome) return { ok: false, reason: "gone" };
  return { ok: true, pending: false, recoveryId, ...(code ? { code: formatAccessCode(code), expiresAt: expiresAt! } : { signedOut: outcome.signedOut }) };
}

async function requesterName(tx: Tx, id: string | null): Promise<string> {
  const admin = id ? await tx.user.findUnique({ where: { id }, select: { name: true } }) : null;
  return admin?.name ?? "none";
}

/** Revokes the account's active or pending access code; false when it had none. */
export async function revokeAccessCode(userId: string, admin: NonNullable<Actor>, client: Client): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const rows = await tx.supportRecovery.findMany({ where: { userId, kind: "access_code", status: { in: ["active", "pending"] } }, select: { id: true } });
    if (!rows.length) return false;
    await tx.supportRecovery.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { status: "revoked", endedAt: new Date(), endedById: admin.id } });
    await record({ event: "temporary_access.revoked", userId, actorId: admin.id, client, details: { recoveryIds: rows.map((r) => r.id) } }, tx);
    return true;
  });
}

/**
 * Mails the owner that their code was used (who signed in from where, when), with the "This wasn't
 * me" link, and forgets every browser the account trusted. One transaction with the audit event.
 */
export async function reportAccessCodeUse(user: Account, recoveryId: string, client: Client): Promise<void> {
  await reportedChange(async (tx) => {
    await tx.trustedBrowser.deleteMany({ where: { userId: user.id } });
    return {
      value: null,
      audit: { event: "temporary_access.used", userId: user.id, client, details: { recoveryId } },
      mail: renderMail("accessCodeUsed", user, { time: mailTime(new Date(), user.locale), address: client.ip ?? "none", link: disownLink(recoveryId) }),
    };
  });
}

export type DisownOutcome = { ok: true; signedOut: number; locked: boolean } | { ok: false; reason: "invalid" | "used" };

/**
 * "This wasn't me", from the owner's mail, without signing in: the signed token names the
 * recovery; it works once. Revokes the code (if still usable), ends every session opened with it
 * (for a reset: every session opened since), drops sign-ins under way with it, records it, and
 * the admin overview shows an alert. When a new authenticator was already set up through the
 * recovery, the account's second step is also locked (`locked`) and every session ends.
 */
export async function disownRecovery(token: unknown, client: Client): Promise<DisownOutcome> {
  const recoveryId = readDisownToken(token);
  if (!recoveryId) return { ok: false, reason: "invalid" };
  const outcome = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.supportRecovery.updateMany({ where: { id: recoveryId, disownedAt: null }, data: { disownedAt: now } });
    if (count !== 1) return null;
    const recovery = await tx.supportRecovery.findUniqueOrThrow({ where: { id: recoveryId } });
    // The owner disowns support's help as a whole: every code of the account still usable or
    // awaiting approval goes, not only the one this mail was about.
    await tx.supportRecovery.updateMany({ where: { userId: recovery.userId, status: { in: ["active", "pending"] } }, data: { status: "revoked", endedAt: now } });
    // Whoever used the recovery already set up their own authenticator: their password and new
    // app would let them straight back in, so the second step is locked (support must unlock it,
    // after checking identity again) and every session and sign-in under way ends.
    const account = await tx.user.findUniqueOrThrow({ where: { id: recovery.userId }, select: { twoFactorEnabledAt: true } });
    const since = recovery.approvedAt ?? recovery.createdAt;
    const takenOver = recovery.kind === "access_code" ? recovery.status === "enrolled" : !!account.twoFactorEnabledAt && account.twoFactorEnabledAt >= since;
    let signedOut: number;
    if (takenOver) {
      await tx.user.update({ where: { id: recovery.userId }, data: { secondFactorLockedAt: now } });
      signedOut = await revokeSessions(recovery.userId, undefined, tx);
    } else {
      const where = recovery.kind === "access_code" ? { userId: recovery.userId, accessCodeId: { not: null } } : { userId: recovery.userId, OR: [{ createdAt: { gte: since } }, { accessCodeId: { not: null } }] };
      signedOut = (await tx.session.deleteMany({ where })).count;
      await tx.signInTicket.deleteMany({ where: { userId: recovery.userId, accessCodeId: { not: null } } });
    }
    await record({ event: "support_recovery.disowned", userId: recovery.userId, client, details: { recoveryId, kind: recovery.kind, status: recovery.status, sessions: signedOut, locked: takenOver } }, tx);
    return { signedOut, locked: takenOver };
  });
  if (!outcome) return (await db.supportRecovery.findUnique({ where: { id: recoveryId } })) ? { ok: false, reason: "used" } : { ok: false, reason: "invalid" };
  return { ok: true, ...outcome };
}

/** What the account page shows: the current code (active or awaiting approval) and who issued it; null when none. */
export async function accessCodeState(userId: string, now = new Date()) {
  const row = (await db.supportRecovery.findFirst({ where: { userId, kind: "access_code", status: "pending" }, orderBy: { createdAt: "desc" } })) ?? (await activeCodeOf(userId, now));
  if (!row) return null;
  const issuers = await db.user.findMany({ where: { id: { in: [row.requestedById, row.approvedById].filter((id): id is string => !!id) } }, select: { id: true, email: true } });
  const email = (id: string | null) => issuers.find((u) => u.id === id)?.email ?? null;
  return { id: row.id, status: row.status as "pending" | "active", expiresAt: row.expiresAt, lifetimeMinutes: row.lifetimeMinutes, requestedBy: email(row.requestedById), approvedBy: email(row.approvedById) };
}

/** The approval queue: pending recoveries, oldest first, each with the account's recent history. */
export async function pendingApprovals() {
  const rows = await db.supportRecovery.findMany({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, take: 50 });
  const ids = [...new Set(rows.flatMap((r) => [r.userId, r.requestedById]).filter((id): id is string => !!id))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true, lastSignInAt: true, twoFactorEnabledAt: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return Promise.all(
    rows.map(async (r) => {
      const [lastSignIn, openRequests] = await Promise.all([
        db.auditEvent.findFirst({ where: { userId: r.userId, event: "sign_in" }, orderBy: { createdAt: "desc" }, select: { createdAt: true, ip: true } }),
        db.resetRequest.findMany({ where: { userId: r.userId, status: "open" }, select: { reference: true, createdAt: true } }),
      ]);
      return {
        id: r.id,
        kind: r.kind as RecoveryKind,
        createdAt: r.createdAt,
        verification: JSON.parse(r.verification) as string[],
        reason: r.reason,
        lifetimeMinutes: r.lifetimeMinutes,
        requestedById: r.requestedById,
        requestedBy: r.requestedById ? (byId.get(r.requestedById)?.email ?? null) : null,
        account: byId.get(r.userId) ?? null,
        lastSignIn,
        openRequests,
      };
    }),
  );
}

/** "This wasn't me" answers of the last `days` days, newest first, for the overview's alert. */
export async function recentDisowned(days = 14, now = Date.now()) {
  const rows = await db.supportRecovery.findMany({ where: { disownedAt: { gte: new Date(now - days * 86_400_000) } }, orderBy: { disownedAt: "desc" }, take: 20 });
  const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, email: true } });
  return rows.map((r) => ({ id: r.id, userId: r.userId, email: users.find((u) => u.id === r.userId)?.email ?? null, kind: r.kind, disownedAt: r.disownedAt! }));
}
