import { record } from "../audit";
import type { Client } from "../auth/sessions";
import { db } from "../db";
import { rolloutState, snoozeUntil, type Policy, type PolicyUser } from "../policy";

/**
 * "Remind me later": spends one of the user's snoozes and defers the wizard `snoozeDays` days
 * (never past the last day), audited. The count is taken by compare-and-set, so two clicks at
 * once spend one snooze. Returns the new deferral, or null when no snooze is left to this user now.
 */
export async function snooze(user: PolicyUser & { id: string }, policy: Policy, client: Client, now = Date.now()): Promise<{ until: Date; snoozesLeft: number } | null> {
  const state = rolloutState(user, policy, now);
  if (state.kind !== "snoozable") return null;
  const until = snoozeUntil(user, policy, now);
  const { count } = await db.user.updateMany({
    where: { id: user.id, snoozesUsed: user.snoozesUsed, twoFactorEnabledAt: null },
    data: { snoozesUsed: { increment: 1 }, enrollmentDeferredUntil: until },
  });
  if (count !== 1) return null;
  const snoozesLeft = state.snoozesLeft - 1;
  await record({ event: "enrollment.deferred", userId: user.id, client, details: { until: until.toISOString(), snooze: user.snoozesUsed + 1, snoozesLeft } });
  return { until, snoozesLeft };
}
