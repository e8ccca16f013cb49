import { createHash, randomBytes } from "node:crypto";
import { config } from "../config";
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { WIZARD_SESSION_MS } from "../two-factor/temporary-access";

const TICKET_TTL_MS = 60_000;

/**
 * lastSeenAt is written at most this often, not on every request: every 5 minutes, or a 60th of
 * the idle limit when that is shorter. The idle check reads the stored value, so a session ends
 * no later than the limit after its last use, and at most this much earlier.
 */
export function touchEveryMs(idleMs = idleLimitMs()): number {
  return Math.min(5 * 60_000, idleMs / 60);
}

/** SESSION_IDLE_MINUTES in ms: a session unused this long is over (NIST SP 800-63B rev. 4, AAL2). */
export const idleLimitMs = () => config().SESSION_IDLE_MINUTES * 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export type Client = { ip?: string | null; userAgent?: string | null };

/**
 * Issued only once every factor has been checked; next-auth's Credentials provider redeems it.
 * `accessCodeId`: the second factor was a temporary access code, so the session reaches only the wizard.
 */
export async function issueTicket(userId: string, accessCodeId?: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.signInTicket.create({ data: { tokenHash: sha256(token), userId, accessCodeId, expiresAt: new Date(Date.now() + TICKET_TTL_MS) } });
  return token;
}

/** Trades a ticket for a new session row; a ticket works once, within a minute. */
export async function redeemTicket(token: unknown, client: Client): Promise<{ userId: string; sessionId: string } | null> {
  if (typeof token !== "string" || token.length > 100) return null;
  // Deleted as it is read: of two requests with one ticket, only one gets the row (P2025: gone).
  const ticket = await db.signInTicket.delete({ where: { tokenHash: sha256(token) } }).catch((error: { code?: string }) => {
    if (error.code === "P2025") return null;
    throw error;
  });
  if (!ticket || ticket.expiresAt.getTime() <= Date.now()) return null;
  const sessionId = randomBytes(24).toString("base64url");
  const maxAgeMs = Math.min(config().SESSION_MAX_AGE_HOURS * 3_600_000, ticket.accessCodeId ? WIZARD_SESSION_MS : Infinity);
  await db.$transaction([
    // Housekeeping on the way: this user's expired sessions and tickets.
    db.session.deleteMany({ where: { userId: ticket.userId, expiresAt: { lt: new Date() } } }),
    db.signInTicket.deleteMany({ where: { userId: ticket.userId, expiresAt: { lt: new Date() } } }),
    db.session.create({
      data: {
        id: sessionId,
        userId: ticket.userId,
        expiresAt: new Date(Date.now() + maxAgeMs),
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 512) ?? null,
        accessCodeId: ticket.accessCodeId,
        wizardOnly: !!ticket.accessCodeId,
      },
    }),
    db.user.update({ where: { id: ticket.userId }, data: { lastSignInAt: new Date() } }),
  ]);
  return { userId: ticket.userId, sessionId };
}

/** Whether a session is still open at `now` (ms): before its absolute end, and used within the idle limit. */
export function sessionOpen(session: { expiresAt: Date; lastSeenAt: Date }, now = Date.now()): boolean {
  return session.expiresAt.getTime() > now && now - session.lastSeenAt.getTime() <= idleLimitMs();
}

/**
 * The session's user, or null when the session was revoked, expired (SESSION_MAX_AGE_HOURS) or
 * left idle longer than SESSION_IDLE_MINUTES (then the row is deleted: password and second
 * factor are asked again), or never existed.
 */
export async function sessionUser(sessionId: string | undefined, now = Date.now()) {
  if (!sessionId) return null;
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session) return null;
  if (!sessionOpen(session, now)) {
    await endSession(sessionId);
    return null;
  }
  if (now - session.lastSeenAt.getTime() > touchEveryMs()) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } }).catch(() => {});
  }
  return { ...session.user, sessionId, identityConfirmedAt: session.passwordConfirmedAt, identityConfirmedWith: confirmationFactorOf(session.identityConfirmedWith), wizardOnly: session.wizardOnly, accessCodeId: session.accessCodeId };
}

/**
 * Records that this session's user just re-entered their password (and a second factor when 2FA
 * is on: `confirmedWith`), at `at`; null forgets the confirmation.
 */
