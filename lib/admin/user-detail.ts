import { listForUser } from "../audit";
import { accountKey, throttleOf } from "../auth/password-throttle";
import { db } from "../db";
import { listPasskeys } from "../two-factor/passkeys";
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
 * What support sees of an account: its 2FA state and factors (whether an app is set up, never its
 * secret; its passkeys), open sessions, password failures (count since
 * the last success, last address, any wait) and audit trail; null when there is none.
 */
export async function userDetail(id: string, now = new Date()) {
  if (!isId(id)) return null;
  const user = await db.user.findUnique({ where: { id }, select: SHOWN });
  if (!user) return null;
  const [hasApp, passkeys, recoveryCodesLeft, sessions, trail, passwordThrottle] = await Promise.all([
    db.user.count({ where: { id, totpSecret: { not: null } } }).then((n) => n > 0),
    listPasskeys(id),
    remainingRecoveryCodes(id),
    db.session.count({ where: { userId: id, expiresAt: { gt: now } } }),
    listForUser(id),
    throttleOf(accountKey(user.email)),
  ]);
  return { user, hasApp, passkeys, recoveryCodesLeft, sessions, trail: await withEmails(trail), passwordThrottle };
}
