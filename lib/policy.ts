// Who must enroll, and when: one pure function of the user, the policy and the time.

/**
 * The rollout policy (lib/settings.ts makes it from the settings). `requiredFrom` and `lastDay` are
 * instants: 00:00 of the date, and of date + grace days, in `timeZone`.
 */
export type Policy = {
  requiredFrom: Date;
  lastDay: Date;
  timeZone: string;
  /** "Remind me later" may be chosen this many times (0: never), each deferring the wizard `snoozeDays` days. */
  snoozeLimit: number;
  snoozeDays: number;
  /** Accounts created from the date on get this many days before the wizard is forced. */
  newAccountDays: number;
};

export type PolicyUser = {
  role: string;
  createdAt: Date;
  twoFactorEnabledAt: Date | null;
  enrollmentDeferredUntil: Date | null;
  snoozesUsed: number;
  personalDeadline: Date | null;
  exemptAt: Date | null;
};

export type RolloutState =
  | { kind: "enrolled" }
  /** Marked exempt by an admin (a service account): never asked. */
  | { kind: "exempt" }
  /** Before the user's deadline: 2FA is optional; a banner counts the days down. */
  | { kind: "optional"; deadline: Date }
  /** Past the deadline: the wizard is shown, and "Remind me later" offered `snoozesLeft` more times. */
  | { kind: "snoozable"; snoozesLeft: number; lastDay: Date }
  /** The user chose "Remind me later": the wizard waits until `until`. */
  | { kind: "snoozed"; until: Date; snoozesLeft: number; lastDay: Date }
  /** Enrollment is required before anything else. */
  | { kind: "required" };

const DAY_MS = 86_400_000;

/** Whole days (rounded up) from `now` (ms) until `date`; 0 once it has passed. */
export function daysUntil(date: Date, now: number): number {
  return Math.max(0, Math.ceil((date.getTime() - now) / DAY_MS));
}

/**
 * The moment from which the wizard is forced on this user: the date, or for an account created from
 * the date on, its creation plus the new-account window, or a later deadline that support gave.
 */
export function deadlineOf(user: Pick<PolicyUser, "createdAt" | "personalDeadline">, policy: Policy): Date {
  let deadline = policy.requiredFrom.getTime();
  if (user.createdAt.getTime() >= deadline) deadline = user.createdAt.getTime() + policy.newAccountDays * DAY_MS;
  if (user.personalDeadline && user.personalDeadline.getTime() > deadline) deadline = user.personalDeadline.getTime();
  return new Date(deadline);
}

/** After this moment no snooze is left to anyone: the date plus the grace days, or the user's own later deadline. */
export function lastDayOf(user: Pick<PolicyUser, "createdAt" | "personalDeadline">, policy: Policy): Date {
  return new Date(Math.max(policy.lastDay.getTime(), deadlineOf(user, policy).getTime()));
}

/**
 * The rollout states that do not depend on the policy or the date: enrolled, an admin without 2FA
 * (required: admins hold the keys to everyone's accounts), exempt. Null for everyone else.
 */
export function settledRolloutState(user: Pick<PolicyUser, "twoFactorEnabledAt" | "role" | "exemptAt">): RolloutState | null {
  if (user.twoFactorEnabledAt) return { kind: "enrolled" };
  if (user.role === "admin") return { kind: "required" };
  if (user.exemptAt) return { kind: "exempt" };
  return null;
}

/** The user's place in the rollout at `now` (ms). Admins always need 2FA, and cannot be exempt. */
export function rolloutState(user: PolicyUser, policy: Policy, now = Date.now()): RolloutState {
  const settled = settledRolloutState(user);
  if (settled) return settled;
  const deadline = deadlineOf(user, policy);
  if (now < deadline.getTime()) return { kind: "optional", deadline };
  const lastDay = lastDayOf(user, policy);
  if (now >= lastDay.getTime()) return { kind: "required" };
  const snoozesLeft = Math.max(0, policy.snoozeLimit - user.snoozesUsed);
  if (user.enrollmentDeferredUntil && user.enrollmentDeferredUntil.getTime() > now) {
    return { kind: "snoozed", until: new Date(Math.min(user.enrollmentDeferredUntil.getTime(), lastDay.getTime())), snoozesLeft, lastDay };
  }
  return snoozesLeft > 0 ? { kind: "snoozable", snoozesLeft, lastDay } : { kind: "required" };
}

/** True when the user may reach nothing but the wizard (and sign-out, and the language). */
export function mustEnroll(state: RolloutState): boolean {
  return state.kind === "required" || state.kind === "snoozable";
}

/** Until when one more "Remind me later" defers the wizard: `snoozeDays` from now, never past the last day. */
export function snoozeUntil(user: Pick<PolicyUser, "createdAt" | "personalDeadline">, policy: Policy, now = Date.now()): Date {
  return new Date(Math.min(now + policy.snoozeDays * DAY_MS, lastDayOf(user, policy).getTime()));
}

/** Turning 2FA off is offered only while it is optional (before the date), and never to admins. */
export function mayDisable(user: Pick<PolicyUser, "role">, policy: Policy, now = Date.now()): boolean {
  return user.role !== "admin" && now < policy.requiredFrom.getTime();
}