export async function markIdentityConfirmed(sessionId: string, at: Date | null = new Date(), confirmedWith: ConfirmationFactor | null = null) {
  await db.session.update({ where: { id: sessionId }, data: { passwordConfirmedAt: at, identityConfirmedWith: at ? confirmedWith : null } });
}

/**
 * The second factor that confirmed a security change with the password (NIST SP 800-63B §4.2.3's
 * reauthentication at AAL2): a TOTP code, a recovery code or a passkey. Audited with the change as
 * `confirmedWith`; absent when the password alone was asked (2FA off, or a session opened with a
 * temporary access code, whose code stood for the lost factor).
 */
export type ConfirmationFactor = "totp" | "recovery" | "passkey";
/**
 * Who made a 2FA change and from where, as audited: `sessionId` is the session that stays signed
 * in; `actorId` an admin acting for the user; `accessCodeId` when that session was opened with a
 * temporary access code (support recovery); `confirmedWith` the second factor that confirmed it.
 */
export type ChangeContext = { client: Client; sessionId?: string; actorId?: string; accessCodeId?: string | null; confirmedWith?: ConfirmationFactor | null };

/** What an audited change records of its confirmation: `{ confirmedWith }`, or undefined when no second factor confirmed it. */
export const confirmationOf = (context: ChangeContext): { confirmedWith: ConfirmationFactor } | undefined => (context.confirmedWith ? { confirmedWith: context.confirmedWith } : undefined);

const CONFIRMATION_FACTORS: readonly string[] = ["totp", "recovery", "passkey"] satisfies ConfirmationFactor[];
/** The factor `value` names (a session's column, an audit event's details), or null when it names none. */
export const confirmationFactorOf = (value: unknown): ConfirmationFactor | null => (typeof value === "string" && CONFIRMATION_FACTORS.includes(value) ? (value as ConfirmationFactor) : null);

export function identityConfirmedRecently(confirmedAt: Date | null, now = Date.now()): boolean {
  return !!confirmedAt && now - confirmedAt.getTime() < config().PASSWORD_CONFIRMATION_MINUTES * 60_000;
}

export async function endSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/**
 * Signs the user out everywhere, or everywhere but the session named in `except`, and drops the
 * sign-ins under way (pending second steps, unredeemed tickets): after a credential change nothing
 * that the old credential opened stays open, and every trusted browser of the account is forgotten
 * (lib/auth/trusted-browser.ts). Through `tx` inside the caller's transaction, else in a
 * transaction of its own (never half done). Returns the number of sessions ended.
 */
export async function revokeSessions(userId: string, except?: string, tx?: Prisma.TransactionClient): Promise<number> {
  if (!tx) return db.$transaction((own) => revokeSessions(userId, except, own));
  const { count } = await tx.session.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
  await tx.pendingSignIn.deleteMany({ where: { userId } });
  await tx.signInTicket.deleteMany({ where: { userId } });
  await tx.trustedBrowser.deleteMany({ where: { userId } });
  return count;
}

// Session ids are bearer secrets inside the signed cookie; pages and forms name a session by this.
export const sessionHandle = (sessionId: string) => sha256(`handle:${sessionId}`).slice(0, 24);

async function openSessions(userId: string, now: number) {
  const rows = await db.session.findMany({ where: { userId, expiresAt: { gt: new Date(now) } }, orderBy: { lastSeenAt: "desc" } });
  return rows.filter((s) => sessionOpen(s, now));
}

/** The user's open sessions, most recently used first, each named by its handle (never its id). */
export async function listSessions(userId: string, now = Date.now()) {
  return (await openSessions(userId, now)).map((s) => ({ handle: sessionHandle(s.id), createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, ip: s.ip, userAgent: s.userAgent }));
}

/** Ends one of the user's sessions, named by its handle; false when none of theirs has it. */
export async function endSessionByHandle(userId: string, handle: string): Promise<boolean> {
  const session = (await openSessions(userId, Date.now())).find((s) => sessionHandle(s.id) === handle);
  if (!session) return false;
  const { count } = await db.session.deleteMany({ where: { id: session.id, userId } });
  return count === 1;
}
