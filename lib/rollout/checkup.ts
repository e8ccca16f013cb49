import { record } from "../audit";
import type { Client } from "../auth/sessions";
import { db } from "../db";

/** A check-up is asked this long after enrollment (GitHub asks after 28 days). */
export const CHECKUP_AFTER_MS = 28 * 86_400_000;

/**
 * True when the user enrolled an authenticator app 28 days ago or more and has had no check-up
 * since. An account whose second factor is a passkey only has no app code to check.
 */
export function checkupDue(user: { twoFactorEnabledAt: Date | null; checkupAt: Date | null; totpSecret?: string | null }, now = Date.now()): boolean {
  if (!user.twoFactorEnabledAt || user.totpSecret === null) return false;
  if (now - user.twoFactorEnabledAt.getTime() < CHECKUP_AFTER_MS) return false;
  return !user.checkupAt || user.checkupAt < user.twoFactorEnabledAt;
}

/**
 * Records a check-up: the user produced a current code, and says whether they still have their
 * recovery codes (`hasRecoveryCodes`); audited. The caller checked the code.
 */
export async function recordCheckup(userId: string, hasRecoveryCodes: boolean, client: Client) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { checkupAt: new Date() } });
    await record({ event: "checkup.completed", userId, client, details: { codeWorks: true, hasRecoveryCodes } }, tx);
  });
}
