import { db } from "./db";
import { policySettings, type PolicySettings } from "./settings";

// Support recovery's settings live in the one registry (lib/settings.ts, group "recovery");
// this module says what they mean.

export type RecoverySettings = Pick<PolicySettings, "maxCodeHours" | "secondAdmin">;

/** The settings in force: the longest code lifetime in hours (default 8) and the second-admin mode (default "auto"). */
export async function recoverySettings(): Promise<RecoverySettings> {
  const { maxCodeHours, secondAdmin } = await policySettings();
  return { maxCodeHours, secondAdmin };
}

/**
 * Whether support recovery (a code or a reset) of the account `targetId` waits for a second
 * admin: "on" always, "off" never, "auto" when two admins other than the account's owner could
 * act (one to ask, another to approve; nobody approves a recovery of their own account).
 */
export async function needsSecondAdmin(settings?: RecoverySettings, targetId?: string): Promise<boolean> {
  const { secondAdmin } = settings ?? (await recoverySettings());
  if (secondAdmin !== "auto") return secondAdmin === "on";
  const others = await db.user.count({ where: { role: "admin", twoFactorEnabledAt: { not: null }, ...(targetId && { id: { not: targetId } }) } });
  return others >= 2;
}
