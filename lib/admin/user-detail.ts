import { listForUser } from "../audit";
import { accountKey, throttleOf } from "../auth/password-throttle";
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
  personalDeadline: true,
  personalDeadlineReason: true,
  exemptAt: true,
  exemptReason: true,
  snoozesUsed: true,
  checkupAt: true,
} as const;

/**
 * What support sees of an account: its 2FA state, open sessions, password failures (count since
 * the last success, last address, any wait) and audit trail; null when there is none.
 */
export async function userDetail(id: string, now = new Date()) {
  if (!isId(id)) return null;
  const user = await db.user.findUnique({ where: { id }, select: SHOWN });
  if (!user) return null;
  const [recoveryCodesLeft, sessions, trail, passwordThrottle] = await Promise.all([
    remainingRecoveryCodes(id),
    db.session.count({ where: { userId: id, expiresAt: { gt: now } } }),
    listForUser(id),
    throttleOf(accountKey(user.email)),
  ]);
  return { user, recoveryCodesLeft, sessions, trail: await withEmails(trail), passwordThrottle };
}
