import type { Prisma } from "../generated/sqlite/client";
import type { Policy } from "../policy";

// The rollout's rules as database filters, so that counts and lists over 100,000 accounts are
// computed by the database: each mirrors lib/policy.ts (tests compare the two on the same accounts).

const DAY_MS = 86_400_000;

/**
 * Accounts that the wizard stops at their next sign-in at `now` under `policy`
 * (lib/policy.ts `mustEnroll`): admins without 2FA, and accounts without 2FA, not exempt, past
 * their own deadline and not within a snooze.
 */
export function requiredNowWhere(policy: Policy, now: Date): Prisma.UserWhereInput {
  const admins: Prisma.UserWhereInput = { twoFactorEnabledAt: null, role: "admin" };
  if (now < policy.requiredFrom) return admins;
  const pastDeadline: Prisma.UserWhereInput = {
    twoFactorEnabledAt: null,
    exemptAt: null,
    role: { not: "admin" },
    AND: [
      // The date applies to older accounts; newer ones have their window from creation.
      { OR: [{ createdAt: { lt: policy.requiredFrom } }, { createdAt: { lte: new Date(now.getTime() - policy.newAccountDays * DAY_MS) } }] },
      { OR: [{ personalDeadline: null }, { personalDeadline: { lte: now } }] },
    ],
  };
  const notSnoozed: Prisma.UserWhereInput = { OR: [{ enrollmentDeferredUntil: null }, { enrollmentDeferredUntil: { lte: now } }] };
  // From the last day no snooze holds, whatever was deferred (a deferral never passes the last day).
  const wall = now >= policy.lastDay ? {} : notSnoozed;
  return { OR: [admins, { AND: [pastDeadline, wall] }] };
}

export const RISK_REASONS = ["noSignIn", "snoozesUsed", "deadlineSoon", "abandoned"] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** How close a deadline counts as "within a week". */
export const SOON_MS = 7 * DAY_MS;

/** The accounts with one reason to hit the wall (see `atRiskWhere`). */
export function riskReasonWhere(reason: RiskReason, policy: Policy, announced: Date, now: Date): Prisma.UserWhereInput {
  const soon = new Date(now.getTime() + SOON_MS);
  switch (reason) {
    case "noSignIn":
      return { OR: [{ lastSignInAt: null }, { lastSignInAt: { lt: announced } }] };
    case "snoozesUsed":
      return { snoozesUsed: { gte: Math.max(1, policy.snoozeLimit) } };
    case "deadlineSoon": {
      const windowOpen = { gte: new Date(now.getTime() - policy.newAccountDays * DAY_MS), lte: new Date(soon.getTime() - policy.newAccountDays * DAY_MS) };
      const dateSoon = policy.requiredFrom >= now && policy.requiredFrom <= soon;
      return {
        OR: [
          { personalDeadline: { gte: now, lte: soon } },
          // A new account whose window ends within the week.
          { AND: [{ createdAt: { gte: policy.requiredFrom } }, { createdAt: windowOpen }, { personalDeadline: null }] },
          ...(dateSoon ? [{ createdAt: { lt: policy.requiredFrom }, personalDeadline: null }] : []),
        ],
      };
    }
    case "abandoned":
      return { wizardStartedAt: { not: null } };
  }
}

/**
 * At risk: no 2FA, not exempt, and at least one of (or the one chosen in `reasons`): no sign-in
 * since the announcement, snoozes used up, a deadline within 7 days, the wizard started and left.
 */
export function atRiskWhere(policy: Policy, announced: Date, now: Date, reasons: readonly RiskReason[] = RISK_REASONS): Prisma.UserWhereInput {
  return { twoFactorEnabledAt: null, exemptAt: null, OR: reasons.map((r) => riskReasonWhere(r, policy, announced, now)) };
}

/** Which of the reasons hold for one listed account (the same rules, in memory). */
export function riskReasonsOf(
  user: { createdAt: Date; lastSignInAt: Date | null; snoozesUsed: number; personalDeadline: Date | null; wizardStartedAt: Date | null },
  policy: Policy,
  announced: Date,
  now: Date,
): RiskReason[] {
  const soon = now.getTime() + SOON_MS;
  const within = (d: number) => d >= now.getTime() && d <= soon;
  const windowEnd = user.createdAt >= policy.requiredFrom ? user.createdAt.getTime() + policy.newAccountDays * DAY_MS : null;
  const deadline = user.personalDeadline?.getTime() ?? windowEnd ?? policy.requiredFrom.getTime();
  const reasons: RiskReason[] = [];
  if (!user.lastSignInAt || user.lastSignInAt < announced) reasons.push("noSignIn");
  if (user.snoozesUsed >= Math.max(1, policy.snoozeLimit)) reasons.push("snoozesUsed");
  if (within(deadline)) reasons.push("deadlineSoon");
  if (user.wizardStartedAt) reasons.push("abandoned");
  return reasons;
}
