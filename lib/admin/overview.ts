import { db } from "../db";
import { daysUntil } from "../policy";
import { policySettings, toPolicy } from "../settings";

export const CHART_DAYS = 30;
const DAY_MS = 86_400_000;

export type DayCount = { day: string; count: number };

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** The first instant of the oldest of the `days` UTC days that end with today's. */
export function chartStart(now: Date, days = CHART_DAYS): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

/** How many of `dates` fall on each UTC day from `start`, days without any included. */
export function countByUtcDay(dates: Date[], start: Date, days = CHART_DAYS): DayCount[] {
  const counts = new Map<string, number>();
  for (const date of dates) counts.set(utcDay(date), (counts.get(utcDay(date)) ?? 0) + 1);
  return Array.from({ length: days }, (_, i) => {
    const day = utcDay(new Date(start.getTime() + i * DAY_MS));
    return { day, count: counts.get(day) ?? 0 };
  });
}

/** The rollout at a glance: who has 2FA, how long until it is required, what waits for support. */
export async function rolloutOverview(now = new Date()) {
  const start = chartStart(now);
  const [accounts, withTwoFactor, locked, openRequests, enrollments, settings] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { twoFactorEnabledAt: { not: null } } }),
    db.user.count({ where: { secondFactorLockedAt: { not: null } } }),
    db.resetRequest.count({ where: { status: "open" } }),
    db.auditEvent.findMany({ where: { event: "two_factor.enabled", createdAt: { gte: start } }, select: { createdAt: true } }),
    policySettings(),
  ]);
  const policy = toPolicy(settings);
  return {
    accounts,
    withTwoFactor,
    withoutTwoFactor: accounts - withTwoFactor,
    share: accounts ? withTwoFactor / accounts : 0,
    locked,
    openRequests,
    cutoff: policy.requiredFrom,
    graceDays: settings.graceDays,
    graceEnds: policy.lastDay,
    timeZone: policy.timeZone,
    daysToCutoff: daysUntil(policy.requiredFrom, now.getTime()),
    enrollmentsPerDay: countByUtcDay(enrollments.map((e) => e.createdAt), start),
  };
}
