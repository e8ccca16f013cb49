import { createHash, randomBytes } from "node:crypto";
import { config } from "../config";
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";

const TICKET_TTL_MS = 60_000;
// lastSeenAt is written at most this often, not on every request.
const TOUCH_EVERY_MS = 5 * 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export type Client = { ip?: string | null; userAgent?: string | null };

/** Issued only once every factor has been checked; next-auth's Credentials provider redeems it. */
export async function issueTicket(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.signInTicket.create({ data: { tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + TICKET_TTL_MS) } });
  return token;
}

/** Trades a ticket for a new session row; a ticket works once, within a minute. */
export async function redeemTicket(token: unknown, client: Client): Promise<{ userId: string; sessionId: string } | null> {
  if (typeof token !== "string" || token.length > 100) return null;
  const tokenHash = sha256(token);
  const ticket = await db.signInTicket.findUnique({ where: { tokenHash } });
  if (!ticket) return null;
  const { count } = await db.signInTicket.deleteMany({ where: { tokenHash, expiresAt: { gt: new Date() } } });
  if (count !== 1) return null;
  const sessionId = randomBytes(24).toString("base64url");
  const maxAgeMs = config().SESSION_MAX_AGE_HOURS * 3_600_000;
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
      },
    }),
    db.user.update({ where: { id: ticket.userId }, data: { lastSignInAt: new Date() } }),
  ]);
  return { userId: ticket.userId, sessionId };
}

/** The session's user, or null when the session was revoked, expired or never existed. */
export async function sessionUser(sessionId: string | undefined) {
  if (!sessionId) return null;
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } }).catch(() => {});
  }
  return { ...session.user, sessionId, identityConfirmedAt: session.passwordConfirmedAt };
}

/** Records that this session's user just re-entered their password (and code, when 2FA is on). */
export async function markIdentityConfirmed(sessionId: string, at: Date | null = new Date()) {
  await db.session.update({ where: { id: sessionId }, data: { passwordConfirmedAt: at } });
}

export function identityConfirmedRecently(confirmedAt: Date | null, now = Date.now()): boolean {
  return !!confirmedAt && now - confirmedAt.getTime() < config().PASSWORD_CONFIRMATION_MINUTES * 60_000;
}

export async function endSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Signs the user out everywhere, or everywhere but the session named in `except`; through `tx` inside a transaction. */
export async function revokeSessions(userId: string, except?: string, tx: Prisma.TransactionClient = db): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
  return count;
}
