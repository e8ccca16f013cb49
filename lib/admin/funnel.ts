import { calendarDaysUntil, startOfDayIn } from "../dates";
import { db } from "../db";
import { announcementDay, policySettings, toPolicy } from "../settings";
import { chartStart, countByUtcDay } from "./overview";

/** Days of enrollments that the projection extrapolates from. */
export const PROJECTION_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * The share enrolled at the date if enrollments go on at the pace of the last days: `enrolled`
 * plus `recent` (enrolled over `overDays` days) per day for `daysLeft` days, out of `accounts`,
 * at most 1. Once the date is reached, the share now.
 */
export function projectedShare(accounts: number, enrolled: number, recent: number, overDays: number, daysLeft: number): number {
  if (!accounts) return 0;
  const projected = enrolled + (daysLeft > 0 ? (recent / overDays) * daysLeft : 0);
  return Math.min(1, projected / accounts);
}

/**
 * The rollout funnel: accounts → signed in since the announcement → started the wizard →
 * enrolled; snoozes used (in all, and per UTC day over 30 days); the projected share at the date.
 * Every figure is counted by the database.
 */
export async function rolloutFunnel(now = new Date()) {
  const settings = await policySettings();
  const policy = toPolicy(settings);
  const announced = startOfDayIn(announcementDay(settings), settings.timeZone);
  const start = chartStart(now);
  const [accounts, signedIn, started, enrolled, snoozes, recent, snoozeEvents, exempt] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { lastSignInAt: { gte: announced } } }),
    db.user.count({ where: { OR: [{ wizardStartedAt: { not: null } }, { twoFactorEnabledAt: { not: null } }] } }),
    db.user.count({ where: { twoFactorEnabledAt: { not: null } } }),
    db.user.aggregate({ _sum: { snoozesUsed: true } }),
    db.user.count({ where: { twoFactorEnabledAt: { gte: new Date(now.getTime() - PROJECTION_DAYS * DAY_MS) } } }),
    db.auditEvent.findMany({ where: { event: "enrollment.deferred", createdAt: { gte: start } }, select: { createdAt: true } }),
    db.user.count({ where: { exemptAt: { not: null } } }),
  ]);
  const daysLeft = calendarDaysUntil(policy.requiredFrom, now, policy.timeZone);
  return {
    announced,
    accounts,
    signedIn,
    started,
    enrolled,
    exempt,
    snoozesUsed: snoozes._sum.snoozesUsed ?? 0,
    snoozesPerDay: countByUtcDay(snoozeEvents.map((e) => e.createdAt), start),
    projected: projectedShare(accounts - exempt, enrolled, recent, PROJECTION_DAYS, daysLeft),
    requiredFrom: policy.requiredFrom,
    timeZone: policy.timeZone,
  };
}
