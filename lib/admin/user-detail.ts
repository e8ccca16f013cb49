import { listForUser } from "../audit";
import { db } from "../db";
import { isId } from "../form";
import { remainingRecoveryCodes } from "../two-factor/recovery-codes";
import { withEmails } from "./audit";

const SHOWN = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  createdAt: true,
  lastSignInAt: true,
  twoFactorEnabledAt: true,
  secondFactorFailures: true,
  secondFactorBlockedUntil: true,
  secondFactorLockedAt: true,
} as const;

/** What support sees of an account: its 2FA state, open sessions and audit trail; null when there is none (or `id` cannot be an id). */
export async function userDetail(id: string, now = new Date()) {
  if (!isId(id)) return null;
  const user = await db.user.findUnique({ where: { id }, select: SHOWN });
  if (!user) return null;
  const [recoveryCodesLeft, sessions, trail] = await Promise.all([
    remainingRecoveryCodes(id),
    db.session.count({ where: { userId: id, expiresAt: { gt: now } } }),
    listForUser(id),
  ]);
  return { user, recoveryCodesLeft, sessions, trail: await withEmails(trail) };
}
